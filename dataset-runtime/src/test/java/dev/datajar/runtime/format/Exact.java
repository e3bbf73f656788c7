package dev.datajar.runtime.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Exact equality of stored and expected values: same class, and for floating point the same bits
 * ({@code -0.0} is not {@code 0.0}), for {@code BigDecimal} the same scale, for arrays the same
 * bytes.
 */
final class Exact {
  private Exact() {}

  static void assertExact(Object expected, Object actual, String what) {
    if (expected == null) {
      assertNull(actual, what);
      return;
    }
    assertEquals(expected.getClass(), actual == null ? null : actual.getClass(), what);
    if (expected instanceof Double d) {
      assertEquals(
          Long.toHexString(Double.doubleToRawLongBits(d)),
          Long.toHexString(Double.doubleToRawLongBits((Double) actual)),
          what + " (bits)");
    } else if (expected instanceof Float f) {
      assertEquals(
          Integer.toHexString(Float.floatToRawIntBits(f)),
          Integer.toHexString(Float.floatToRawIntBits((Float) actual)),
          what + " (bits)");
    } else if (expected instanceof byte[] b) {
      assertArrayEquals(b, (byte[]) actual, what);
    } else {
      // BigDecimal.equals compares the scale too; java.time types compare offset and zone.
      assertEquals(expected, actual, what);
    }
  }
}
