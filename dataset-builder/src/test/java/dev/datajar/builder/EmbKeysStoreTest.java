package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.embkeys.Bay;
import dev.datajar.builder.fixtures.embkeys.Dock;
import dev.datajar.builder.fixtures.embkeys.DockKey;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.HibernateProbe;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A to-one inside an {@code @EmbeddedId} ({@link DockKey#bay}) reads on the row path on SQLite and
 * PostgreSQL: every {@code Store} call without starting Hibernate, and as Hibernate answers it.
 */
class EmbKeysStoreTest {
  @TempDir static Path dir;
  private static Fixtures.BothEngines both;

  @BeforeAll
  static void build() throws Exception {
    both = Fixtures.bothEngines(dir, "embkeys_store", "", "embkeys");
  }

  @AfterAll
  static void close() {
    if (both != null) {
      both.close();
    }
  }

  @Test
  void toOneInsideAnEmbeddedId_readsOnTheRowPath_asHibernateReadsIt() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      assertTrue(HibernateProbe.rowPath(d, Dock.class), "Dock reads through Hibernate");
      Bay north = d.store(Bay.class).get(1L).orElseThrow();
      List<String> rows = answers(d.store(Dock.class), north);
      assertFalse(HibernateProbe.started(d, "embkeys"), "a Store call started Hibernate");
      assertEquals(answers(HibernateProbe.throughHibernate(d, Dock.class), north), rows);
      assertEquals(
          List.of(
              "search [1/A 10 bay=North, 1/B null bay=North, 2/A 30 bay=South]",
              "get 1/B null bay=North",
              "getAll [Optional[1/A 10 bay=North], Optional.empty]",
              "by bay name desc [2/A 30 bay=South, 1/A 10 bay=North, 1/B null bay=North]",
              "count(id.bay.name = North) 2",
              "eq(id, key) [1/A 10 bay=North]",
              "stream [1/A 10 bay=North, 1/B null bay=North, 2/A 30 bay=South]"),
          rows);
    }
  }

  private static List<String> answers(Store<Dock> s, Bay north) {
    List<String> out = new ArrayList<>();
    out.add("search " + s.search(Query.all().orderBy("id")));
    out.add("get " + s.get(new DockKey(north, "B")).orElseThrow());
    out.add("getAll " + s.getAll(List.of(new DockKey(north, "A"), new DockKey(north, "Z"))));
    out.add("by bay name desc " + s.search(Query.all().orderByDesc("id.bay.name")));
    out.add("count(id.bay.name = North) " + s.count(Query.where(Where.eq("id.bay.name", "North"))));
    out.add("eq(id, key) " + s.search(Query.where(Where.eq("id", new DockKey(north, "A")))));
    try (Stream<Dock> rows = s.stream(Query.all().orderBy("id"))) {
      out.add("stream " + rows.toList());
    }
    return out;
  }
}
