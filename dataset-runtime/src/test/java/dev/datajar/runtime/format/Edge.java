package dev.datajar.runtime.format;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * An entity with one nullable attribute of every supported type: each row of the edge-value {@link
 * Corpus} sets exactly one of them, so a value that leaks into another column shows.
 *
 * <p>Attribute names contain a capital I ({@code anInt}, {@code anInstant}) on purpose: under a
 * Turkish default locale a careless {@code toLowerCase()} would name the column {@code an_ınt}.
 *
 * <p>It belongs to dataset {@code edges} ({@link Edges}), so that dataset-tools' tests can build
 * the corpus with the real builder from this module's test jar.
 */
@Entity
@Table(
    indexes = {
      @Index(name = "edge_decimal", columnList = "aDecimal"),
      @Index(name = "edge_instant", columnList = "anInstant")
    })
public class Edge implements Edges {
  /** Names sort differently from ordinals, so STRING and ORDINAL order can be told apart. */
  public enum Label {
    ZULU,
    TITLE,
    ALPHA,
    INDIGO
  }

  @Id public Long id;
  public Long aLong;
  public Integer anInt;
  public Short aShort;
  public Byte aByte;
  public Double aDouble;
  public Float aFloat;
  public BigDecimal aDecimal;

  @Column(precision = 12, scale = 4)
  public BigDecimal aMoney;

  public BigInteger aBigInteger;
  public Boolean aBoolean;
  public Character aChar;
  public String aString;
  public LocalDate aDate;
  public LocalTime aTime;
  public LocalDateTime aDateTime;
  public Instant anInstant;
  public OffsetDateTime anOffsetDateTime;
  public ZonedDateTime aZonedDateTime;
  public Duration aDuration;
  public UUID aUuid;
  public byte[] someBytes;

  /**
   * Hibernate maps these to the JDBC types BLOB and CLOB, which sqlite-jdbc cannot read as such.
   */
  @Lob public byte[] lobBytes;

  @Lob public String lobText;

  @Enumerated(EnumType.STRING)
  public Label labelName;

  @Enumerated(EnumType.ORDINAL)
  public Label labelOrdinal;

  public Label labelDefault; // JPA's default for enums is ORDINAL

  @Convert(converter = LabelCodeConverter.class)
  public Label labelCode;

  @Convert(converter = UpperCaseConverter.class)
  public String shout;

  @Convert(converter = YearMonthConverter.class)
  public YearMonth aYearMonth;
}
