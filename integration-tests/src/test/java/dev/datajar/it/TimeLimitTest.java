package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.it.shop.Reading;
import dev.datajar.it.shop.ReadingSource;
import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One time limit for every {@code Store} call, on SQLite and (in the pom's {@code postgres}
 * execution) on PostgreSQL: a search, count or stream that keeps the database working past it is
 * stopped with datajar's message, and the next calls on the same connections run normally.
 */
class TimeLimitTest {
  private final Store<Reading> readings = Injectors.store(Reading.class);

  /** 400 patterns no sensor matches, each tried on every one of the 100,000 rows. */
  private static Query slow() {
    Criterion[] parts = new Criterion[400];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = Where.like("sensor", "%no sensor " + i + "%");
    }
    return Query.where(Where.or(parts));
  }

  @AfterEach
  void clearLimit() {
    System.clearProperty("datajar.query.timeout");
  }

  @Test
  void storeCalls_pastTheLimit_areStopped() {
    System.setProperty("datajar.query.timeout", "0.3");
    stopped("count of Reading", () -> readings.count(slow()));
    stopped("search of Reading", () -> readings.search(slow()));
    stopped(
        "stream of Reading",
        () -> {
          try (Stream<Reading> s = readings.stream(slow())) {
            return s.count();
          }
        });
    System.clearProperty("datajar.query.timeout");
    assertEquals(ReadingSource.ROWS, readings.count());
    assertEquals(1L, readings.get(1L).orElseThrow().getId());
  }

  private static void stopped(String call, Supplier<?> read) {
    DataSetException e = assertThrows(DataSetException.class, read::get);
    assertTrue(
        e.getMessage()
            .startsWith(
                "dataset 'shop': "
                    + call
                    + " stopped after 300 ms, the time limit of one Store call."),
        e.getMessage());
  }
}
