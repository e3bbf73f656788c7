package dev.datajar.it.corpus;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
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

/**
 * One attribute of every type datajar stores (issue 4). Two entities share it, one loaded from CSV
 * and one from JSON, so both readers are proven against the same expected values.
 */
@MappedSuperclass
public abstract class ValueRow implements CorpusData {
  @Id public Long id;

  public Byte byteVal;
  public Short shortVal;
  public Integer intVal;
  public Long longVal;
  public long primitiveLong;
  public Float floatVal;
  public Double doubleVal;

  @Column(precision = 60, scale = 30)
  public BigDecimal decimalVal;

  public BigInteger bigIntVal;
  public Boolean boolVal;
  public String text;
  public LocalDate localDate;
  public LocalTime localTime;
  public LocalDateTime localDateTime;
  public Instant instant;
  public OffsetDateTime offsetDateTime;
  public ZonedDateTime zonedDateTime;
  public Duration duration;
  public UUID uuid;
  public byte[] bytes;

  @Enumerated(EnumType.STRING)
  public Level level;

  public Priority priority;

  @Convert(converter = RgbConverter.class)
  public Rgb color;
}
