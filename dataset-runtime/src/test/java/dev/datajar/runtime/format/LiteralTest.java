package dev.datajar.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.hibernate.Session;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4, part 2, with literals written into the HQL instead of bound parameters: Hibernate
 * renders those into the SQL text, where SQLite's own number parsing and type affinity apply.
 */
@Tag("settings")
class LiteralTest {
  /** A where clause over one attribute, and which of its corpus values it must select. */
  record Case(String attribute, String where, Predicate<Object> selects) {
    @Override
    public String toString() {
      return where;
    }
  }

  private static Case lt(String a, String where, Object bound) {
    Comparator<Object> o = SqlOrder.of(a);
    return new Case(a, where, v -> v != null && o.compare(v, bound) < 0);
  }

  private static Case gt(String a, String where, Object bound) {
    Comparator<Object> o = SqlOrder.of(a);
    return new Case(a, where, v -> v != null && o.compare(v, bound) > 0);
  }

  private static Case eq(String a, String where, Object bound) {
    Comparator<Object> o = SqlOrder.of(a);
    return new Case(a, where, v -> v != null && o.compare(v, bound) == 0);
  }

  private static Case between(String a, String where, Object low, Object high) {
    Comparator<Object> o = SqlOrder.of(a);
    return new Case(a, where, v -> v != null && o.compare(v, low) >= 0 && o.compare(v, high) <= 0);
  }

  private static final List<Case> EVERY_CASE =
      List.of(
          lt("aLong", "e.aLong < -9223372036854775807L", Long.MIN_VALUE + 1),
          eq("aLong", "e.aLong = 9223372036854775807L", Long.MAX_VALUE),
          gt("anInt", "e.anInt > 0", 0),
          eq("aDouble", "e.aDouble = -0.0", 0.0),
          gt("aDouble", "e.aDouble > 1e300", 1e300),
          lt("aDouble", "e.aDouble < -1.3", -1.3),
          eq("aFloat", "e.aFloat = 0.1f", 0.1f),
          lt("aFloat", "e.aFloat < 0.1f", 0.1f),
          lt("aDecimal", "e.aDecimal < 10", BigDecimal.TEN),
          eq("aDecimal", "e.aDecimal = 1.5", new BigDecimal("1.5")),
          eq("aDecimal", "e.aDecimal = 1.50bd", new BigDecimal("1.5")),
          eq("aDecimal", "e.aDecimal = 1e3", new BigDecimal(1000)),
          eq(
              "aDecimal",
              "e.aDecimal = 123456789012345.6789bd",
              new BigDecimal("123456789012345.6789")),
          eq(
              "aDecimal",
              "e.aDecimal = 123456789012345.6789",
              new BigDecimal("123456789012345.6789")),
          gt(
              "aDecimal",
              "e.aDecimal > 12345678901234567890123456789012345677bd",
              new BigDecimal("12345678901234567890123456789012345677")),
          between(
              "aDecimal",
              "e.aDecimal between -1.5 and -1.25",
              new BigDecimal("-1.5"),
              new BigDecimal("-1.25")),
          gt(
              "aBigInteger",
              "e.aBigInteger > 9223372036854775807bi",
              BigInteger.valueOf(Long.MAX_VALUE)),
          eq(
              "aBigInteger",
              "e.aBigInteger = 123456789012345678901234567890123456789012345678901234567890bi",
              new BigInteger("123456789012345678901234567890123456789012345678901234567890")),
          lt("aBigInteger", "e.aBigInteger < 10", BigInteger.TEN),
          eq("aBoolean", "e.aBoolean = true", true),
          eq("aBoolean", "e.aBoolean = false", false),
          eq("aString", "e.aString = ''", ""),
          new Case("aString", "e.aString is null", v -> v == null),
          gt("aString", "e.aString > 'Z'", "Z"),
          eq("aString", "e.aString = 'ı İ i I'", "ı İ i I"),
          gt("aDate", "e.aDate > date 1840-05-01", LocalDate.of(1840, 5, 1)),
          gt("aDate", "e.aDate > {d '1840-05-01'}", LocalDate.of(1840, 5, 1)),
          eq("aDate", "e.aDate = local date 2024-02-29", LocalDate.of(2024, 2, 29)),
          between(
              "aDate",
              "e.aDate between date 1840-01-22 and date 1970-01-01",
              LocalDate.of(1840, 1, 22),
              LocalDate.EPOCH),
          eq("aTime", "e.aTime = local time 03:04:05.1", LocalTime.of(3, 4, 5, 100_000_000)),
          gt("aTime", "e.aTime > {t '12:00:00'}", LocalTime.NOON),
          eq(
              "aDateTime",
              "e.aDateTime = local datetime 2024-03-31 02:30",
              LocalDateTime.of(2024, 3, 31, 2, 30)),
          lt(
              "aDateTime",
              "e.aDateTime < {ts '1970-01-01 00:00:00'}",
              LocalDateTime.of(1970, 1, 1, 0, 0)),
          eq(
              "aDateTime",
              "e.aDateTime = {ts '2024-01-02 03:04:05.123456789'}",
              LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789)),
          eq(
              "anOffsetDateTime",
              "e.anOffsetDateTime = offset datetime 2024-01-02 08:49:05+05:45",
              OffsetDateTime.parse("2024-01-02T08:49:05+05:45")),
          lt(
              "anOffsetDateTime",
              "e.anOffsetDateTime < offset datetime 2024-01-02 03:04:05+00:00",
              OffsetDateTime.parse("2024-01-02T03:04:05Z")),
          eq(
              "aZonedDateTime",
              "e.aZonedDateTime = zoned datetime 2024-01-02 03:04:05 UTC",
              ZonedDateTime.parse("2024-01-02T03:04:05Z[UTC]")),
          eq("labelName", "e.labelName = TITLE", Edge.Label.TITLE),
          gt("labelName", "e.labelName > ALPHA", Edge.Label.ALPHA),
          eq("labelOrdinal", "e.labelOrdinal = TITLE", Edge.Label.TITLE),
          gt("labelOrdinal", "e.labelOrdinal > TITLE", Edge.Label.TITLE),
          lt("labelDefault", "e.labelDefault < TITLE", Edge.Label.TITLE),
          eq(
              "aUuid",
              "e.aUuid = '123e4567-e89b-12d3-a456-426614174000'",
              UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
          // A text literal is compared with the stored text as it is, and UUIDs are stored
          // lower-case: an upper-case literal matches nothing. Parameters are normalised.
          new Case("aUuid", "e.aUuid = '123E4567-E89B-12D3-A456-426614174000'", v -> false),
          new Case("aDuration", "e.aDuration < 0", v -> v != null && ((Duration) v).isNegative()));

