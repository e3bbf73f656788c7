package dev.datajar.runtime.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Parses the text of a source field into a value of an attribute's Java type, strictly: a value
 * that is not exactly of the type is refused with a short reason ("'n/a' is not an integer"), never
 * guessed or rounded. Spaces around a number, boolean, date, time or UUID are allowed.
 *
 * <p>Independent of the JVM's locale and time zone: numbers use '.' and no grouping, enum names and
 * booleans are matched with {@link Locale#ROOT}.
 */
public final class ValueParser {
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

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
        || TemporalParser.supports(type)
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
      return NumberParser.integer(text, Long.MIN_VALUE, Long.MAX_VALUE, "64-bit integer (long)");
    } else if (type == Integer.class) {
      return (int)
          NumberParser.integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "32-bit integer (int)");
    } else if (type == Short.class) {
      return (short)
          NumberParser.integer(text, Short.MIN_VALUE, Short.MAX_VALUE, "16-bit integer (short)");
    } else if (type == Byte.class) {
      return (byte)
          NumberParser.integer(text, Byte.MIN_VALUE, Byte.MAX_VALUE, "8-bit integer (byte)");
    } else if (type == Double.class || type == Float.class) {
      return NumberParser.floating(type == Double.class, text);
    } else if (type == BigDecimal.class) {
      return NumberParser.decimal(text);
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
    } else if (TemporalParser.supports(type)) {
      return TemporalParser.parse(type, text);
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

  static String quote(String text) {
    String t = text.length() > 60 ? text.substring(0, 57) + "..." : text;
    return "'" + t + "'";
  }
}
