package dev.datajar.runtime.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses the text of a source field into a value of an attribute's Java type, strictly: a value
 * that is not exactly of the type is refused with a short reason ("'n/a' is not an integer"), never
 * guessed or rounded. Spaces around a number, boolean, date, time or UUID are allowed.
 *
 * <p>Independent of the JVM's locale and time zone: numbers use '.' and no grouping, enum names and
 * booleans are matched with {@link Locale#ROOT}.
 */
public final class ValueParser {
  private static final Pattern FLOATING =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?Infinity|NaN");
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** Most digits of a decimal written out in full (before and after the point together). */
  public static final int MAX_DECIMAL_DIGITS = 1000;

  private ValueParser() {}

  /** True if {@code type} can be read from source text. */
  public static boolean supports(Class<?> type) {
    return type == String.class
        || type == Long.class
        || type == Integer.class
        || type == Short.class
        || type == Byte.class
        || type == Double.class
        || type == Float.class
        || type == BigDecimal.class
        || type == BigInteger.class
        || type == Boolean.class
        || type == Character.class
        || type == LocalDate.class
        || type == LocalTime.class
        || type == LocalDateTime.class
        || type == Instant.class
        || type == OffsetDateTime.class
        || type == ZonedDateTime.class
        || type == Duration.class
        || type == UUID.class
        || type == byte[].class
        || type.isEnum();
  }

  /**
   * The value of {@code text} as a {@code type}.
   *
   * @throws IllegalArgumentException with a reason that quotes the text and names what was expected
   */
  public static Object parse(Class<?> type, String text) {
    String value = trimsSpaces(type) ? withoutSpaces(text) : text;
    try {
      return parseOrThrow(type, value);
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException(quote(text) + " is not " + expected(type), e);
    } catch (IllegalArgumentException e) {
      // Reasons quote the value parsed; a message shows the value as written.
      String parsed = quote(value);
      if (!value.equals(text) && e.getMessage() != null && e.getMessage().startsWith(parsed)) {
        throw new IllegalArgumentException(
            quote(text) + e.getMessage().substring(parsed.length()), e);
      }
      throw e;
    }
  }

  /**
   * Whether spaces around a value of the type are dropped: numbers, booleans, dates, times,
   * durations and UUIDs, as PostgreSQL's {@code COPY} and SQLite's own conversions accept {@code "
   * 1"}. Text is never trimmed (its spaces are data), nor are characters, enum names and base64.
   */
  private static boolean trimsSpaces(Class<?> type) {
    return type != String.class
        && type != Character.class
        && type != byte[].class
        && !type.isEnum();
  }

  /** The text without leading and trailing ASCII white space (space, tab, CR, LF, VT, FF). */
  private static String withoutSpaces(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == text.length() ? text : text.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
  }

  private static Object parseOrThrow(Class<?> type, String text) {
    if (type == String.class) {
      checkSurrogates(text);
      return text;
    } else if (type == Long.class) {
      return integer(text, Long.MIN_VALUE, Long.MAX_VALUE, "64-bit integer (long)");
    } else if (type == Integer.class) {
      return (int) integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "32-bit integer (int)");
    } else if (type == Short.class) {
      return (short) integer(text, Short.MIN_VALUE, Short.MAX_VALUE, "16-bit integer (short)");
    } else if (type == Byte.class) {
      return (byte) integer(text, Byte.MIN_VALUE, Byte.MAX_VALUE, "8-bit integer (byte)");
    } else if (type == Double.class || type == Float.class) {
      if (!FLOATING.matcher(text).matches()) {
        throw new NumberFormatException(text);
      }
      Object v = type == Double.class ? (Object) Double.parseDouble(text) : Float.parseFloat(text);
      // Java rounds a number too large for the type to Infinity: refuse it, since the source
      // did not say Infinity (it may spell that out).
      if (((v instanceof Double d && d.isInfinite()) || (v instanceof Float f && f.isInfinite()))
          && !text.endsWith("Infinity")) {
        throw new IllegalArgumentException(
            quote(text)
                + " is out of range for a "
                + (type == Double.class ? "double" : "float")
                + " (largest: "
                + (type == Double.class
                    ? Double.toString(Double.MAX_VALUE)
                    : Float.toString(Float.MAX_VALUE))
                + ")");
      }
      return v;
    } else if (type == BigDecimal.class) {
      return decimal(text);
    } else if (type == BigInteger.class) {
      return new BigInteger(text);
    } else if (type == Boolean.class) {
      return bool(text);
    } else if (type == Character.class) {
      if (text.length() != 1) {
        throw new IllegalArgumentException(quote(text) + " is not a single character");
      }
      checkSurrogates(text);
      return text.charAt(0);
    } else if (type == LocalDate.class) {
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } else if (type == LocalTime.class) {
      return LocalTime.parse(text, DateTimeFormatter.ISO_LOCAL_TIME);
    } else if (type == LocalDateTime.class) {
      // Exactly one separator, 'T' or a space (as SQLite writes it): "2024-01-0203:04" and
      // "2024-01-02T 03:04" are not date-times.
      return LocalDateTime.parse(
          text.replaceFirst(" ", "T"), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    } else if (type == Instant.class) {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } else if (type == OffsetDateTime.class) {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } else if (type == ZonedDateTime.class) {
      return zoned(text);
    } else if (type == Duration.class) {
      Duration d = Duration.parse(text);
      long unused = d.toNanos(); // stored as nanoseconds: throws for what does not fit
      return d;
    } else if (type == UUID.class) {
      if (!UUID_TEXT.matcher(text).matches()) {
        throw new IllegalArgumentException(quote(text) + " is not " + expected(type));
      }
      return UUID.fromString(text);
    } else if (type == byte[].class) {
      try {
        return Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(quote(text) + " is not " + expected(type), e);
      }
    } else if (type.isEnum()) {
      return enumConstant(type, text);
    }
    throw new IllegalArgumentException(
        "values of type "
            + type.getName()
            + " cannot be read from source text; map the attribute with an AttributeConverter");
  }

  /**
   * Refuses half of a surrogate pair: UTF-8 cannot encode it, and SQLite would store {@code ?} in
   * its place. (A JSON escape for half a pair can produce one.)
   */
  private static void checkSurrogates(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        throw new IllegalArgumentException(
            quote(text)
                + " contains an unpaired surrogate"
                + String.format(Locale.ROOT, " (\\u%04X at index %d)", cp, i)
                + ", which UTF-8 cannot store; fix the text or its escapes");
      }
      i += Character.charCount(cp);
    }
  }

  /**
   * A date-time with a zone, refused if its offset is not one the zone has at that local time. Java
   * would silently move such a value to another local time (02:30+01:00 in Paris on a
   * spring-forward day becomes 03:30+02:00), so what was stored would not be what was written.
   */
  private static ZonedDateTime zoned(String text) {
    TemporalAccessor parsed = DateTimeFormatter.ISO_ZONED_DATE_TIME.parse(text);
    ZonedDateTime z = ZonedDateTime.from(parsed);
    LocalDateTime local = LocalDateTime.from(parsed);
    ZoneOffset offset = ZoneOffset.from(parsed);
    if (!z.toLocalDateTime().equals(local) || !z.getOffset().equals(offset)) {
      List<ZoneOffset> valid = z.getZone().getRules().getValidOffsets(local);
      throw new IllegalArgumentException(
          quote(text)
              + ": offset "
              + offset.getId()
              + " is not in use in "
              + z.getZone().getId()
              + " at "
              + local
              + (valid.isEmpty()
                  ? " (that local time is skipped by a daylight-saving change)"
                  : " (it uses "
                      + valid.stream().map(ZoneOffset::getId).collect(Collectors.joining(" or "))
                      + ")")
              + "; fix the offset or the time");
    }
    return z;
  }

  private static long integer(String text, long min, long max, String what) {
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

  /**
   * A decimal as it will be stored: written out in full. An exponent that would make the plain form
   * longer than {@link #MAX_DECIMAL_DIGITS} is refused, because {@code 1E+999999999} would
   * otherwise become a billion-digit string. A negative scale ({@code 1E+3}) becomes scale 0, which
   * is how the value is stored and read back ({@code 1000}).
   */
  private static BigDecimal decimal(String text) {
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

  private static Boolean bool(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1":
        return Boolean.TRUE;
      case "false", "no", "0":
        return Boolean.FALSE;
      default:
        throw new IllegalArgumentException(
            quote(text) + " is not a boolean" + " (expected true/false, yes/no or 1/0)");
    }
  }

  private static Object enumConstant(Class<?> type, String text) {
    Object[] constants = type.getEnumConstants();
    for (Object c : constants) {
      if (((Enum<?>) c).name().equals(text)) {
        return c;
      }
    }
    String upper = text.toUpperCase(Locale.ROOT);
    for (Object c : constants) {
      if (((Enum<?>) c).name().toUpperCase(Locale.ROOT).equals(upper)) {
        return c;
      }
    }
    StringBuilder names = new StringBuilder();
    for (Object c : constants) {
      names.append(names.length() == 0 ? "" : ", ").append(((Enum<?>) c).name());
    }
    throw new IllegalArgumentException(
        quote(text)
            + " is not a constant of "
            + type.getSimpleName()
            + " (expected one of "
            + names
            + ")");
  }

  /** What a value of {@code type} looks like, for messages. */
  public static String expected(Class<?> type) {
    if (type == Long.class
        || type == Integer.class
        || type == Short.class
        || type == Byte.class
        || type == BigInteger.class) {
      return "an integer";
    } else if (type == Double.class || type == Float.class) {
      return "a number";
    } else if (type == BigDecimal.class) {
      return "a decimal number";
    } else if (type == LocalDate.class) {
      return "a date (yyyy-mm-dd)";
    } else if (type == LocalTime.class) {
      return "a time (hh:mm[:ss[.fffffffff]])";
    } else if (type == LocalDateTime.class) {
      return "a date-time (yyyy-mm-ddThh:mm[:ss[.f]])";
    } else if (type == Instant.class || type == OffsetDateTime.class) {
      return "a date-time with an offset (yyyy-mm-ddThh:mm[:ss[.f]]+hh:mm or Z)";
    } else if (type == ZonedDateTime.class) {
      return "a date-time with a zone (yyyy-mm-ddThh:mm:ss+01:00[Europe/Paris])";
    } else if (type == Duration.class) {
      return "an ISO-8601 duration (e.g. PT1H30M) that fits in 64-bit nanoseconds";
    } else if (type == UUID.class) {
      return "a UUID (8-4-4-4-12 hex digits)";
    } else if (type == byte[].class) {
      return "base64 text";
    }
    return "a " + type.getSimpleName();
  }

  private static String quote(String text) {
    String t = text.length() > 60 ? text.substring(0, 57) + "..." : text;
    return "'" + t + "'";
  }
}