  /** The cases of this run (see {@link Corpus#inScope}). */
  static final List<Case> CASES =
      EVERY_CASE.stream().filter(c -> Corpus.inScope(c.attribute())).toList();

  /** Every finite double and float of the corpus, written back into HQL as a literal. */
  static List<Case> floatingPointLiterals() {
    List<Case> out = new ArrayList<>();
    for (Corpus.Entry e : Corpus.of("aDouble")) {
      if (e.expected() instanceof Double d && Double.isFinite(d)) {
        out.add(eq("aDouble", "e.aDouble = " + d, d));
      }
    }
    for (Corpus.Entry e : Corpus.of("aFloat")) {
      if (e.expected() instanceof Float f && Float.isFinite(f)) {
        out.add(eq("aFloat", "e.aFloat = " + f + "f", f));
      }
    }
    return out;
  }

  @Tag("zone")
  @ParameterizedTest(name = "{0}")
  @FieldSource("CASES")
  void literal_selectsTheRightRows(Case c) throws Exception {
    check(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("floatingPointLiterals")
  void floatingPointLiteral_matchesItsValue(Case c) throws Exception {
    check(c);
  }

  private static void check(Case c) throws Exception {
    List<Corpus.Entry> entries = Corpus.of(c.attribute());
    long first = entries.get(0).id();
    long last = entries.get(entries.size() - 1).id();
    List<Long> expected =
        entries.stream().filter(e -> c.selects().test(e.expected())).map(Corpus.Entry::id).toList();
    try (Session s = CorpusDb.shared().reader.openSession()) {
      List<Long> actual =
          s.createSelectionQuery(
                  String.format(
                      Locale.ROOT,
                      "select e.id from Edge e where (%s) and e.id between %d and %d order by e.id",
                      c.where(),
                      first,
                      last),
                  Long.class)
              .getResultList();
      assertEquals(expected, actual, c.where());
    }
  }
}
