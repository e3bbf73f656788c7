package dev.datajar.runtime.format;

import static dev.datajar.runtime.format.ValueParser.quote;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The number rules of {@link ValueParser}: integers within their type's range, floating-point
 * numbers that do not overflow to infinity, and decimals no longer than datajar stores. A value
 * that is not exactly of the type is refused with a reason that quotes it.
 */
final class NumberParser {
  private static final Pattern FLOATING =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?Infinity|NaN");

  /** Most digits of a decimal written out in full (before and after the point together). */
  static final int MAX_DECIMAL_DIGITS = 1000;

  private NumberParser() {}

  /** An integer from {@code min} to {@code max}; {@code what} names the type in messages. */
  static long integer(String text, long min, long max, String what) {
    long v;
    try {
      v = Long.parseLong(text);
    } catch (NumberFormatException e) {
      if (text.matches("[+-]?\\d+")) {
        throw new IllegalArgumentException(quote(text) + " is out of range for a " + what, e);
      }
      throw new IllegalArgumentException(quote(text) + " is not an integer", e);
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException(
          quote(text) + " is out of range for a " + what + " (" + min + " to " + max + ")");
    }
    return v;
  }

  /** A {@code double} (or a {@code float}); {@link NumberFormatException} if it is not a number. */
  static Object floating(boolean isDouble, String text) {
    if (!FLOATING.matcher(text).matches()) {
      throw new NumberFormatException(text);
    }
    Object v = isDouble ? (Object) Double.parseDouble(text) : Float.parseFloat(text);
    // Java rounds a number too large for the type to Infinity: refuse it, since the source
    // did not say Infinity (it may spell that out).
    if (((v instanceof Double d && d.isInfinite()) || (v instanceof Float f && f.isInfinite()))
        && !text.endsWith("Infinity")) {
      throw new IllegalArgumentException(
          quote(text)
              + " is out of range for a "
              + (isDouble ? "double" : "float")
              + " (largest: "
              + (isDouble ? Double.toString(Double.MAX_VALUE) : Float.toString(Float.MAX_VALUE))
              + ")");
    }
    return v;
  }

  /**
   * A decimal as it will be stored: written out in full. An exponent that would make the plain form
   * longer than {@link #MAX_DECIMAL_DIGITS} is refused, because {@code 1E+999999999} would
   * otherwise become a billion-digit string. A negative scale ({@code 1E+3}) becomes scale 0, which
   * is how the value is stored and read back ({@code 1000}).
   */
  static BigDecimal decimal(String text) {
    BigDecimal d = new BigDecimal(text);
    long digits = Math.max((long) d.precision() - d.scale(), 1) + Math.max(d.scale(), 0);
    if (digits > MAX_DECIMAL_DIGITS) {
      throw new IllegalArgumentException(
          quote(text)
              + " has "
              + digits
              + " digits when written"
              + " out in full; datajar stores decimals written out in full, with at most "
              + MAX_DECIMAL_DIGITS
              + " digits");
    }
    return d.scale() < 0 ? d.setScale(0) : d;
  }
}
