package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.rowread.Dial;
import dev.datajar.builder.fixtures.rowread.Gauge;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.HibernateProbe;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream reads every primitive type and its box, text, a character, codec-read values, NULL, zero
 * and -0.0, zero over a primitive's initial value, to-ones present and absent (a {@code long} and
 * an {@code Integer} foreign key, a property-access target), on SQLite and PostgreSQL, exactly as
 * {@code search}, {@code get} and Hibernate read them; each row gets its own objects. Kept from a
 * per-row reader that was tried and dropped (docs/benchmarks.md, 2026-12-07 17:20 UTC), as the
 * check any such reader must pass.
 */
class RowReadStreamTest {
  @TempDir static Path dir;
  private static Fixtures.BothEngines both;

  @BeforeAll
  static void build() throws Exception {
    both = Fixtures.bothEngines(dir, "rowread_store", "", "rowread");
  }

  @AfterAll
  static void close() {
    if (both != null) {
      both.close();
    }
  }

  private static final List<String> ROWS =
      List.of(
          "[1, 9007199254740993, -2147483648, -32768, -128, true, -1.5E300, 3.25, x, -1,"
              + " -9223372036854775808, 2147483647, 32767, 127, true, 2.5, -0.125, é, héllo,"
              + " 12.50, 2026-12-07, 2026-12-07T18:30:00.123+05:30,"
              + " 123e4567-e89b-12d3-a456-426614174000, [0, 1, 127, -128, -1], ON,"
              + " Dial[1 Fine 12], Label[5 five]]",
          "[2, 5, 6, 7, 8, true, 1.0, 2.0, q, 9, null, null, null, null, null, null, null,"
              + " null, null, null, null, null, null, null, null, null, null]",
          "[3, 0, 0, 0, 0, false, 0.0, 0.0, 0, 0, 0, 0, 0, 0, false, 0.0, 0.0, 0, , 0, 1970-01-01,"
              + " 1970-01-01T00:00Z, 00000000-0000-0000-0000-000000000000, [], OFF,"
              + " Dial[2 Coarse 0], Label[-6 minus six]]",
          "[4, 0, 1, 1, 1, true, -0.0, -0.0, z, 8, 1, 1, 1, 1, false, -0.0, -0.0, z, a,b,"
              + " -0.001, 0001-01-01, 2000-02-29T23:59:59.999999-12:00,"
              + " ffffffff-ffff-ffff-ffff-ffffffffffff, [0], ON, null, Label[5 five]]");

  @Test
  void stream_buildsEveryTypeFromTheRow_asSearchAndHibernateDo() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      String engine = d == both.sqlite() ? "SQLite" : "PostgreSQL";
      assertTrue(HibernateProbe.rowPath(d, Gauge.class), "Gauge reads through Hibernate");
      Store<Gauge> gauges = d.store(Gauge.class);
      List<String> streamed;
      try (Stream<Gauge> s = gauges.stream(Query.all().orderBy("id"))) {
        streamed = s.map(g -> g.values().toString()).toList();
      }
      assertEquals(ROWS, streamed, engine);
      assertEquals(
          ROWS,
          gauges.search(Query.all().orderBy("id")).stream()
              .map(g -> g.values().toString())
              .toList());
      assertEquals(ROWS.get(0), gauges.get(1L).orElseThrow().values().toString());
      try (Stream<Gauge> s =
          HibernateProbe.throughHibernate(d, Gauge.class).stream(Query.all().orderBy("id"))) {
        assertEquals(ROWS, s.map(g -> g.values().toString()).toList());
      }
    }
  }

  @Test
  void stream_givesEachRowItsOwnObjects() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      List<Gauge> all;
      try (Stream<Gauge> s = d.store(Gauge.class).stream(Query.all().orderBy("id"))) {
        all = s.toList();
      }
      assertNotSame(all.get(0).label, all.get(3).label); // the same row, one object per row
      assertEquals("five", all.get(3).label.text);
      all.get(0).dial.setName("changed");
      all.get(0).bytes[0] = 9;
      try (Stream<Gauge> s = d.store(Gauge.class).stream(Query.all().orderBy("id"))) {
        Gauge again = s.findFirst().orElseThrow();
        assertEquals("Fine", again.dial.getName());
        assertEquals(0, again.bytes[0]);
      }
      assertEquals("Fine", d.store(Dial.class).get(1L).orElseThrow().getName());
    }
  }
}
