package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.mapped.Bin;
import dev.datajar.builder.fixtures.mapped.ByLength;
import dev.datajar.builder.fixtures.mapped.Item;
import dev.datajar.builder.fixtures.mapped.Shelf;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.HibernateProbe;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maps, sorted sets and maps, a many-to-many ordered by its target's attributes and collections
 * with an {@code @SQLRestriction} ({@link Shelf}) read on the row path on SQLite and PostgreSQL:
 * without Hibernate, and as Hibernate reads them (compared with Hibernate on the same dataset).
 */
class MappedStoreTest {
  @TempDir static Path dir;
  private static Fixtures.BothEngines both;

  @BeforeAll
  static void build() throws Exception {
    both = Fixtures.bothEngines(dir, "mapped_store", "", "mapped");
  }

  @AfterAll
  static void close() {
    if (both != null) {
      both.close();
    }
  }

  private static List<DataSets> engines() {
    return List.of(both.sqlite(), both.postgres());
  }

  @Test
  void everyShape_readsOnTheRowPath_asHibernateReadsIt() {
    for (DataSets d : engines()) {
      assertTrue(HibernateProbe.rowPath(d, Shelf.class), "Shelf reads through Hibernate");
      assertTrue(HibernateProbe.rowPath(d, Item.class), "Item reads through Hibernate");
      assertTrue(HibernateProbe.rowPath(d, Bin.class), "Bin reads through Hibernate");
      collectionsHaveTheirTypesOrdersAndRestrictions(d);
      List<String> rows = text(d.store(Shelf.class));
      List<String> streamed = new ArrayList<>();
      try (Stream<Shelf> s = d.store(Shelf.class).stream(Query.all())) {
        s.forEach(x -> streamed.add(text(x)));
      }
      List<String> got = new ArrayList<>();
      d.store(Shelf.class).getAll(List.of(3L, 1L, 2L)).forEach(x -> got.add(text(x.orElseThrow())));
      assertFalse(HibernateProbe.started(d, "mapped"), "a Store call started Hibernate");
      List<String> hibernate = text(HibernateProbe.throughHibernate(d, Shelf.class));
      assertEquals(hibernate, rows);
      assertEquals(hibernate, streamed);
      assertEquals(List.of(hibernate.get(2), hibernate.get(0), hibernate.get(1)), got);
    }
  }

  @Test
  void olderManifests_keepTheseEntitiesOnHibernate() throws Exception {
    Path built = dir.resolve("sqlite/META-INF/datasets/mapped.manifest.json");
    String manifest = Files.readString(built, StandardCharsets.UTF_8);
    // Runtimes that predate maps and sorted collections read "layouts" and "extendedLayouts" only:
    // Shelf is in neither, nor are Item and Bin, whose to-ones lead to Shelf.
    int later = manifest.indexOf("\"laterLayouts\"");
    assertTrue(later > 0, manifest);
    String older = manifest.substring(0, later);
    assertFalse(older.contains("\"entity\" : \"" + Shelf.class.getName() + "\""), older);
    assertFalse(older.contains("\"entity\" : \"" + Item.class.getName() + "\""), older);
    assertFalse(older.contains("\"entity\" : \"" + Bin.class.getName() + "\""), older);
    assertTrue(manifest.substring(later).contains("\"sort\" : \"" + ByLength.class.getName()));
    // A dataset built before them (no such key) reads Shelf through Hibernate, the same answers.
    try (DataSets d = Fixtures.olderRuntime(dir, "mapped", "laterLayouts")) {
      assertFalse(HibernateProbe.rowPath(d, Shelf.class));
      assertFalse(HibernateProbe.rowPath(d, Item.class));
      assertEquals(text(both.sqlite().store(Shelf.class)), text(d.store(Shelf.class)));
    }
  }

