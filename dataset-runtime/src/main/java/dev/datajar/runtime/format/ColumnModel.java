package dev.datajar.runtime.format;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.hibernate.metamodel.mapping.JdbcMapping;

/**
 * One column of a dataset table: its declaration, the Java type its source values are read as, and
 * the {@link Codec} that writes them in the form both Hibernate and the runtime read back.
 *
 * <p>Immutable and thread-safe. {@link #parse} turns source text into a value of {@link
 * #valueType()}; {@link #bind} writes such a value (or a typed value from a code source).
 */
public final class ColumnModel {
  /** Ends the {@link #owner()} of a collection or join table's key and basic element columns. */
  static final String COLLECTION_TABLE = " (collection table)";

  private final String name;
  private final String attribute;
  private final String owner;
  private final String declaredType;
  private final boolean nullable;
  private final Integer precision;
  private final Integer scale;
  private final List<String> checks;
  private final Class<?> valueType;
  private final Codec codec;
  private final String jdbcDescription;
  private final String defaultText;
  private final boolean primitive;

  ColumnModel(
      String name,
      String attribute,
      String owner,
      String declaredType,
      boolean nullable,
      Integer precision,
      Integer scale,
      List<String> checks,
      JdbcMapping mapping,
      Codec codec,
      String sqlDefault,
      boolean primitive) {
    this.name = name;
    this.primitive = primitive;
    this.attribute = attribute;
    this.owner = owner;
    this.declaredType = declaredType;
    this.nullable = nullable;
    this.precision = precision;
    this.scale = scale;
    this.checks = List.copyOf(checks);
    this.codec = codec;
    // An AttributeConverter (enum-typed ones included): the source holds the converter's
    // database-side value. Plain enums are stored by name or ordinal, as the entity asks.
    this.valueType = codec.storedType();
    this.defaultText = enumName(valueType, sourceText(sqlDefault));
    this.jdbcDescription =
        mapping.getJdbcType().getFriendlyName()
            + " "
            + mapping.getJdbcJavaType().getJavaTypeClass().getName();
  }

  /** The column's name in the SQLite file. */
  public String name() {
    return name;
  }

  /**
   * The entity attribute this column holds, by its path within the entity ({@code elevationFt},
   * {@code capital.lat}), or {@code null} (collection tables, an association with several columns).
   */
  public String attribute() {
    return attribute;
  }

  /**
   * Where the column comes from in the entities, by attribute path: {@code Airport.elevationFt},
   * {@code Country.capital.lat} (an embeddable), {@code Runway.airport} (an {@code @IdClass} key),
   * {@code Supplier.tags (collection table)}.
   */
  public String owner() {
    return owner;
  }

  /**
   * The collection whose table holds this column, as {@code Entity.attribute} (e.g. {@code
   * Supplier.tags}), for a collection or join table's key and basic element columns; else {@code
   * null}.
   */
  public String collection() {
    return owner.endsWith(COLLECTION_TABLE)
        ? owner.substring(0, owner.length() - COLLECTION_TABLE.length())
        : null;
  }

  /** The type in the {@code create table} statement, e.g. {@code integer}. */
  public String declaredType() {
    return declaredType;
  }

  public boolean nullable() {
    return nullable;
  }

  /**
   * Whether the attribute is a Java primitive ({@code int}, {@code double}, {@code boolean}...),
   * which cannot hold NULL; its column may still be nullable when an embeddable holds it.
   */
  public boolean primitive() {
    return primitive;
  }

  /**
   * The column's {@code @ColumnDefault} as source text (the SQL literal {@code 'Curry'} gives
   * {@code Curry}), which the builder uses where a source has no value for the column; empty if the
   * column declares none or its default is {@code null}.
   */
  public Optional<String> defaultText() {
    return Optional.ofNullable(defaultText);
  }

