package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.it.shop.Reading;
import dev.datajar.it.shop.ReadingSource;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Streams read lazily: rows already handed out are not kept by the stream. */
class StreamTest {
  private final Store<Reading> readings = Injectors.store(Reading.class);

  @Test
  void stream_readsEveryGeneratedRowInOrder() {
    long[] next = {1};
    try (Stream<Reading> s = readings.stream()) {
      s.forEach(
          r -> {
            long id = next[0]++;
            if (r.getId() != id
                || !r.getSensor().equals(ReadingSource.sensor(id))
                || r.getReading() != ReadingSource.reading(id)) {
              throw new AssertionError(
                  "row " + id + ": " + r.getId() + " " + r.getSensor() + " " + r.getReading());
            }
          });
    }
    assertEquals(ReadingSource.ROWS + 1, next[0]);
    assertEquals(ReadingSource.ROWS, readings.count());
  }

  @Test
  void stream_doesNotHoldRowsAlreadyReturned() {
    List<WeakReference<Reading>> early = new ArrayList<>();
    try (Stream<Reading> s = readings.stream()) {
      Iterator<Reading> it = s.iterator();
      for (int i = 0; i < 1000; i++) {
        early.add(new WeakReference<>(it.next()));
      }
      for (int i = 0; i < 20_000; i++) {
        it.next();
      }
      // The stream is still open. If its session kept every entity, none could be collected.
      long collected = 0;
      for (int attempt = 0; attempt < 20 && collected < early.size(); attempt++) {
        System.gc();
        collected = early.stream().filter(r -> r.get() == null).count();
      }
      assertTrue(collected >= early.size() - 256, "collected only " + collected);
      assertTrue(it.hasNext());
    }
  }

  @Test
  void stream_ofAnIndexedColumn() {
    try (Stream<Reading> s =
        readings.stream(Query.where(Where.eq("sensor", "s-7")).orderByDesc("id"))) {
      List<Long> ids = s.map(Reading::getId).toList();
      assertEquals(ReadingSource.ROWS / ReadingSource.SENSORS, ids.size());
      assertEquals(99_907L, ids.get(0));
      assertEquals(7L, ids.get(ids.size() - 1));
    }
  }
}