  /** Each shape's answer, as written by hand (and Hibernate's, as the test above checks). */
  private static void collectionsHaveTheirTypesOrdersAndRestrictions(DataSets d) {
    {
      Shelf one = d.store(Shelf.class).get(1L).orElseThrow();
      assertInstanceOf(TreeSet.class, one.codes);
      assertEquals(List.of("AO", "MM", "ZZ"), List.copyOf(one.codes));
      assertInstanceOf(ByLength.class, ((TreeSet<String>) one.words).comparator());
      assertEquals(List.of("a", "bb", "ccc"), List.copyOf(one.words));
      assertInstanceOf(TreeMap.class, one.counts);
      // a NULL value is no entry, as in Hibernate's maps (blue has none)
      assertEquals(List.of("green", "red"), List.copyOf(one.counts.keySet()));
      assertEquals(Map.of("en", "First", "de", "Erste"), Map.copyOf(one.labels)); // fr is NULL
      assertEquals(
          List.of(3L, 4L, 1L, 6L, 2L), one.featured.stream().map(i -> i.id).toList()); // name desc
      assertEquals(Map.of("A", 1L, "B", 2L, "C", 3L), ids(one.byCode));
      assertEquals(Map.of("A", 1L, "C", 3L), ids(one.picks));
      assertEquals(Map.of(10, 2L, 20, 5L), ids(one.slots));
      assertEquals(List.of("another", "public"), one.notes.stream().sorted().toList());
      assertEquals(List.of(1L, 2L), one.ranked.stream().map(i -> i.id).toList());
      assertEquals(List.of(1L), one.named.stream().map(i -> i.id).toList());
      assertTrue(one.byCode.get("A").shelf == one, "one object per row within a call");
      // name desc: NULL last, as SQLite sorts it and datajar's Hibernate too on PostgreSQL
      assertEquals("[BinA1, BinB2, BinA2]", one.bins.toString());
      assertEquals(
          "[BinA1, BinA2]",
          new TreeSet<>(one.ownBins.stream().map(Bin::toString).toList()).toString());
      Shelf empty = d.store(Shelf.class).get(3L).orElseThrow();
      assertTrue(empty.labels.isEmpty() && empty.codes.isEmpty() && empty.counts.isEmpty());
      assertInstanceOf(SortedSet.class, empty.codes);
      assertInstanceOf(SortedMap.class, empty.counts);
    }
  }

  private static <K> Map<K, Long> ids(Map<K, Item> m) {
    Map<K, Long> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.id));
    return out;
  }

  private static List<String> text(Store<Shelf> store) {
    return store.search(Query.all().orderBy("id")).stream().map(MappedStoreTest::text).toList();
  }

  /** A shelf with every collection: in order where it has one, maps by key. */
  private static String text(Shelf s) {
    return s.id
        + " "
        + s.name
        + " labels="
        + new TreeMap<>(s.labels)
        + " spots="
        + new TreeMap<>(s.spots)
        + " codes="
        + kind(s.codes)
        + s.codes
        + " words="
        + kind(s.words)
        + s.words
        + " counts="
        + kind(s.counts)
        + s.counts
        + " byCode="
        + items(s.byCode)
        + " picks="
        + items(s.picks)
        + " slots="
        + items(s.slots)
        + " featured="
        + s.featured
        + " notes="
        + s.notes.stream().sorted().toList() // a bag without an order: no order to compare
        + " ranked="
        + s.ranked
        + " named="
        + new TreeSet<>(s.named.stream().map(i -> i.id).toList())
        + " bins="
        + s.bins.stream().map(b -> b + "/" + b.name + "/" + b.shelf).toList()
        + " ownBins="
        + new TreeSet<>(s.ownBins.stream().map(b -> b + "/" + b.name).toList());
  }

  private static String kind(Object c) {
    return c instanceof SortedSet || c instanceof SortedMap ? "sorted" : "unsorted";
  }

  private static <K> String items(Map<K, Item> m) {
    Map<String, String> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v.id + "/" + v.name + "/" + v.shelf));
    return out.toString();
  }
}
