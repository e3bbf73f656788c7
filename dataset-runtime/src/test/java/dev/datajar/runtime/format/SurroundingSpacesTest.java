package dev.datajar.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 13: spaces around a number, boolean, date, time or UUID are accepted, as
 * PostgreSQL's {@code COPY} and SQLite accept {@code " 1"}; text keeps every space.
 */
@Tag("settings")
class SurroundingSpacesTest {
  private static Object parse(String attribute, String text) throws Exception {
    return CorpusDb.shared().column(attribute).parse(text);
  }

  @Tag("zone")
  @Test
  void parse_acceptsSpacesAroundTypedValues() throws Exception {
    assertEquals(1L, parse("aLong", " 1"));
    assertEquals(-42, parse("anInt", "\t-42 \r\n"));
    assertEquals((short) 7, parse("aShort", "7 "));
    assertEquals(2.5, parse("aDouble", "  2.5"));
    assertEquals(new BigDecimal("12.50"), parse("aMoney", " 12.50 "));
    assertEquals(true, parse("aBoolean", " yes"));
    assertEquals(LocalDate.of(1840, 1, 22), parse("aDate", " 1840-01-22 "));
    assertEquals(LocalTime.of(3, 4, 5), parse("aTime", "03:04:05 "));
    assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4), parse("aDateTime", " 2024-01-02 03:04"));
    assertEquals(
        OffsetDateTime.parse("2024-01-02T03:04Z").toInstant(),
        parse("anInstant", " 2024-01-02T03:04Z "));
    assertEquals(
        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
        parse("aUuid", " 123e4567-e89b-12d3-a456-426614174000 "));
  }

  @Test
  void parse_keepsTheSpacesOfText() throws Exception {
    assertEquals("  padded  ", parse("aString", "  padded  "));
    assertEquals(' ', parse("aChar", " "));
  }
}
