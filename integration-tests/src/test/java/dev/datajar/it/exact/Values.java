package dev.datajar.it.exact;

import dev.datajar.it.corpus.Level;
import dev.datajar.it.corpus.Priority;
import dev.datajar.it.corpus.Rgb;
import dev.datajar.it.corpus.ValueRow;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * One corpus row as plain values, so that rows compare with {@code equals}: {@code Float} and
 * {@code Double} compare bits ({@code -0.0} is not {@code 0.0}), {@code BigDecimal} compares
 * scale too, and the bytes are hex text.
 */
public record Values(Long id, Byte byteVal, Short shortVal, Integer intVal, Long longVal,
    long primitiveLong, Float floatVal, Double doubleVal, BigDecimal decimalVal,
    BigInteger bigIntVal, Boolean boolVal, String text, LocalDate localDate, LocalTime localTime,
    LocalDateTime localDateTime, Instant instant, OffsetDateTime offsetDateTime,
    ZonedDateTime zonedDateTime, Duration duration, UUID uuid, String bytes, Level level,
    Priority priority, Rgb color) {

  public static Values of(ValueRow r) {
    return new Values(r.id, r.byteVal, r.shortVal, r.intVal, r.longVal, r.primitiveLong,
        r.floatVal, r.doubleVal, r.decimalVal, r.bigIntVal, r.boolVal, r.text, r.localDate,
        r.localTime, r.localDateTime, r.instant, r.offsetDateTime, r.zonedDateTime, r.duration,
        r.uuid, r.bytes == null ? null : HexFormat.of().formatHex(r.bytes), r.level, r.priority,
        r.color);
  }

  /**
   * What {@code src/main/datasets/corpus/csv_value.csv} and {@code json_value.json} say, written
   * independently of them as Java values.
   */
  public static final List<Values> EXPECTED = List.of(
      new Values(1L, (byte) -128, (short) -32768, Integer.MIN_VALUE, Long.MIN_VALUE,
          Long.MIN_VALUE, -Float.MAX_VALUE, -Double.MAX_VALUE,
          new BigDecimal("-99999999999999999999.999999999999999999"),
          new BigInteger("-123456789012345678901234567890123456789012"), false, "",
          LocalDate.of(1, 1, 1), LocalTime.MIDNIGHT, LocalDateTime.of(1, 1, 1, 0, 0),
          Instant.parse("0001-01-01T00:00:00Z"),
          OffsetDateTime.parse("0001-01-01T00:00:00+14:00"),
          ZonedDateTime.parse("1900-01-01T00:00:00+00:09:21[Europe/Paris]"),
          Duration.ofNanos(Long.MIN_VALUE), new UUID(0, 0), "", Level.INFO, Priority.LOW,
          new Rgb(0, 0, 0)),
      new Values(2L, (byte) 127, (short) 32767, Integer.MAX_VALUE, Long.MAX_VALUE,
          Long.MAX_VALUE, Float.MAX_VALUE, Double.MAX_VALUE,
          new BigDecimal("99999999999999999999.999999999999999999"),
          new BigInteger("123456789012345678901234567890123456789012"), true, "Z",
          LocalDate.of(9999, 12, 31), LocalTime.of(23, 59, 59, 999_999_999),
          LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
          Instant.parse("9999-12-31T23:59:59.999999999Z"),
          OffsetDateTime.parse("9999-12-31T12:00:00-11:00"),
          ZonedDateTime.parse("9999-06-30T12:00:00+02:00[Europe/Paris]"),
          Duration.ofNanos(Long.MAX_VALUE), new UUID(-1, -1), "ffffffff", Level.CRITICAL,
          Priority.HIGH, new Rgb(255, 255, 255)),
      new Values(3L, (byte) 0, (short) 0, 0, 0L, 0L, -0.0f, -0.0, new BigDecimal("0.00"),
          BigInteger.ZERO, false, " leading and trailing spaces ", LocalDate.of(1970, 1, 1),
          LocalTime.NOON, LocalDateTime.of(1970, 1, 1, 0, 0), Instant.EPOCH,
          OffsetDateTime.parse("1970-01-01T05:30:00+05:30"),
          ZonedDateTime.parse("1970-01-01T00:00:00Z[UTC]"), Duration.ZERO,
          UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), "00", Level.WARNING,
          Priority.LOW, new Rgb(0x10, 0x20, 0x30)),
      new Values(4L, null, null, null, null, 1L, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, null, null),
      new Values(5L, (byte) 1, (short) 2, 3, 4L, 5L, 1.1f, 0.1,
          new BigDecimal("123456789012345.6789"), new BigInteger("9223372036854775808"), true,
          "\uD834\uDD1E clef, \"quoted\", comma\nnewline", LocalDate.of(1840, 1, 22),
          LocalTime.of(3, 4, 5, 123_456_789), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789),
          Instant.parse("2024-01-02T03:04:05.123456789Z"),
          OffsetDateTime.parse("2024-01-02T03:04:05.123456789+05:30"),
          ZonedDateTime.parse("2024-11-03T01:30:00-04:00[America/New_York]"),
          Duration.ofHours(1).plusMinutes(30).plusNanos(1),
          UUID.fromString("550e8400-e29b-41d4-a716-446655440000"), "000102ff", Level.INFO,
          Priority.HIGH, new Rgb(255, 128, 0)),
      new Values(6L, (byte) -1, (short) -2, -3, -4L, -5L, Float.MIN_VALUE, Double.MIN_VALUE,
          new BigDecimal("9.5"), BigInteger.ONE.negate(), true, "\u0130stanbul \u0131i",
          LocalDate.of(1840, 5, 1), LocalTime.of(0, 0, 0, 1), LocalDateTime.of(1840, 5, 1, 12, 0),
          Instant.parse("1969-12-31T23:59:59.999999999Z"),
          OffsetDateTime.parse("2024-01-02T03:04:05-08:00"),
          ZonedDateTime.parse("2024-11-03T01:30:00-05:00[America/New_York]"),
          Duration.ofSeconds(-5), new UUID(0, 1), "80", Level.CRITICAL, Priority.LOW,
          new Rgb(0, 255, 0)),
      new Values(7L, (byte) 100, (short) 1000, 100_000, 10_000_000_000L, 7L, 100.0f, 100.0,
          new BigDecimal("10"), BigInteger.TEN, false, "abc", LocalDate.of(1840, 12, 31),
          LocalTime.of(23, 0), LocalDateTime.of(1840, 12, 31, 23, 59, 59),
          Instant.parse("2000-02-29T12:00:00.5Z"),
          OffsetDateTime.parse("2000-02-29T12:00:00.5+00:00"),
          ZonedDateTime.parse("2000-02-29T12:00:00.5+01:00[Europe/Paris]"), Duration.ofHours(24),
          UUID.fromString("a0000000-0000-0000-0000-000000000000"), "7f", Level.WARNING,
          Priority.HIGH, new Rgb(0xab, 0xcd, 0xef)),
      new Values(8L, (byte) 2, (short) 20, 200, 2000L, 8L, 2.5f, 1.0E10, new BigDecimal("100"),
          BigInteger.valueOf(100), true, "ABC", LocalDate.of(2024, 2, 29),
          LocalTime.of(12, 34, 56, 1000), LocalDateTime.of(2024, 2, 29, 0, 0, 0, 1000),
          Instant.parse("2024-02-29T00:00:00Z"), OffsetDateTime.parse("2024-02-29T00:00:00+14:00"),
          ZonedDateTime.parse("2024-02-29T00:00:00+09:00[Asia/Tokyo]"), Duration.ofNanos(1000),
          UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff"), "0001", Level.INFO,
          Priority.LOW, new Rgb(0xab, 0xcd, 0xef)));
}
