package dev.datajar.datasets.oui;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An assignment of the IEEE IAB registry (36-bit prefixes), loaded from {@code iab.csv} (the
 * package's {@code iab.csv}, 4,575 rows).
 */
@Entity
@Table(name = "iab")
public class IabBlock extends Assignment {
  protected IabBlock() {}
}
