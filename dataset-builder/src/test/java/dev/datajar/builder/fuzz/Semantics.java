package dev.datajar.builder.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * How two values of one attribute compare and how text matches a pattern, as docs/queries.md's
 * rules S4–S8 say, written in plain Java: nothing here goes through datajar's codecs or SQL.
 */
public final class Semantics {
  private Semantics() {}

  /**
   * {@code a} against {@code b}, both non-null values of an attribute ({@code ordinal}: an enum
   * stored as its ordinal, else by its name).
   */
  public static int compare(Object a, Object b, boolean ordinal) {
    if (a instanceof String x && b instanceof String y) {
      return compareText(x, y); // S4: code points
    }
    if (a instanceof Enum<?> x && b instanceof Enum<?> y) {
      return ordinal ? Integer.compare(x.ordinal(), y.ordinal()) : compareText(x.name(), y.name());
    }
    if ((a instanceof Double || a instanceof Float)
        && (b instanceof Double || b instanceof Float)) {
      double x = ((Number) a).doubleValue();
      double y = ((Number) b).doubleValue();
      return x == y ? 0 : x < y ? -1 : 1; // S7: -0.0 = 0.0
    }
    if (a instanceof BigDecimal || b instanceof BigDecimal) {
      return decimal(a).compareTo(decimal(b)); // S6: 1.5 = 1.50
    }
    if (a instanceof BigInteger || b instanceof BigInteger) {
      return integer(a).compareTo(integer(b));
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Long.compare(x.longValue(), y.longValue());
    }
    if (a instanceof UUID x && b instanceof UUID y) {
      return x.toString().compareTo(y.toString()); // S8: its text, unsigned bytes
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y); // S8
    }
    if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
      return x.toInstant().compareTo(y.toInstant()); // S5: the instant alone
    }
    if (a instanceof ZonedDateTime x && b instanceof ZonedDateTime y) {
      return x.toInstant().compareTo(y.toInstant()); // S5
    }
    if (a.getClass() == b.getClass() && a instanceof Comparable<?>) {
      // Boolean (false < true), LocalDate, LocalTime, LocalDateTime, Instant, Duration: S8.
      @SuppressWarnings("unchecked")
      Comparable<Object> c = (Comparable<Object>) a;
      return c.compareTo(b);
    }
    throw new IllegalArgumentException(
        "cannot compare " + a.getClass().getName() + " with " + b.getClass().getName());
  }

  /** Text by Unicode code point (S4), not by UTF-16 unit as {@link String#compareTo} does. */
  public static int compareText(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /**
   * SQL {@code like} as S4 says: {@code %} any run, {@code _} one code point, no escape, ASCII
   * letters match either case, every other character only itself.
   */
  public static boolean like(String text, String pattern) {
    int[] t = text.codePoints().toArray();
    int[] p = pattern.codePoints().toArray();
    // matched[j]: the first i code points of text match the first j of the pattern.
    boolean[] matched = new boolean[p.length + 1];
    matched[0] = true;
    for (int j = 1; j <= p.length; j++) {
      matched[j] = matched[j - 1] && p[j - 1] == '%';
    }
    for (int i = 1; i <= t.length; i++) {
      boolean[] next = new boolean[p.length + 1];
      for (int j = 1; j <= p.length; j++) {
        int c = p[j - 1];
        if (c == '%') {
          next[j] = next[j - 1] || matched[j];
        } else if (c == '_' || sameLetter(c, t[i - 1])) {
          next[j] = matched[j - 1];
        }
      }
      matched = next;
    }
    return matched[p.length];
  }

  private static boolean sameLetter(int p, int t) {
    return p == t || (isAsciiLetter(p) && isAsciiLetter(t) && (p | 0x20) == (t | 0x20));
  }

  private static boolean isAsciiLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static BigDecimal decimal(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    return BigDecimal.valueOf(((Number) v).longValue());
  }

  private static BigInteger integer(Object v) {
    return v instanceof BigInteger i ? i : BigInteger.valueOf(((Number) v).longValue());
  }
}
