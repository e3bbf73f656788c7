package dev.datajar.it.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datajar.it.Injectors;
import dev.datajar.it.corpus.CsvValue;
import dev.datajar.runtime.Store;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HQL date functions answer from the stored text, as Java would, in any zone. */
class ExactDateFunctionTest {
  record Fields(Long id, Integer year, Integer month, Integer day) {}

  record Clock(Long id, Integer hour, Integer minute) {}

  private final Store<CsvValue> values = Injectors.store(CsvValue.class);

  private List<Long> ids(String where, Object... params) {
    return values.query(
        "select v.id from CsvValue v where " + where + " order by v.id", Long.class, params);
  }

  @Test
  void yearMonthDay_ofDates() {
    List<Fields> expected =
        Values.EXPECTED.stream()
            .filter(v -> v.localDate() != null)
            .map(
                v ->
                    new Fields(
                        v.id(),
                        v.localDate().getYear(),
                        v.localDate().getMonthValue(),
                        v.localDate().getDayOfMonth()))
            .toList();
    assertEquals(
        expected,
        values.query(
            "select v.id, year(v.localDate), month(v.localDate),"
                + " day(v.localDate) from CsvValue v where v.localDate is not null order by v.id",
            Fields.class));
    assertEquals(List.of(5L, 6L, 7L), ids("year(v.localDate) = 1840"));
    assertEquals(List.of(8L), ids("month(v.localDate) = 2"));
    assertEquals(List.of(2L, 7L), ids("day(v.localDate) = 31"));
    assertEquals(List.of(5L, 6L, 7L), ids("extract(year from v.localDate) = ?1", 1840));
  }

  @Test
  void fieldsOfDateTimesAndTimes() {
    List<Clock> expected =
        Values.EXPECTED.stream()
            .filter(v -> v.localDateTime() != null)
            .map(v -> new Clock(v.id(), v.localDateTime().getHour(), v.localDateTime().getMinute()))
            .toList();
    assertEquals(
        expected,
        values.query(
            "select v.id, hour(v.localDateTime),"
                + " minute(v.localDateTime) from CsvValue v where v.localDateTime is not null order by v.id",
            Clock.class));
    assertEquals(List.of(5L), ids("hour(v.localDateTime) = 3"));
    assertEquals(List.of(8L), ids("extract(minute from v.localTime) = 34"));
    assertEquals(List.of(2L, 7L), ids("hour(v.localTime) = 23"));
  }

  @Test
  void yearOfInstants_isTheUtcYear() {
    List<Fields> expected =
        Values.EXPECTED.stream()
            .filter(v -> v.instant() != null)
            .map(
                v -> {
                  LocalDate d = v.instant().atOffset(ZoneOffset.UTC).toLocalDate();
                  return new Fields(v.id(), d.getYear(), d.getMonthValue(), d.getDayOfMonth());
                })
            .toList();
    assertEquals(
        expected,
        values.query(
            "select v.id, year(v.instant), month(v.instant),"
                + " day(v.instant) from CsvValue v where v.instant is not null order by v.id",
            Fields.class));
    assertEquals(List.of(6L), ids("year(v.instant) = 1969"));
  }

  @Test
  void dateParameters_compareChronologically() {
    assertEquals(List.of(2L, 3L, 7L, 8L), ids("v.localDate > ?1", LocalDate.of(1840, 5, 1)));
    assertEquals(List.of(1L, 5L, 6L), ids("v.localDate <= ?1", LocalDate.of(1840, 5, 1)));
    assertEquals(
        List.of(6L, 7L),
        ids(
            "v.localDateTime between ?1 and ?2",
            LocalDateTime.of(1840, 5, 1, 12, 0),
            LocalDateTime.of(1840, 12, 31, 23, 59, 59)));
  }
}
