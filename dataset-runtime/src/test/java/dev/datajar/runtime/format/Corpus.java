package dev.datajar.runtime.format;

import static dev.datajar.runtime.format.Edge.Label.ALPHA;
import static dev.datajar.runtime.format.Edge.Label.INDIGO;
import static dev.datajar.runtime.format.Edge.Label.TITLE;
import static dev.datajar.runtime.format.Edge.Label.ZULU;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Edge values for every supported type: the source text a CSV or JSON file would hold, and the
 * exact value an entity must hold after the text was parsed, stored and read back.
 *
 * <p>Expected values are written out in Java, never derived from the text by the code under test.
 * Row {@code i + 1} of the corpus table holds entry {@code i} in its one attribute.
 */
final class Corpus {
  /** One edge value: {@code text} is {@code null} for a NULL in the source. */
  record Entry(long id, String attribute, String text, Object expected) {
    @Override
    public String toString() {
      return "#" + id + " " + attribute + " = " + (text == null ? "NULL" : "'" + text + "'");
    }
  }

  static final List<Entry> ENTRIES = build();

  /*
   * Which tests run again in the JVMs with other settings (dataset-runtime/pom.xml), by JUnit tag:
   * "settings" marks a test whose code path converts values or names or opens files, so that the
   * default locale or charset could change what it does: it runs again under a Turkish and a
   * German/ISO-8859-1 JVM (each also in another zone). "zone" marks those that also convert
   * date-time values: they run again in the JVMs that change only the time zone, and there
   * (-Ddatajar.format.scope=zone) only over the attributes below. A test without either tag
   * (BuildDigestsTest) runs once.
   */

  /**
   * The attributes whose conversion can depend on the default time zone: the java.time types and
   * the converter to a date. Measured: with a recording default zone installed, tests over the
   * other attributes read the zone only where sqlite-jdbc opens a connection (its date parser, used
   * by getDate/getTimestamp, which the text codecs never call).
   */
  static final Set<String> TEMPORAL =
      Set.of(
          "aDate",
          "aTime",
          "aDateTime",
          "anInstant",
          "anOffsetDateTime",
          "aZonedDateTime",
          "aDuration",
          "aYearMonth");

  /** Whether this run tests {@code attribute}: all of them, or only temporal ones in a zone run. */
  static boolean inScope(String attribute) {
    return !"zone".equals(System.getProperty("datajar.format.scope"))
        || TEMPORAL.contains(attribute);
  }

  /** The entries this run tests (see {@link #inScope}); the corpus file always holds them all. */
  static final List<Entry> UNDER_TEST =
      ENTRIES.stream().filter(e -> inScope(e.attribute())).toList();

  private Corpus() {}

  static List<Entry> of(String attribute) {
    return ENTRIES.stream().filter(e -> e.attribute().equals(attribute)).toList();
  }

  static Set<String> attributes() {
    Set<String> out = new LinkedHashSet<>();
    ENTRIES.forEach(e -> out.add(e.attribute()));
    return out;
  }

