package dev.datajar.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4, part 3: HQL's date functions on the stored text. Fields of an {@code Instant}, {@code
 * OffsetDateTime} or {@code ZonedDateTime} are those of the instant in UTC, by design: the stored
 * text starts with the UTC instant, and that is what SQLite's functions read. {@code second()} has
 * millisecond precision (SQLite's {@code %f}), truncated, never rounded up into the next second.
 */
@Tag("settings")
@Tag("zone")
class DateFunctionTest {
  static List<Corpus.Entry> temporalEntries() {
    List<Corpus.Entry> out = new ArrayList<>();
    for (String a :
        List.of("aDate", "aTime", "aDateTime", "anInstant", "anOffsetDateTime", "aZonedDateTime")) {
      Corpus.of(a).stream().filter(e -> e.expected() != null).forEach(out::add);
    }
    return out;
  }

  /** The value's date and time in the fields HQL returns: UTC for values on the time-line. */
  private static LocalDateTime fieldsOf(Object v) {
    if (v instanceof LocalDate d) {
      return d.atStartOfDay();
    } else if (v instanceof LocalTime t) {
      return t.atDate(LocalDate.EPOCH);
    } else if (v instanceof LocalDateTime t) {
      return t;
    } else if (v instanceof Instant i) {
      return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    } else if (v instanceof OffsetDateTime o) {
      return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    return ((ZonedDateTime) v).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("temporalEntries")
  void dateFunctions_giveTheFieldsOfTheStoredValue(Corpus.Entry e) throws Exception {
    LocalDateTime f = fieldsOf(e.expected());
    String x = "e." + e.attribute();
    boolean hasDate = !(e.expected() instanceof LocalTime);
    boolean hasTime = !(e.expected() instanceof LocalDate);
    List<String> functions = new ArrayList<>();
    List<Object> expected = new ArrayList<>();
    if (hasDate) {
      functions.addAll(
          List.of(
              "year(" + x + ")",
              "month(" + x + ")",
              "day(" + x + ")",
              "extract(year from " + x + ")",
              "extract(day of year from " + x + ")",
              "extract(day of week from " + x + ")",
              "extract(quarter from " + x + ")"));
      // HQL's day of week runs from 1 = Sunday to 7 = Saturday.
      expected.addAll(
          List.of(
              f.getYear(),
              f.getMonthValue(),
              f.getDayOfMonth(),
              f.getYear(),
              f.getDayOfYear(),
              f.getDayOfWeek().getValue() % 7 + 1,
              (f.getMonthValue() + 2) / 3));
    }
    if (hasTime) {
      functions.addAll(
          List.of("hour(" + x + ")", "minute(" + x + ")", "extract(hour from " + x + ")"));
      expected.addAll(List.of(f.getHour(), f.getMinute(), f.getHour()));
    }
    try (Session s = CorpusDb.shared().reader.openSession()) {
      Object[] row =
          s.createSelectionQuery(
                  "select " + String.join(", ", functions) + " from Edge e where e.id = :id",
                  Object[].class)
              .setParameter("id", e.id())
              .getSingleResult();
      List<Object> actual = new ArrayList<>();
      for (Object o : row) {
        actual.add(((Number) o).intValue());
      }
      assertEquals(expected, actual, e + ": " + functions);
      if (hasTime) {
        Number second =
            s.createSelectionQuery(
                    "select second(" + x + ") from Edge e" + " where e.id = :id", Number.class)
                .setParameter("id", e.id())
                .getSingleResult();
        BigDecimal millis = BigDecimal.valueOf(f.getSecond() * 1000L + f.getNano() / 1_000_000, 3);
        assertEquals(
            millis,
            new BigDecimal(second.toString()).setScale(3, RoundingMode.HALF_EVEN),
            e + ": second()");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("temporalEntries")
  void dateFunctions_compareWithIntegers(Corpus.Entry e) throws Exception {
    LocalDateTime f = fieldsOf(e.expected());
    String x = "e." + e.attribute();
    String where =
        e.expected() instanceof LocalTime
            ? "hour("
                + x
                + ") = :a and minute("
                + x
                + ") = :b and extract(hour from "
                + x
                + ") = :a"
            : "year(" + x + ") = :a and month(" + x + ") = :b and day(" + x + ") = :c";
    List<Integer> values =
        e.expected() instanceof LocalTime
            ? Arrays.asList(f.getHour(), f.getMinute(), null)
            : List.of(f.getYear(), f.getMonthValue(), f.getDayOfMonth());
    try (Session s = CorpusDb.shared().reader.openSession()) {
      var q =
          s.createSelectionQuery("select e.id from Edge e where " + where, Long.class)
              .setParameter("a", values.get(0))
              .setParameter("b", values.get(1));
      if (values.get(2) != null) {
        q.setParameter("c", values.get(2));
      }
      List<Long> ids = q.getResultList();
      assertEquals(true, ids.contains(e.id()), e + ": " + where + " with " + values);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("temporalEntries")
  void epoch_isSecondsSince1970InUtc(Corpus.Entry e) throws Exception {
    if (!(e.expected() instanceof Instant i)) {
      return;
    }
    try (Session s = CorpusDb.shared().reader.openSession()) {
      Number epoch =
          s.createSelectionQuery(
                  "select extract(epoch from e.anInstant) from Edge e" + " where e.id = :id",
                  Number.class)
              .setParameter("id", e.id())
              .getSingleResult();
      assertEquals(i.getEpochSecond(), epoch.longValue(), e.toString());
    }
  }
}
