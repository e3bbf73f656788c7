package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.hibernated.Board;
import dev.datajar.builder.fixtures.hibernated.Cell;
import dev.datajar.builder.fixtures.hibernated.Tag;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.HibernateProbe;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mapping the row path once left to Hibernate, an embeddable holding a to-one to a composite key
 * ({@link Board#place}), reads on the row path now, as written, on SQLite and PostgreSQL, with the
 * rest of {@link Board} (maps keyed by an entity and by an embeddable, a many-to-many with a {@code
 * SQLJoinTableRestriction}: see {@code KeyMapsStoreTest} and {@code JoinTagsStoreTest}); {@code
 * KeyReferenceStoreTest} compares such shapes with Hibernate's answers.
 */
class HibernatedStoreTest {
  @TempDir static Path dir;
  private static Fixtures.BothEngines both;

  @BeforeAll
  static void build() throws Exception {
    both = Fixtures.bothEngines(dir, "hibernated_store", "", "hibernated");
  }

  @AfterAll
  static void close() {
    if (both != null) {
      both.close();
    }
  }

  @Test
  void shapesOnceLeftToHibernate_readOnTheRowPathAsWritten_onBothEngines() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      assertTrue(HibernateProbe.rowPath(d, Board.class), "Board reads through Hibernate");
      assertTrue(HibernateProbe.rowPath(d, Tag.class), "Tag reads through Hibernate");
      assertTrue(HibernateProbe.rowPath(d, Cell.class), "Cell reads through Hibernate");
      Store<Board> s = d.store(Board.class);
      List<String> rows = new ArrayList<>();
      for (Board b : s.search(Query.all().orderBy("id"))) {
        rows.add(text(b));
      }
      assertEquals(
          List.of(
              "1 first titles={blue=Blue one, red=Red one} notes={en=hello, fr=salut}"
                  + " tags=[blue, red] place=top@A2=y",
              "2 second titles={} notes={de=hallo} tags=[] place=null",
              "3 third titles={green=Green three} notes={} tags=[blue] place=side@B1=z"),
          rows);
      assertEquals(rows.get(2), text(s.get(3L).orElseThrow()));
      assertEquals(3, s.count());
      List<Long> byLabel = new ArrayList<>();
      s.search(Query.where(Where.eq("place.label", "top"))).forEach(b -> byLabel.add(b.id));
      assertEquals(List.of(1L), byLabel);
      try (Stream<Board> stream = s.stream(Query.all().orderByDesc("name"))) {
        assertEquals(List.of(3L, 2L, 1L), stream.map(b -> b.id).toList());
      }
    }
  }

  private static String text(Board b) {
    Map<String, String> titles = new TreeMap<>();
    b.titles.forEach((tag, title) -> titles.put(tag.name, title));
    return b.id
        + " "
        + b.name
        + " titles="
        + titles
        + " notes="
        + new TreeMap<>(b.notes)
        + " tags="
        + new TreeSet<>(b.tags.stream().map(t -> t.name).toList())
        + " place="
        + b.place;
  }
}
