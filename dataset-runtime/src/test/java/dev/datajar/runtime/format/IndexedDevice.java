package dev.datajar.runtime.format;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * Indexes left unnamed, one named, and an unnamed unique constraint: what {@link IndexNamesTest}
 * reads from Hibernate's mapping.
 */
@Entity
@Table(
    name = "device",
    indexes = {
      @Index(columnList = "vendorId, ports"),
      @Index(columnList = "ports"),
      @Index(name = "by_label", columnList = "label")
    },
    uniqueConstraints = @UniqueConstraint(columnNames = "serial"))
public class IndexedDevice {
  @Id public long id;
  public long vendorId;
  public int ports;
  public String label;
  public String serial;
}
