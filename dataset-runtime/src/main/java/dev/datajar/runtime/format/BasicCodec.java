package dev.datajar.runtime.format;

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
import java.util.UUID;

/**
 * The codecs of single-column Java types (numbers, text, dates and times, UUIDs, bytes): how each
 * is stored in SQLite and read back. Switches, not lambdas, to start fast. Immutable.
 */
final class BasicCodec extends Codec {
  /** One codec of each kind, by spec, in declaration order. */
  static final Map<String, Codec> BY_SPEC = bySpec();

  private final Kind kind;

  private BasicCodec(Kind kind) {
    super(kind.spec, kind.type);
    this.kind = kind;
  }

  @Override
  public Class<?> storedType() {
    return javaType();
  }

  @Override
  public Object read(ResultSet rs, int i) throws SQLException {
    // A NULL reads as 0 (false): only then is wasNull() asked, a second call into the driver
    // (into native code on SQLite) that most values do not need.
    switch (kind) {
      case LONG -> {
        long v = rs.getLong(i);
        return v != 0 || !rs.wasNull() ? (Object) v : null;
      }
      case INT -> {
        int v = rs.getInt(i);
        return v != 0 || !rs.wasNull() ? (Object) v : null;
      }
      case SHORT -> {
        short v = rs.getShort(i);
        return v != 0 || !rs.wasNull() ? (Object) v : null;
      }
      case BYTE -> {
        byte v = rs.getByte(i);
        return v != 0 || !rs.wasNull() ? (Object) v : null;
      }
      case BOOLEAN -> {
        boolean v = rs.getBoolean(i);
        return v || !rs.wasNull() ? (Object) v : null;
      }
      case DOUBLE -> {
        double v = rs.getDouble(i);
        return v != 0 || !rs.wasNull() ? (Object) v : null;
      }
      case FLOAT -> {
        float v = rs.getFloat(i);
        return v != 0 || !rs.wasNull() ? (Object) v : null;
      }
      case DURATION -> {
        long v = rs.getLong(i);
        return v != 0 || !rs.wasNull() ? Duration.ofNanos(v) : null;
      }
      case BYTES -> {
        return rs.getBytes(i);
      }
      default -> {
        String s = rs.getString(i);
        return s == null ? null : parse(s);
      }
    }
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

  private static Map<String, Codec> bySpec() {
    Map<String, Codec> m = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      m.put(k.spec, new BasicCodec(k));
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
}
