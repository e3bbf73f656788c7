package dev.datajar.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Issue 4, part 1: a value that cannot be stored exactly, or would not compare correctly once
 * stored, is refused by {@link ColumnModel#parse} with a reason the builder puts after {@code
 * file:line:column: column 'x': }. The messages are pinned: they are API.
 */
@Tag("settings")
@Tag("zone")
class RefusalTest {
  record Refusal(String attribute, String text, String message) {
    @Override
    public String toString() {
      return attribute + " '" + text + "'";
    }
  }

  private static final List<Refusal> EVERY_REFUSAL =
      List.of(
          new Refusal(
              "aLong",
              "9223372036854775808",
              "'9223372036854775808' is out of range for a" + " 64-bit integer (long)"),
          new Refusal(
              "anInt",
              "2147483648",
              "'2147483648' is out of range for a 32-bit integer"
                  + " (int) (-2147483648 to 2147483647)"),
          new Refusal(
              "aShort",
              "-32769",
              "'-32769' is out of range for a 16-bit integer (short)" + " (-32768 to 32767)"),
          new Refusal(
              "aByte",
              "128",
              "'128' is out of range for a 8-bit integer (byte) (-128 to" + " 127)"),
          new Refusal("aLong", "1.0", "'1.0' is not an integer"),
          new Refusal("aLong", "", "'' is not an integer"),
          new Refusal("aLong", " ", "' ' is not an integer"),
          new Refusal("aLong", "1 2", "'1 2' is not an integer"),
          new Refusal("aDate", "2024-01-02 x", "'2024-01-02 x' is not a date (yyyy-mm-dd)"),
          new Refusal("aLong", "1_000", "'1_000' is not an integer"),
          new Refusal("aDouble", "NaN", "'NaN' cannot be stored: SQLite stores NaN as NULL"),
          new Refusal("aFloat", "NaN", "'NaN' cannot be stored: SQLite stores NaN as NULL"),
          new Refusal(
              "aDouble",
              "1e400",
              "'1e400' is out of range for a double (largest:" + " 1.7976931348623157E308)"),
          new Refusal(
              "aFloat",
              "3.5e38",
              "'3.5e38' is out of range for a float (largest:" + " 3.4028235E38)"),
          new Refusal("aDouble", "1,5", "'1,5' is not a number"),
          new Refusal("aDouble", "0x1p3", "'0x1p3' is not a number"),
          new Refusal("aDouble", "inf", "'inf' is not a number"),
          new Refusal("aDecimal", "1,5", "'1,5' is not a decimal number"),
          new Refusal("aDecimal", "NaN", "'NaN' is not a decimal number"),
          new Refusal(
              "aDecimal",
              "1E+1000000000",
              "'1E+1000000000' has 1000000001 digits when"
                  + " written out in full; datajar stores decimals written out in full, with at most"
                  + " 1000 digits"),
          new Refusal(
              "aDecimal",
              "1E-1000",
              "'1E-1000' has 1001 digits when written out in full;"
                  + " datajar stores decimals written out in full, with at most 1000 digits"),
          new Refusal(
              "aMoney",
              "1.23456",
              "'1.23456' has 5 digits after the decimal point; the"
                  + " column allows 4 (@Column(scale = 4))"),
          new Refusal(
              "aMoney",
              "123456789.5",
              "'123456789.5' has 9 digits before the decimal"
                  + " point; the column allows 8 (@Column(precision = 12, scale = 4))"),
          new Refusal("aBigInteger", "1e3", "'1e3' is not an integer"),
          new Refusal("aBigInteger", "1.0", "'1.0' is not an integer"),
          new Refusal(
              "aBoolean",
              "maybe",
              "'maybe' is not a boolean (expected true/false, yes/no" + " or 1/0)"),
          new Refusal("aBoolean", "", "'' is not a boolean (expected true/false, yes/no or 1/0)"),
          new Refusal("aChar", "ab", "'ab' is not a single character"),
          new Refusal(
              "aChar",
              "\uD800",
              "'\uD800' contains an unpaired surrogate (\\uD800 at index"
                  + " 0), which UTF-8 cannot store; fix the text or its escapes"),
          new Refusal(
              "aString",
              "a\uDC00b",
              "'a\uDC00b' contains an unpaired surrogate (\\uDC00 at"
                  + " index 1), which UTF-8 cannot store; fix the text or its escapes"),
          new Refusal(
              "aDate",
              "+10000-01-01",
              "'+10000-01-01': year 10000 is outside 0000-9999,"
                  + " where text order and time order agree; datajar cannot store it so that it"
                  + " compares correctly"),
          new Refusal(
              "aDate",
              "-0001-12-31",
              "'-0001-12-31': year -1 is outside 0000-9999, where"
                  + " text order and time order agree; datajar cannot store it so that it compares"
                  + " correctly"),
          new Refusal("aDate", "2023-02-29", "'2023-02-29' is not a date (yyyy-mm-dd)"),
          new Refusal("aDate", "2024-1-2", "'2024-1-2' is not a date (yyyy-mm-dd)"),
          new Refusal("aDate", "22/01/1840", "'22/01/1840' is not a date (yyyy-mm-dd)"),
          new Refusal("aTime", "24:00", "'24:00' is not a time (hh:mm[:ss[.fffffffff]])"),
          new Refusal(
              "aTime",
              "03:04:05.1234567891",
              "'03:04:05.1234567891' is not a time" + " (hh:mm[:ss[.fffffffff]])"),
          new Refusal(
              "aDateTime",
              "+10000-01-01T00:00",
              "'+10000-01-01T00:00': year 10000 is"
                  + " outside 0000-9999, where text order and time order agree; datajar cannot store"
                  + " it so that it compares correctly"),
          new Refusal(
              "aDateTime",
              "2024-01-02T03:04:05Z",
              "'2024-01-02T03:04:05Z' is not a" + " date-time (yyyy-mm-ddThh:mm[:ss[.f]])"),
          new Refusal(
              "aDateTime",
              "2024-01-0203:04",
              "'2024-01-0203:04' is not a date-time" + " (yyyy-mm-ddThh:mm[:ss[.f]])"),
          new Refusal(
              "aDateTime",
              "2024-01-02T 03:04",
              "'2024-01-02T 03:04' is not a date-time" + " (yyyy-mm-ddThh:mm[:ss[.f]])"),
          new Refusal(
              "anInstant",
              "2024-01-02T03:04:05",
              "'2024-01-02T03:04:05' is not a"
                  + " date-time with an offset (yyyy-mm-ddThh:mm[:ss[.f]]+hh:mm or Z)"),
          new Refusal(
              "anInstant",
              "0000-01-01T00:00:00+00:01",
              "'0000-01-01T00:00:00+00:01':"
                  + " year -1 is outside 0000-9999, where text order and time order agree; datajar"
                  + " cannot store it so that it compares correctly"),
          new Refusal(
              "anOffsetDateTime",
              "9999-12-31T23:00:00-01:00",
              "'9999-12-31T23:00:00-01:00': year 10000 is outside 0000-9999, where text order and"
                  + " time order agree; datajar cannot store it so that it compares correctly"),
          new Refusal(
              "aZonedDateTime",
              "2024-01-01T00:00+05:00[Europe/Paris]",
              "'2024-01-01T00:00+05:00[Europe/Paris]': offset +05:00 is not in use in Europe/Paris"
                  + " at 2024-01-01T00:00 (it uses +01:00); fix the offset or the time"),
          new Refusal(
              "aZonedDateTime",
              "2024-03-31T02:30+01:00[Europe/Paris]",
              "'2024-03-31T02:30+01:00[Europe/Paris]': offset +01:00 is not in use in Europe/Paris"
                  + " at 2024-03-31T02:30 (that local time is skipped by a daylight-saving change);"
                  + " fix the offset or the time"),
          new Refusal(
              "aZonedDateTime",
              "2024-01-01T00:00+01:00[Mars/Olympus]",
              "'2024-01-01T00:00+01:00[Mars/Olympus]' is not a date-time with a zone"
                  + " (yyyy-mm-ddThh:mm:ss+01:00[Europe/Paris])"),
          new Refusal(
              "aDuration",
              "PT2562048H",
              "'PT2562048H' is not an ISO-8601 duration (e.g."
                  + " PT1H30M) that fits in 64-bit nanoseconds"),
          new Refusal(
              "aDuration",
              "P1M",
              "'P1M' is not an ISO-8601 duration (e.g. PT1H30M) that"
                  + " fits in 64-bit nanoseconds"),
          new Refusal(
              "aUuid",
              "123e4567e89b12d3a456426614174000",
              "'123e4567e89b12d3a45642661417" + "4000' is not a UUID (8-4-4-4-12 hex digits)"),
          new Refusal("aUuid", "1-2-3-4-5", "'1-2-3-4-5' is not a UUID (8-4-4-4-12 hex digits)"),
          new Refusal("someBytes", "not base64!", "'not base64!' is not base64 text"),
          new Refusal("someBytes", "AA==\n", "'AA==\n' is not base64 text"),
          new Refusal(
              "labelName",
              "PURPLE",
              "'PURPLE' is not a constant of Label (expected one of"
                  + " ZULU, TITLE, ALPHA, INDIGO)"),
          new Refusal(
              "labelOrdinal",
              "1",
              "'1' is not a constant of Label (expected one of ZULU," + " TITLE, ALPHA, INDIGO)"),
          new Refusal(
              "labelCode",
              "TITLE",
              "'TITLE' is refused by LabelCodeConverter"
                  + " (Edge.labelCode): no label with code TITLE"),
          new Refusal("aYearMonth", "2024-02", "'2024-02' is not a date (yyyy-mm-dd)"));

  /** The refusals of this run (see {@link Corpus#inScope}). */
  static final List<Refusal> REFUSALS =
      EVERY_REFUSAL.stream().filter(r -> Corpus.inScope(r.attribute())).toList();

  @ParameterizedTest(name = "{0}")
  @FieldSource("REFUSALS")
  void parse_refusesWithAReason(Refusal r) throws Exception {
    ColumnModel column = CorpusDb.shared().column(r.attribute());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> column.parse(r.text()));
    assertEquals(r.message(), e.getMessage());
  }
}
