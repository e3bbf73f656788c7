package dev.datajar.runtime.internal.diff;

import java.util.Arrays;
import java.util.HexFormat;

/** How the diff shows and compares a value as SQLite returned it. */
final class StoredValue {
  private static final int MAX_TEXT = 200;
  private static final int MAX_BYTES = 32;

  private StoredValue() {}

  /** Equal as stored: same storage class and the same bytes (text compared exactly). */
  static boolean same(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    if (a instanceof Double x && b instanceof Double y) {
      return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y); // -0.0 != 0.0
    }
    if (a instanceof Number x
        && b instanceof Number y
        && !(a instanceof Double)
        && !(b instanceof Double)) {
      return x.longValue() == y.longValue();
    }
    return a == null ? b == null : a.equals(b);
  }

  /** {@code NULL}, a number, {@code "text"} (escaped, shortened), or {@code x'0a1b…'}. */
  static String show(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof byte[] b) {
      String hex = HexFormat.of().formatHex(b, 0, Math.min(b.length, MAX_BYTES));
      return "x'" + hex + (b.length > MAX_BYTES ? "…' (" + b.length + " bytes)" : "'");
    }
    if (v instanceof Number) {
      return v.toString();
    }
    String s = v.toString();
    StringBuilder sb = new StringBuilder("\"");
    int end = Math.min(s.length(), MAX_TEXT);
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
    if (s.length() > MAX_TEXT) {
      sb.append("… (").append(s.length()).append(" chars)");
    }
    return sb.toString();
  }
}
