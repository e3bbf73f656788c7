package dev.datajar.runtime.format;

import jakarta.persistence.AttributeConverter;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * How the values of one attribute are stored in a dataset column and read back: the storage format,
 * value by value, with no Hibernate involved.
 *
 * <p>The builder binds every value through {@link #bindStored}; the runtime's plain lookups read
 * them with {@link #read} and bind query parameters with {@link #bind}. Hibernate, where it is used
 * (HQL, entities with collections or embeddables), reads the same columns through {@link
 * DataJarDialect}'s types, which call the same {@link TemporalText} and {@link DecimalText}; {@code
 * CodecMapping} chooses a codec from Hibernate's own mapping of the attribute, and tests hold the
 * two readings equal over every stored type.
 *
 * <p>A codec has a stable {@link #spec()} (for example {@code long}, {@code instant}, {@code
 * enum-name:com.example.Scope}, {@code convert:com.example.Letter:text}) that the manifest records
 * per column, so the runtime rebuilds it with {@link #of} without booting Hibernate. Immutable and
 * thread-safe.
 */
public abstract class Codec {
  /** The codecs of single-column Java types, by spec; switches, not lambdas, to start fast. */
  private static final Map<String, Codec> BASIC = basics();

  private final String spec;
  private final Class<?> javaType;

  Codec(String spec, Class<?> javaType) {
    this.spec = spec;
    this.javaType = javaType;
  }

  /** The stable name the manifest records, from which {@link #of} makes the codec again. */
  public final String spec() {
    return spec;
  }

  /** The attribute's Java type (boxed for primitives). */
  public final Class<?> javaType() {
    return javaType;
  }

  /**
   * The Java type of the value actually stored: the attribute's type, or for an {@link
   * AttributeConverter} the converter's database-side type. Source files hold values of this type,
   * and {@link #bindStored} takes them.
   */
  public abstract Class<?> storedType();

  /** The attribute value in column {@code index} of the current row, or {@code null}. */
  public abstract Object read(ResultSet rs, int index) throws SQLException;

  /**
   * The value of {@link #storedType()} in column {@code index} of the current row, as {@link
   * #bindStored} took it (before any attribute converter), or {@code null}.
   */
  public Object readStored(ResultSet rs, int index) throws SQLException {
    return read(rs, index);
  }

  /** Binds an attribute value (a query parameter), or SQL NULL for {@code null}. */
  public abstract void bind(PreparedStatement ps, int index, Object value) throws SQLException;

  /** Binds a value of {@link #storedType()} as the builder stores it, or NULL for {@code null}. */
  public abstract void bindStored(PreparedStatement ps, int index, Object value)
      throws SQLException;

  /**
   * The attribute value a non-null stored value reads back as: the value itself, or what an
   * attribute converter makes of it (which may throw: the builder refuses such a value).
   */
  public Object toAttribute(Object stored) {
    return stored;
  }

  /** True if an {@link AttributeConverter} stands between the column and the attribute. */
  public boolean converted() {
    return false;
  }

  /**
   * The codec named {@code spec}.
   *
   * @param loader loads the enum and converter classes a spec names
   * @throws IllegalArgumentException if the spec is unknown or names a class that is missing
   */
  public static Codec of(String spec, ClassLoader loader) {
    Codec c = BASIC.get(spec);
    if (c != null) {
      return c;
    }
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? spec : spec.substring(0, colon);
    String rest = colon < 0 ? "" : spec.substring(colon + 1);
    switch (kind) {
      case "enum-name", "enum-ordinal" -> {
        Class<?> type = load(rest, loader, spec);
        if (!type.isEnum()) {
          throw new IllegalArgumentException("codec '" + spec + "': " + rest + " is not an enum");
        }
        return new EnumCodec(spec, type, kind.equals("enum-ordinal"));
      }
      case "convert" -> {
        int next = rest.indexOf(':');
        if (next < 0) {
          throw new IllegalArgumentException("unknown codec '" + spec + "'");
        }
        Class<?> converter = load(rest.substring(0, next), loader, spec);
        return new ConverterCodec(spec, converter, of(rest.substring(next + 1), loader));
      }
      default ->
          throw new IllegalArgumentException(
              "unknown codec '"
                  + spec
                  + "': this datajar"
                  + " runtime reads "
                  + String.join(", ", new TreeSet<>(BASIC.keySet()))
                  + ", enum-name, enum-ordinal and convert");
    }
  }

  /** The basic codec of {@code javaType} (boxed), or {@code null} if it has none. */
  public static Codec basicFor(Class<?> javaType) {
    for (Codec c : BASIC.values()) {
      if (c.javaType == javaType) {
        return c;
      }
    }
    return null;
  }

  /** The codec of an enum stored by name, or by ordinal. */
  public static Codec forEnum(Class<?> enumType, boolean ordinal) {
    return new EnumCodec(
        (ordinal ? "enum-ordinal:" : "enum-name:") + enumType.getName(), enumType, ordinal);
  }

  /** The codec of an attribute converted by {@code converter} into values {@code stored} keeps. */
  public static Codec forConverter(Class<?> converter, Codec stored) {
    return new ConverterCodec(
        "convert:" + converter.getName() + ":" + stored.spec(), converter, stored);
  }

  private static Class<?> load(String name, ClassLoader loader, String spec) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "codec '" + spec + "': class " + name + " is not on the" + " class path", e);
    }
  }

  /** The attribute side {@code X} of an {@code AttributeConverter<X, Y>}, or Object. */
  private static Class<?> attributeType(Class<?> converter) {
    for (Class<?> c = converter; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Type t : c.getGenericInterfaces()) {
        if (t instanceof ParameterizedType p
            && p.getRawType() == AttributeConverter.class
            && p.getActualTypeArguments()[0] instanceof Class<?> x) {
          return x;
        }
      }
    }
    return Object.class;
  }

  @Override
  public String toString() {
    return spec;
  }

  private static Map<String, Codec> basics() {
    Map<String, Codec> m = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      m.put(k.spec, new Basic(k));
    }
    return m;
  }

  /** The basic storage forms; {@code spec} is what manifests record. */
  private enum Kind {
    LONG("long", Long.class),
    INT("int", Integer.class),
    SHORT("short", Short.class),
    BYTE("byte", Byte.class),
    BOOLEAN("boolean", Boolean.class),
    DOUBLE("double", Double.class),
    FLOAT("float", Float.class),
    TEXT("text", String.class),
    CHAR("char", Character.class),
    DECIMAL("decimal", BigDecimal.class),
    BIG_INTEGER("biginteger", BigInteger.class),
    DATE("date", LocalDate.class),
    TIME("time", LocalTime.class),
    DATE_TIME("datetime", LocalDateTime.class),
    INSTANT("instant", Instant.class),
    OFFSET("offset", OffsetDateTime.class),
    ZONED("zoned", ZonedDateTime.class),
    DURATION("duration", Duration.class), // Hibernate's BIGINT duration: whole nanoseconds
    UUID_TEXT("uuid", UUID.class),
    BYTES("bytes", byte[].class);

    final String spec;
    final Class<?> type;

    Kind(String spec, Class<?> type) {
      this.spec = spec;
      this.type = type;
    }
  }

  private static final class Basic extends Codec {
    private final Kind kind;

    Basic(Kind kind) {
      super(kind.spec, kind.type);
      this.kind = kind;
    }

    @Override
    public Class<?> storedType() {
      return javaType();
    }

    @Override
    public Object read(ResultSet rs, int i) throws SQLException {
      Object v;
      switch (kind) {
        case LONG -> v = rs.getLong(i);
        case INT -> v = rs.getInt(i);
        case SHORT -> v = rs.getShort(i);
        case BYTE -> v = rs.getByte(i);
        case BOOLEAN -> v = rs.getBoolean(i);
        case DOUBLE -> v = rs.getDouble(i);
        case FLOAT -> v = rs.getFloat(i);
        case DURATION -> v = Duration.ofNanos(rs.getLong(i));
        case BYTES -> {
          return rs.getBytes(i);
        }
        default -> {
          String s = rs.getString(i);
          return s == null ? null : parse(s);
        }
      }
      return rs.wasNull() ? null : v;
    }

    private Object parse(String s) {
      return switch (kind) {
        case TEXT -> s;
        case CHAR -> s.isEmpty() ? null : s.charAt(0);
        case DECIMAL -> new BigDecimal(s);
        case BIG_INTEGER -> new BigInteger(s);
        case DATE -> TemporalText.parseLocalDate(s);
        case TIME -> TemporalText.parseLocalTime(s);
        case DATE_TIME -> TemporalText.parseLocalDateTime(s);
        case INSTANT -> TemporalText.parseInstant(s);
        case OFFSET -> TemporalText.parseOffsetDateTime(s);
        case ZONED -> TemporalText.parseZonedDateTime(s);
        case UUID_TEXT -> UUID.fromString(s);
        default -> throw new IllegalStateException(kind + " is not stored as text");
      };
    }

    @Override
    public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
      if (v == null) {
        ps.setNull(i, Types.NULL);
        return;
      }
      switch (kind) {
        case LONG -> ps.setLong(i, (Long) v);
        case INT -> ps.setInt(i, (Integer) v);
        case SHORT -> ps.setShort(i, (Short) v);
        case BYTE -> ps.setByte(i, (Byte) v);
        case BOOLEAN -> ps.setBoolean(i, (Boolean) v);
        case DOUBLE -> ps.setDouble(i, (Double) v);
        case FLOAT -> ps.setFloat(i, (Float) v);
        case TEXT -> ps.setString(i, (String) v);
        case CHAR -> ps.setString(i, String.valueOf((char) (Character) v));
        case DECIMAL -> ps.setString(i, DecimalText.format((BigDecimal) v));
        case BIG_INTEGER -> ps.setString(i, DecimalText.format((BigInteger) v));
        case DATE -> ps.setString(i, TemporalText.format((LocalDate) v));
        case TIME -> ps.setString(i, TemporalText.format((LocalTime) v));
        case DATE_TIME -> ps.setString(i, TemporalText.format((LocalDateTime) v));
        case INSTANT -> ps.setString(i, TemporalText.format((Instant) v));
        case OFFSET -> ps.setString(i, TemporalText.format((OffsetDateTime) v));
        case ZONED -> ps.setString(i, TemporalText.format((ZonedDateTime) v));
        case DURATION -> ps.setLong(i, ((Duration) v).toNanos());
        case UUID_TEXT -> ps.setString(i, v.toString());
        case BYTES -> ps.setBytes(i, (byte[]) v);
        default -> throw new IllegalStateException(kind.toString());
      }
    }

    @Override
    public void bindStored(PreparedStatement ps, int index, Object value) throws SQLException {
      bind(ps, index, value);
    }
  }

  /** Hibernate's {@code EnumType.STRING} (the constant's name) or {@code ORDINAL}. */
  private static final class EnumCodec extends Codec {
    private final Object[] constants;
    private final boolean ordinal;

    EnumCodec(String spec, Class<?> type, boolean ordinal) {
      super(spec, type);
      this.constants = type.getEnumConstants();
      this.ordinal = ordinal;
    }

    @Override
    public Class<?> storedType() {
      return javaType();
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
      if (ordinal) {
        int i = rs.getInt(index);
        return rs.wasNull() ? null : constants[i];
      }
      String name = rs.getString(index);
      if (name == null) {
        return null;
      }
      for (Object c : constants) {
        if (((Enum<?>) c).name().equals(name)) {
          return c;
        }
      }
      throw new IllegalArgumentException(
          "'" + name + "' is not a constant of " + javaType().getName());
    }

    @Override
    @SuppressWarnings("EnumOrdinal") // EnumType.ORDINAL stores exactly this number
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
      if (value == null) {
        ps.setNull(index, Types.NULL);
      } else if (ordinal) {
        ps.setInt(index, ((Enum<?>) value).ordinal());
      } else {
        ps.setString(index, ((Enum<?>) value).name());
      }
    }

    @Override
    public void bindStored(PreparedStatement ps, int index, Object value) throws SQLException {
      bind(ps, index, value);
    }
  }

  /**
   * A JPA {@link AttributeConverter}: the column holds what {@code stored} keeps, the attribute
   * what the converter makes of it. NULL stays NULL without asking the converter, as in datajar's
   * reads through Hibernate.
   */
  private static final class ConverterCodec extends Codec {
    private final AttributeConverter<Object, Object> converter;
    private final Codec stored;

    @SuppressWarnings("unchecked")
    ConverterCodec(String spec, Class<?> converterType, Codec stored) {
      super(spec, attributeType(converterType));
      this.stored = stored;
      try {
        Constructor<?> c = converterType.getDeclaredConstructor();
        c.setAccessible(true);
        this.converter = (AttributeConverter<Object, Object>) c.newInstance();
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new IllegalArgumentException(
            "codec '"
                + spec
                + "': cannot create converter "
                + converterType.getName()
                + " with its no-argument constructor: "
                + e,
            e);
      }
    }

    @Override
    public Class<?> storedType() {
      return stored.storedType();
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
      Object v = stored.read(rs, index);
      return v == null ? null : converter.convertToEntityAttribute(v);
    }

    @Override
    public Object readStored(ResultSet rs, int index) throws SQLException {
      return stored.read(rs, index);
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
      stored.bindStored(ps, index, value == null ? null : converter.convertToDatabaseColumn(value));
    }

    @Override
    public void bindStored(PreparedStatement ps, int index, Object value) throws SQLException {
      stored.bindStored(ps, index, value);
    }

    @Override
    public Object toAttribute(Object value) {
      return converter.convertToEntityAttribute(value);
    }

    @Override
    public boolean converted() {
      return true;
    }

    /** The converter's simple name, for messages. */
    @Override
    public String toString() {
      return converter.getClass().getSimpleName();
    }
  }
}
