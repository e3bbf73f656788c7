package dev.datajar.runtime.format;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The text forms in which datajar stores dates and times, and their parsers.
 *
 * <p>Every form sorts as text in the same order as in time, so SQLite's plain text comparison gives
 * chronological {@code <}, {@code between} and {@code order by}, and SQLite's own date functions
 * read them:
 *
 * <ul>
 *   <li>{@code LocalDate}: {@code 2024-01-02}
 *   <li>{@code LocalTime}: {@code 03:04:05} or {@code 03:04:05.123456789} (trailing zeros of the
 *       fraction dropped: a shorter fraction is a prefix, so it still sorts first)
 *   <li>{@code LocalDateTime}: {@code 2024-01-02 03:04:05[.f]} (a space, as SQLite writes it)
 *   <li>{@code Instant}: {@code 2024-01-02 03:04:05.000000000Z}, always in UTC and always with nine
 *       fraction digits, because a variable fraction followed by {@code Z} would not sort
 *   <li>{@code OffsetDateTime}: the UTC instant as above, then {@code " [+05:30]"}: ordered by
 *       instant, and the offset comes back exactly
 *   <li>{@code ZonedDateTime}: the UTC instant, then {@code " [Europe/Paris]"}
 * </ul>
 *
 * Years must lie in 0000–9999: outside that range text order and time order differ, so such values
 * are refused rather than stored wrongly. Nothing here depends on the JVM's default time zone or
 * locale.
 */
public final class TemporalText {
  private static final DateTimeFormatter HOURS_MINUTES_SECONDS =
      threeFields(
              ChronoField.HOUR_OF_DAY,
              2,
              ':',
              ChronoField.MINUTE_OF_HOUR,
              ChronoField.SECOND_OF_MINUTE)
          .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter TIME =
      new DateTimeFormatterBuilder()
          .append(HOURS_MINUTES_SECONDS)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter DATE =
      threeFields(ChronoField.YEAR, 4, '-', ChronoField.MONTH_OF_YEAR, ChronoField.DAY_OF_MONTH)
          .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DATE)
          .appendLiteral(' ')
          .append(TIME)
          .toFormatter(Locale.ROOT);

  private static final DateTimeFormatter INSTANT =
      new DateTimeFormatterBuilder()
          .append(DATE)
          .appendLiteral(' ')
          .append(HOURS_MINUTES_SECONDS)
          .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
          .appendLiteral('Z')
          .toFormatter(Locale.ROOT);

  /** Length of the instant prefix of Instant, OffsetDateTime and ZonedDateTime text. */
  public static final int INSTANT_LENGTH = "2024-01-02 03:04:05.000000000Z".length();

  private TemporalText() {}

  /**
   * {@code first} ({@code width} digits), then two 2-digit fields, each after {@code separator}.
   */
  private static DateTimeFormatterBuilder threeFields(
      ChronoField first, int width, char separator, ChronoField second, ChronoField third) {
    return new DateTimeFormatterBuilder()
        .appendValue(first, width)
        .appendLiteral(separator)
        .appendValue(second, 2)
        .appendLiteral(separator)
        .appendValue(third, 2);
  }

  public static String format(LocalDate v) {
    checkYear(v.getYear());
    return DATE.format(v);
  }

  public static String format(LocalTime v) {
    return TIME.format(v);
  }

  public static String format(LocalDateTime v) {
    checkYear(v.getYear());
    return DATE_TIME.format(v);
  }

  public static String format(Instant v) {
    LocalDateTime utc = LocalDateTime.ofInstant(v, ZoneOffset.UTC);
    checkYear(utc.getYear());
    return INSTANT.format(utc);
  }

  public static String format(OffsetDateTime v) {
    return format(v.toInstant()) + " [" + v.getOffset().getId() + "]";
  }

  public static String format(ZonedDateTime v) {
    return format(v.toInstant()) + " [" + v.getZone().getId() + "]";
  }

  public static LocalDate parseLocalDate(String s) {
    return LocalDate.parse(s, DATE);
  }

  public static LocalTime parseLocalTime(String s) {
    return LocalTime.parse(s, TIME);
  }

  public static LocalDateTime parseLocalDateTime(String s) {
    return LocalDateTime.parse(s, DATE_TIME);
  }

  public static Instant parseInstant(String s) {
    return LocalDateTime.parse(s.substring(0, INSTANT_LENGTH), INSTANT).toInstant(ZoneOffset.UTC);
  }

  public static OffsetDateTime parseOffsetDateTime(String s) {
    return parseInstant(s).atOffset(ZoneOffset.of(suffix(s)));
  }

  public static ZonedDateTime parseZonedDateTime(String s) {
    return parseInstant(s).atZone(ZoneId.of(suffix(s)));
  }

  private static String suffix(String s) {
    int open = s.indexOf('[', INSTANT_LENGTH);
    int close = s.lastIndexOf(']');
    if (open < 0 || close < open) {
      throw new DateTimeException("'" + s + "' has no [offset] or [zone] after the instant");
    }
    return s.substring(open + 1, close);
  }

  private static void checkYear(int year) {
    if (year < 0 || year > 9999) {
      throw new DateTimeException(
          "year "
              + year
              + " is outside 0000-9999, where text order"
              + " and time order agree; datajar cannot store it so that it compares correctly");
    }
  }
}
