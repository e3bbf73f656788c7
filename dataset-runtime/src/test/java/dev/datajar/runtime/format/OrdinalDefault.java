package dev.datajar.runtime.format;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.ColumnDefault;

/** An ORDINAL enum with a column default, whose default is stored as a number. */
@Entity
public class OrdinalDefault {
  public enum Level {
    LOW,
    MEDIUM,
    HIGH
  }

  @Id public long id;

  @Enumerated(EnumType.ORDINAL)
  @ColumnDefault("1")
  public Level level;

  @Enumerated(EnumType.STRING)
  @ColumnDefault("'HIGH'")
  public Level named;
}
