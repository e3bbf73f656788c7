package dev.datajar.datasets.oui;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An assignment of the IEEE MA-L registry (24-bit prefixes), loaded from {@code ma_l.csv} (the
 * package's {@code oui.csv}, 32,530 rows).
 */
@Entity
@Table(name = "ma_l")
public class LargeBlock extends Assignment {
  protected LargeBlock() {}
}