  private static List<Entry> build() {
    List<Object[]> rows = new ArrayList<>();
    add(
        rows,
        "aLong",
        "-9223372036854775808",
        Long.MIN_VALUE,
        "9223372036854775807",
        Long.MAX_VALUE,
        "0",
        0L,
        "-1",
        -1L,
        "+42",
        42L,
        "007",
        7L,
        null,
        null);
    add(
        rows,
        "anInt",
        "-2147483648",
        Integer.MIN_VALUE,
        "2147483647",
        Integer.MAX_VALUE,
        "0",
        0,
        "-1",
        -1,
        null,
        null);
    add(rows, "aShort", "-32768", Short.MIN_VALUE, "32767", Short.MAX_VALUE, "0", (short) 0);
    add(rows, "aByte", "-128", Byte.MIN_VALUE, "127", Byte.MAX_VALUE, "0", (byte) 0);
    add(
        rows,
        "aDouble",
        "-0.0",
        -0.0d,
        "0.0",
        0.0d,
        "0",
        0.0d,
        "Infinity",
        Double.POSITIVE_INFINITY,
        "-Infinity",
        Double.NEGATIVE_INFINITY,
        "4.9E-324",
        Double.MIN_VALUE,
        "2.225073858507201E-308",
        Math.nextDown(Double.MIN_NORMAL),
        "2.2250738585072014E-308",
        Double.MIN_NORMAL,
        "1.7976931348623157E308",
        Double.MAX_VALUE,
        "-1.7976931348623157E308",
        -Double.MAX_VALUE,
        "0.1",
        0.1d,
        "1e10",
        1e10d,
        "9007199254740993",
        9007199254740992d,
        "-1.5",
        -1.5d,
        "-1.25",
        -1.25d,
        null,
        null);
    add(
        rows,
        "aFloat",
        "-0.0",
        -0.0f,
        "1.4E-45",
        Float.MIN_VALUE,
        "1.17549435E-38",
        Float.MIN_NORMAL,
        "3.4028235E38",
        Float.MAX_VALUE,
        "-3.4028235E38",
        -Float.MAX_VALUE,
        "Infinity",
        Float.POSITIVE_INFINITY,
        "-Infinity",
        Float.NEGATIVE_INFINITY,
        "0.1",
        0.1f,
        "16777217",
        16777216f,
        "2",
        2f);
    add(
        rows,
        "aDecimal",
        "12345678901234567890123456789012345678",
        new BigDecimal("12345678901234567890123456789012345678"),
        "0.12345678901234567890123456789012345678",
        new BigDecimal("0.12345678901234567890123456789012345678"),
        "-99999999999999999999999999999999999999",
        new BigDecimal("-99999999999999999999999999999999999999"),
        "123456789012345.6789",
        new BigDecimal("123456789012345.6789"),
        "0",
        BigDecimal.ZERO,
        "0.00",
        new BigDecimal("0.00"),
        "-0.00",
        new BigDecimal("0.00"),
        "1.50",
        new BigDecimal("1.50"),
        "1.5",
        new BigDecimal("1.5"),
        "9",
        new BigDecimal(9),
        "10",
        BigDecimal.TEN,
        "-1.5",
        new BigDecimal("-1.5"),
        "-1.25",
        new BigDecimal("-1.25"),
        "1E+3",
        new BigDecimal(1000),
        "1.5E-3",
        new BigDecimal("0.0015"),
        "+7",
        new BigDecimal(7),
        ".5",
        new BigDecimal("0.5"),
        null,
        null);
    add(
        rows,
        "aMoney",
        "12345678.1234",
        new BigDecimal("12345678.1234"),
        "-0.0001",
        new BigDecimal("-0.0001"),
        "1.5",
        new BigDecimal("1.5"));
    add(
        rows,
        "aBigInteger",
        "123456789012345678901234567890123456789012345678901234567890",
        new BigInteger("123456789012345678901234567890123456789012345678901234567890"),
        "-123456789012345678901234567890123456789012345678901234567890",
        new BigInteger("-123456789012345678901234567890123456789012345678901234567890"),
        "9223372036854775808",
        BigInteger.TWO.pow(63),
        "0",
        BigInteger.ZERO,
        "9",
        BigInteger.valueOf(9),
        "10",
        BigInteger.TEN,
        "-1",
        BigInteger.ONE.negate());
    add(
        rows,
        "aBoolean",
        "true",
        true,
        "false",
        false,
        "TRUE",
        true,
        "Yes",
        true,
        "no",
        false,
        "1",
        true,
        "0",
        false,
        null,
        null);
    add(rows, "aChar", "x", 'x', "é", 'é', "'", '\'', "\u0000", '\u0000');
    add(
        rows,
        "aString",
        "",
        "",
        null,
        null,
        "a\u0000b",
        "a\u0000b",
        "🇨🇮 Côte d'Ivoire",
        "🇨🇮 Côte d'Ivoire",
        "\"quoted\" 'single'",
        "\"quoted\" 'single'",
        "line1\nline2\r\n",
        "line1\nline2\r\n",
        "\uFFFF",
        "\uFFFF",
        "\uE000",
        "\uE000",
        "𝄞 clef",
        "𝄞 clef",
        "ı İ i I",
        "ı İ i I",
        " spaced ",
        " spaced ",
        "Z",
        "Z",
        "a",
        "a",
        "ä",
        "ä",
        "tab\t",
        "tab\t");
    add(
        rows,
        "aDate",
        "0000-01-01",
        LocalDate.of(0, 1, 1),
        "9999-12-31",
        LocalDate.of(9999, 12, 31),
        "2024-02-29",
        LocalDate.of(2024, 2, 29),
        "2000-02-29",
        LocalDate.of(2000, 2, 29),
        "1840-01-22",
        LocalDate.of(1840, 1, 22),
        "1840-05-01",
        LocalDate.of(1840, 5, 1),
        "1970-01-01",
        LocalDate.EPOCH,
        "1969-12-31",
        LocalDate.of(1969, 12, 31),
        null,
        null);
    add(
        rows,
        "aTime",
        "00:00",
        LocalTime.MIDNIGHT,
        "00:00:00",
        LocalTime.MIDNIGHT,
        "23:59:59.999999999",
        LocalTime.MAX,
        "03:04:05.123456789",
        LocalTime.of(3, 4, 5, 123_456_789),
        "03:04:05.1",
        LocalTime.of(3, 4, 5, 100_000_000),
        "03:04:05.100",
        LocalTime.of(3, 4, 5, 100_000_000),
        "03:04:05",
        LocalTime.of(3, 4, 5),
        "12:00:00.000000001",
        LocalTime.NOON.plusNanos(1));
    add(
        rows,
        "aDateTime",
        "2024-03-31T02:30",
        LocalDateTime.of(2024, 3, 31, 2, 30),
        "2024-03-10T02:30:00",
        LocalDateTime.of(2024, 3, 10, 2, 30),
        "2024-09-29T02:30",
        LocalDateTime.of(2024, 9, 29, 2, 30),
        "2024-10-27T02:30",
        LocalDateTime.of(2024, 10, 27, 2, 30),
        "0000-01-01T00:00",
        LocalDateTime.of(0, 1, 1, 0, 0),
        "9999-12-31T23:59:59.999999999",
        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
        "2024-01-02 03:04:05.123456789",
        LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789),
        "1969-12-31T23:59:59.999999999",
        LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999),
        "1840-01-22T00:00",
        LocalDateTime.of(1840, 1, 22, 0, 0),
        null,
        null);
    add(
        rows,
        "anInstant",
        "1969-12-31T23:59:59.999999999Z",
        Instant.parse("1969-12-31T23:59:59.999999999Z"),
        "1970-01-01T00:00:00Z",
        Instant.EPOCH,
        "1900-01-01T00:00:00.000000001Z",
        Instant.parse("1900-01-01T00:00:00.000000001Z"),
        "2024-01-02T03:04:05.123456789Z",
        Instant.parse("2024-01-02T03:04:05.123456789Z"),
        "2024-01-02T08:34:05.123456789+05:30",
        Instant.parse("2024-01-02T03:04:05.123456789Z"),
        "0000-01-01T00:00:00Z",
        Instant.parse("0000-01-01T00:00:00Z"),
        "9999-12-31T23:59:59.999999999Z",
        Instant.parse("9999-12-31T23:59:59.999999999Z"),
        "1840-01-22T12:00:00-14:00",
        Instant.parse("1840-01-23T02:00:00Z"),
        null,
        null);
    add(
        rows,
        "anOffsetDateTime",
        "2024-01-02T03:04:05.123456789+14:00",
        OffsetDateTime.parse("2024-01-02T03:04:05.123456789+14:00"),
        "2024-01-02T03:04:05.123456789-12:00",
        OffsetDateTime.parse("2024-01-02T03:04:05.123456789-12:00"),
        "2024-01-02T03:04:05Z",
        OffsetDateTime.parse("2024-01-02T03:04:05Z"),
        "2024-01-02T08:49:05+05:45",
        OffsetDateTime.parse("2024-01-02T08:49:05+05:45"),
        "2024-01-02T03:04:05-00:00",
        OffsetDateTime.parse("2024-01-02T03:04:05Z"),
        "2024-01-02T03:04:05+05:45:30",
        OffsetDateTime.parse("2024-01-02T03:04:05+05:45:30"),
        "1969-12-31T23:59:59.5-00:30",
        OffsetDateTime.parse("1969-12-31T23:59:59.5-00:30"),
        "0000-01-01T00:00Z",
        OffsetDateTime.parse("0000-01-01T00:00Z"),
        null,
        null);
    add(
        rows,
        "aZonedDateTime",
        "2024-10-27T02:30:00+02:00[Europe/Paris]",
        ZonedDateTime.parse("2024-10-27T02:30:00+02:00[Europe/Paris]"),
        "2024-10-27T02:30:00+01:00[Europe/Paris]",
        ZonedDateTime.parse("2024-10-27T02:30:00+01:00[Europe/Paris]"),
        "2024-04-07T02:30:00+13:00[Pacific/Auckland]",
        ZonedDateTime.parse("2024-04-07T02:30:00+13:00[Pacific/Auckland]"),
        "2024-04-07T02:30:00+12:00[Pacific/Auckland]",
        ZonedDateTime.parse("2024-04-07T02:30:00+12:00[Pacific/Auckland]"),
        "2024-03-10T01:59:59.999999999-08:00[America/Los_Angeles]",
        ZonedDateTime.parse("2024-03-10T01:59:59.999999999-08:00[America/Los_Angeles]"),
        "2024-01-02T08:34:05+05:30[Asia/Kolkata]",
        ZonedDateTime.parse("2024-01-02T08:34:05+05:30[Asia/Kolkata]"),
        "2024-01-02T03:04:05Z[UTC]",
        ZonedDateTime.parse("2024-01-02T03:04:05Z[UTC]"),
        "2024-01-02T03:04:05Z",
        ZonedDateTime.parse("2024-01-02T03:04:05Z"),
        null,
        null);
    add(
        rows,
        "aDuration",
        "PT0S",
        Duration.ZERO,
        "PT-0.000000001S",
        Duration.ofNanos(-1),
        "-PT1H",
        Duration.ofHours(-1),
        "PT1H2M3.000000004S",
        Duration.ofSeconds(3723, 4),
        "P2DT3H",
        Duration.ofHours(51),
        "PT2562047H47M16.854775807S",
        Duration.ofNanos(Long.MAX_VALUE),
        "PT-2562047H-47M-16.854775808S",
        Duration.ofNanos(Long.MIN_VALUE),
        null,
        null);
    UUID u = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    add(
        rows,
        "aUuid",
        "123E4567-E89B-12D3-A456-426614174000",
        u,
        "123e4567-e89b-12d3-a456-426614174000",
        u,
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
        new UUID(-1L, -1L),
        "00000000-0000-0000-0000-000000000000",
        new UUID(0L, 0L),
        "80000000-0000-0000-0000-000000000000",
        new UUID(Long.MIN_VALUE, 0L),
        "7fffffff-ffff-ffff-ffff-ffffffffffff",
        new UUID(Long.MAX_VALUE, -1L),
        null,
        null);
    add(
        rows,
        "someBytes",
        "",
        new byte[0],
        "AA==",
        new byte[] {0},
        "AAEC/w==",
        new byte[] {0, 1, 2, (byte) 255},
        "/w==",
        new byte[] {(byte) 255},
        "gA==",
        new byte[] {(byte) 0x80},
        "fw==",
        new byte[] {0x7f},
        null,
        null);
    add(
        rows,
        "lobBytes",
        "",
        new byte[0],
        "AA==",
        new byte[] {0},
        "AAF/gP7/AA==",
        new byte[] {0, 1, 0x7f, (byte) 0x80, (byte) 0xfe, (byte) 0xff, 0},
        "/w==",
        new byte[] {(byte) 255},
        null,
        null);
    add(
        rows,
        "lobText",
        "",
        "",
        "a\u0000b",
        "a\u0000b",
        "🇨🇮 Côte d'Ivoire",
        "🇨🇮 Côte d'Ivoire",
        "line1\nline2\r\n",
        "line1\nline2\r\n",
        " spaced ",
        " spaced ",
        null,
        null);
    for (String a : List.of("labelName", "labelOrdinal", "labelDefault")) {
      add(
          rows, a, "TITLE", TITLE, "title", TITLE, "Title", TITLE, "indigo", INDIGO, "ALPHA", ALPHA,
          "zulu", ZULU, null, null);
    }
    add(rows, "labelCode", "t", TITLE, "i", INDIGO, "z", ZULU, null, null);
    add(rows, "shout", "hello", "HELLO", "", "", "title", "TITLE");
    add(
        rows,
        "aYearMonth",
        "2024-02-01",
        YearMonth.of(2024, 2),
        "0000-01-01",
        YearMonth.of(0, 1),
        "9999-12-01",
        YearMonth.of(9999, 12));
    List<Entry> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(new Entry(out.size() + 1, (String) r[0], (String) r[1], r[2]));
    }
    return List.copyOf(out);
  }

  private static void add(List<Object[]> rows, String attribute, Object... textExpectedPairs) {
    for (int i = 0; i < textExpectedPairs.length; i += 2) {
      rows.add(new Object[] {attribute, textExpectedPairs[i], textExpectedPairs[i + 1]});
    }
  }
}
