package dev.datajar.runtime.format;

import static dev.datajar.runtime.format.ValueParser.quote;

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
import java.util.List;
import java.util.stream.Collectors;

/**
 * The date, time and duration rules of {@link ValueParser}: ISO-8601 text, strictly, with no silent
 * shift of a value to another local time or out of the stored range. A value that does not parse
 * throws {@link DateTimeParseException} or {@link ArithmeticException}, which {@link ValueParser}
 * turns into its reason.
 */
final class TemporalParser {
  private TemporalParser() {}

  /** True for the date, time and duration types. */
  static boolean supports(Class<?> type) {
    return type == LocalDate.class
        || type == LocalTime.class
        || type == LocalDateTime.class
        || type == Instant.class
        || type == OffsetDateTime.class
        || type == ZonedDateTime.class
        || type == Duration.class;
  }

  /** The value of {@code text} as a {@code type}, one of those {@link #supports} accepts. */
  static Object parse(Class<?> type, String text) {
    if (type == LocalDate.class) {
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
    }
    throw new IllegalArgumentException(type.getName() + " is not a date, time or duration");
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
}
