package dev.datajar.it.exact;

import dev.datajar.it.corpus.Level;
import dev.datajar.it.corpus.Priority;
import dev.datajar.it.corpus.Rgb;
import dev.datajar.it.corpus.RgbConverter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The corpus attributes and the order SQLite must give their values in: numbers numerically ({@code
 * -0.0} equals {@code 0.0}), text by code point, temporals chronologically (instants with an offset
 * or zone by instant first), UUIDs and enums by their stored text, ordinal enums by ordinal, bytes
 * unsigned, converted values by their database text.
 */
final class Attributes {
  static final List<String> NAMES =
      Arrays.stream(Values.class.getRecordComponents())
          .map(RecordComponent::getName)
          .filter(n -> !n.equals("id"))
          .toList();

  private Attributes() {}

  static Object get(Values v, String attribute) {
    try {
      return Values.class.getMethod(attribute).invoke(v);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value as a query parameter, of the attribute's Java type. */
  static Object param(String attribute, Object value) {
    return attribute.equals("bytes") ? HexFormat.of().parseHex((String) value) : value;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(String attribute, Object a, Object b) {
    if (a instanceof Float || a instanceof Double) {
      return Double.compare(((Number) a).doubleValue() + 0.0, ((Number) b).doubleValue() + 0.0);
    }
    if (a instanceof String s) {
      return attribute.equals("bytes") ? s.compareTo((String) b) : codePoints(s, (String) b);
    }
    if (a instanceof OffsetDateTime o) {
      OffsetDateTime p = (OffsetDateTime) b;
      int c = o.toInstant().compareTo(p.toInstant());
      return c != 0 ? c : o.getOffset().getId().compareTo(p.getOffset().getId());
    }
    if (a instanceof ZonedDateTime z) {
      ZonedDateTime y = (ZonedDateTime) b;
      int c = z.toInstant().compareTo(y.toInstant());
      return c != 0 ? c : z.getZone().getId().compareTo(y.getZone().getId());
    }
    if (a instanceof UUID u) {
      return u.toString().compareTo(b.toString());
    }
    if (a instanceof Level l) {
      return l.name().compareTo(((Level) b).name());
    }
    if (a instanceof Priority p) {
      return Integer.compare(p.ordinal(), ((Priority) b).ordinal());
    }
    if (a instanceof Rgb r) {
      RgbConverter c = new RgbConverter();
      return c.convertToDatabaseColumn(r).compareTo(c.convertToDatabaseColumn((Rgb) b));
    }
    if (a instanceof BigDecimal || a instanceof BigInteger || a instanceof Comparable) {
      return ((Comparable) a).compareTo(b);
    }
    throw new IllegalArgumentException(attribute + ": " + a);
  }

  private static int codePoints(String a, String b) {
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }
}
