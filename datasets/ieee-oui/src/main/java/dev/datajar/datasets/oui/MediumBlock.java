package dev.datajar.datasets.oui;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An assignment of the IEEE MA-M registry (28-bit prefixes), loaded from {@code ma_m.csv} (the
 * package's {@code mam.csv}, 4,390 rows).
 */
@Entity
@Table(name = "ma_m")
public class MediumBlock extends Assignment {
  protected MediumBlock() {}
}
