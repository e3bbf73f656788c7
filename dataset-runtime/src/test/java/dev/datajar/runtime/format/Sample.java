package dev.datajar.runtime.format;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/** An entity with an attribute of every supported type, for storage round-trip tests. */
@Entity
@Table(indexes = @Index(name = "sample_amount", columnList = "amount"))
public class Sample implements SampleData {
  public enum Colour { RED, GREEN, INDIGO }

  @Id public long id;
  public int anInt;
  public Short aShort;
  public Byte aByte;
  public Long aLong;
  public float aFloat;
  public Double aDouble;
  @Column(precision = 40, scale = 10) public BigDecimal amount;
  public BigInteger big;
  public Boolean flag;
  public String text;
  public LocalDate day;
  public LocalTime clock;
  public LocalDateTime local;
  public Instant instant;
  public OffsetDateTime offset;
  public ZonedDateTime zoned;
  public Duration duration;
  public UUID uuid;
  public byte[] bytes;
  @Enumerated(EnumType.STRING) public Colour colourName;
  @Enumerated(EnumType.ORDINAL) public Colour colourOrdinal;
  @Convert(converter = UpperCaseConverter.class) public String shout;
  @ManyToOne public Sample parent;
}
