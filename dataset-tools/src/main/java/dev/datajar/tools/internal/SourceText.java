package dev.datajar.tools.internal;

import dev.datajar.runtime.format.TemporalText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;

/**
 * Turns a stored value back into the source text the builder reads as the same value: the inverse
 * of {@code ValueParser} over datajar's storage forms (see docs/storage.md).
 *
 * <p>One instance per column, made from the Java type the builder parses the column's source text
 * into (for a converted attribute, the converter's database-side type). {@code null} stands for SQL
 * NULL; the empty string stays the empty string.
 */
public final class SourceText {
  /** How a value is written in a JSON Lines dump. */
  public enum JsonKind {
    STRING,
    NUMBER,
    BOOLEAN
  }

  private final Class<?> type;

  public SourceText(Class<?> type) {
    this.type = type;
  }

  /** How the value is best written in JSON: numbers and booleans bare, the rest as strings. */
  public JsonKind jsonKind(String text) {
    if (type == Boolean.class) {
      return JsonKind.BOOLEAN;
    }
    if (type == Long.class || type == Integer.class || type == Short.class || type == Byte.class) {
      return JsonKind.NUMBER;
    }
    return JsonKind.STRING;
  }

  /** The source text of column {@code index} of the current row, or {@code null} for NULL. */
  public String read(ResultSet rs, int index) throws SQLException {
    Object stored = rs.getObject(index);
    if (stored == null) {
      return null;
    }
    if (type == Boolean.class) {
      return ((Number) stored).longValue() != 0 ? "true" : "false";
    }
    if (type == Long.class || type == Integer.class || type == Short.class || type == Byte.class) {
      return Long.toString(((Number) stored).longValue());
    }
    if (type == Double.class) {
      // Double.toString is the shortest text that parses back to the same double; it keeps
      // the sign of -0.0 and spells Infinity as the builder reads it.
      return Double.toString(rs.getDouble(index));
    }
    if (type == Float.class) {
      return Float.toString((float) rs.getDouble(index));
    }
    if (type == byte[].class) {
      return Base64.getEncoder().encodeToString(rs.getBytes(index));
    }
    if (type == Duration.class) {
      return Duration.ofNanos(((Number) stored).longValue()).toString();
    }
    if (type.isEnum()) {
      return enumName(stored);
    }
    String text = rs.getString(index);
    if (type == Instant.class) {
      return DateTimeFormatter.ISO_INSTANT.format(TemporalText.parseInstant(text));
    }
    if (type == OffsetDateTime.class) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(TemporalText.parseOffsetDateTime(text));
    }
    if (type == ZonedDateTime.class) {
      return DateTimeFormatter.ISO_ZONED_DATE_TIME.format(TemporalText.parseZonedDateTime(text));
    }
    if (type == LocalDateTime.class) {
      return text.replaceFirst(" ", "T"); // stored with a space, as SQLite writes it
    }
    // String, Character, UUID, BigDecimal, BigInteger, LocalDate, LocalTime: the stored text is
    // already the canonical source text (decimals keep their scale, never an exponent).
    if (type == String.class
        || type == Character.class
        || type == UUID.class
        || type == BigDecimal.class
        || type == BigInteger.class
        || type == LocalDate.class
        || type == LocalTime.class) {
      return text;
    }
    throw new IllegalStateException("no source text for values of " + type.getName());
  }

  /** An enum stored by name (text) or by ordinal (integer), written as the constant's name. */
  private String enumName(Object stored) {
    Object[] constants = type.getEnumConstants();
    if (stored instanceof Number n) {
      int ordinal = n.intValue();
      if (ordinal < 0 || ordinal >= constants.length) {
        throw new IllegalStateException(
            "ordinal " + ordinal + " is not a constant of " + type.getName());
      }
      return ((Enum<?>) constants[ordinal]).name();
    }
    return stored.toString();
  }
}
