package dev.datajar.builder.internal.postgres;

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
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes values in the text form of PostgreSQL's {@code COPY ... FROM STDIN} (tab-separated, {@code
 * \N} for NULL, backslash escapes), exactly: decimals with every digit and their scale, doubles in
 * the shortest form that reads back as the same double, times to the microsecond.
 *
 * <p>A value PostgreSQL cannot hold exactly is refused with {@link IllegalArgumentException} rather
 * than rounded. Stateless.
 */
final class CopyText {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

  private CopyText() {}

  /**
   * Appends {@code value} for a column of {@code ordinal} enum storage ({@code true} when the
   * column holds an enum's ordinal).
   */
  // Only the fraction of a second is checked against microseconds (the rest is always exact), and
  // an ordinal is how Hibernate's EnumType.ORDINAL stores an enum.
  @SuppressWarnings({
    "JavaLocalTimeGetNano",
    "JavaLocalDateTimeGetNano",
    "JavaInstantGetSecondsGetNano",
    "EnumOrdinal"
  })
  static void append(StringBuilder out, Object value, boolean ordinal) {
    if (value == null) {
      out.append("\\N");
    } else if (value instanceof String s) {
      escape(out, s);
    } else if (value instanceof Character c) {
      escape(out, c.toString());
    } else if (value instanceof Boolean b) {
      out.append(b ? 't' : 'f');
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof Double d) {
      out.append(Double.toString(d)); // shortest round-trip form; -0.0 and Infinity included
    } else if (value instanceof Float f) {
      out.append(Float.toString(f));
    } else if (value instanceof BigDecimal d) {
      out.append(d.toPlainString());
    } else if (value instanceof UUID u) {
      out.append(u);
    } else if (value instanceof LocalDate d) {
      date(out, d);
      era(out, d.getYear());
    } else if (value instanceof LocalTime t) {
      micros(t.getNano(), value);
      out.append(TIME.format(t));
    } else if (value instanceof LocalDateTime t) {
      micros(t.getNano(), value);
      date(out, t.toLocalDate());
      out.append(' ').append(TIME.format(t));
      era(out, t.getYear());
    } else if (value instanceof Instant i) {
      micros(i.getNano(), value);
      LocalDateTime utc = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
      date(out, utc.toLocalDate());
      out.append(' ').append(TIME.format(utc)).append("+00");
      era(out, utc.getYear());
    } else if (value instanceof OffsetDateTime t) {
      append(out, t.toInstant(), ordinal);
    } else if (value instanceof ZonedDateTime t) {
      append(out, t.toInstant(), ordinal);
    } else if (value instanceof ZoneOffset o) {
      out.append(o.getTotalSeconds());
    } else if (value instanceof Duration d) {
      out.append(d.toNanos()); // stored as integer nanoseconds, as on SQLite
    } else if (value instanceof byte[] b) {
      out.append("\\\\x").append(HexFormat.of().formatHex(b));
    } else if (value instanceof Enum<?> e) {
      if (ordinal) {
        out.append(e.ordinal());
      } else {
        escape(out, e.name());
      }
    } else {
      throw new IllegalArgumentException("no PostgreSQL form for " + value.getClass().getName());
    }
  }

  /**
   * A date as PostgreSQL reads it: ISO year 0 is 1 BC there, and year -1 is 2 BC (the same
   * proleptic Gregorian calendar, counted without a year zero). The era goes at the very end.
   */
  private static void date(StringBuilder out, LocalDate d) {
    int year = d.getYear() > 0 ? d.getYear() : 1 - d.getYear();
    out.append(
        String.format(Locale.ROOT, "%04d-%02d-%02d", year, d.getMonthValue(), d.getDayOfMonth()));
  }

  private static void era(StringBuilder out, int isoYear) {
    if (isoYear <= 0) {
      out.append(" BC");
    }
  }

  private static void micros(int nanos, Object value) {
    if (nanos % 1000 != 0) {
      throw new IllegalArgumentException(
          "'"
              + value
              + "' has nanoseconds, and PostgreSQL keeps"
              + " times to the microsecond. Round the value to microseconds, or keep this dataset"
              + " in SQLite");
    }
  }

  private static void escape(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\0' ->
            throw new IllegalArgumentException(
                "PostgreSQL text cannot hold the NUL"
                    + " character (U+0000). Remove it from the value");
        default -> out.append(c);
      }
    }
  }
}
