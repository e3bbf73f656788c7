package dev.datajar.datasets.oui;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An assignment of the IEEE MA-S registry (36-bit prefixes), loaded from {@code ma_s.csv} (the
 * package's {@code oui36.csv}, 5,029 rows).
 */
@Entity
@Table(name = "ma_s")
public class SmallBlock extends Assignment {
  protected SmallBlock() {}
}