  /**
   * Source files name enum constants, but an ORDINAL enum's {@code @ColumnDefault} is the stored
   * number: turn it into the constant's name so the default parses like any source value.
   */
  private static String enumName(Class<?> type, String text) {
    if (text == null || !type.isEnum() || !text.matches("\\d{1,9}")) {
      return text;
    }
    Object[] constants = type.getEnumConstants();
    int ordinal = Integer.parseInt(text);
    return ordinal < constants.length ? ((Enum<?>) constants[ordinal]).name() : text;
  }

  /** A SQL literal as source text: quotes removed, {@code ''} unescaped; NULL as null. */
  private static String sourceText(String sql) {
    if (sql == null) {
      return null;
    }
    String t = sql.strip();
    if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
      return t.substring(1, t.length() - 1).replace("''", "'");
    }
    return t.equalsIgnoreCase("null") ? null : t;
  }

  /** Java type that source text is parsed into, and that {@link #bind} accepts. */
  public Class<?> valueType() {
    return valueType;
  }

  /** CHECK conditions Hibernate declares for the column (e.g. the names of an enum). */
  public List<String> checks() {
    return checks;
  }

  /**
   * Parses source text.
   *
   * @throws IllegalArgumentException with a reason such as {@code 'n/a' is not an integer}
   */
  public Object parse(String text) {
    Object v = ValueParser.parse(valueType, text);
    checkStorable(v, text);
    if (codec.converted()) {
      checkConvertible(v, text);
    }
    return v;
  }

  /**
   * Refuses a database-side value that the attribute's converter cannot turn into an entity value:
   * stored, it would make every read of the row fail at run time.
   */
  private void checkConvertible(Object v, String text) {
    try {
      codec.toAttribute(v);
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      throw new IllegalArgumentException(
          "'" + text + "' is refused by " + codec + " (" + owner + "): " + cause.getMessage(), e);
    }
  }

  /** Refuses values that would not come back exactly or compare correctly once stored. */
  private void checkStorable(Object v, String text) {
    if (v instanceof BigDecimal d) {
      int s = Math.max(d.scale(), 0);
      if (scale != null && s > scale) {
        throw new IllegalArgumentException(
            "'"
                + text
                + "' has "
                + s
                + " digits after the"
                + " decimal point; the column allows "
                + scale
                + " (@Column(scale = "
                + scale
                + "))");
      }
      int integerDigits = d.precision() - d.scale();
      if (precision != null && scale != null && integerDigits > precision - scale) {
        throw new IllegalArgumentException(
            "'"
                + text
                + "' has "
                + integerDigits
                + " digits"
                + " before the decimal point; the column allows "
                + (precision - scale)
                + " (@Column(precision = "
                + precision
                + ", scale = "
                + scale
                + "))");
      }
    }
    if ((v instanceof Double d && d.isNaN()) || (v instanceof Float f && f.isNaN())) {
      throw new IllegalArgumentException(
          "'" + text + "' cannot be stored: SQLite stores NaN" + " as NULL");
    }
    try {
      if (v instanceof LocalDate d) {
        TemporalText.format(d);
      } else if (v instanceof LocalDateTime d) {
        TemporalText.format(d);
      } else if (v instanceof Instant d) {
        TemporalText.format(d);
      } else if (v instanceof OffsetDateTime d) {
        TemporalText.format(d);
      } else if (v instanceof ZonedDateTime d) {
        TemporalText.format(d);
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
    }
  }

  /** How values of this column are stored and read. */
  public Codec codec() {
    return codec;
  }

  /** Binds {@code value} (of {@link #valueType()}, or {@code null}) through the codec. */
  public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    codec.bindStored(statement, index, value);
  }

  /** Line of the schema fingerprint for this column. */
  String describe() {
    return name
        + " "
        + declaredType
        + (nullable ? " null " : " not null ")
        + jdbcDescription
        + " "
        + valueType.getName()
        + (precision == null ? "" : " p" + precision)
        + (scale == null ? "" : " s" + scale);
  }

  @Override
  public String toString() {
    return owner + " -> " + name + " " + declaredType;
  }
}
