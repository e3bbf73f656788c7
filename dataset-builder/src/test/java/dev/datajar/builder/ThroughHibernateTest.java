package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.fallback.Berth;
import dev.datajar.builder.fixtures.fallback.Capital;
import dev.datajar.builder.fixtures.fallback.Dock;
import dev.datajar.builder.fixtures.fallback.Keeper;
import dev.datajar.builder.fixtures.fallback.Lock;
import dev.datajar.builder.fixtures.fallback.Nation;
import dev.datajar.builder.fixtures.fallback.Pier;
import dev.datajar.builder.fixtures.fallback.Pilot;
import dev.datajar.builder.fixtures.fallback.Port;
import dev.datajar.builder.fixtures.fallback.Sluice;
import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.HibernateProbe;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mappings the builder accepts but the row path does not read (a to-one to a column other than the
 * id, and an entity whose to-one leads to one): the build names each entity with its reason and the
 * change that would avoid it, once, as a warning; the service reads them through Hibernate, which
 * starts only on the first read of one, and the other entities of the dataset read without it,
 * among them the two sides of a one-to-one (the inverse side, {@code mappedBy}, as a left join).
 */
class ThroughHibernateTest {
  @TempDir Path dir;

  @Test
  void theBuildWarnsPerEntity_andTheyReadThroughHibernate_onlyWhenRead() throws Exception {
    Fixtures.RecordingLog log = new Fixtures.RecordingLog();
    new DataSetBuilder()
        .build(
            Fixtures.request(dir, "fallback")
                .outputDirectory(dir.resolve("sqlite/META-INF/datasets"))
                .log(log)
                .build());
    List<String> warnings = log.lines.stream().filter(l -> l.startsWith("WARN ")).toList();
    String start = "WARN dataset 'fallback': ";
    String through =
        " will be read through Hibernate, which starts (a few seconds) on the first read of it: ";
    String end = ". (The README's Known limits lists what reads without it.)";
    assertEquals(
        List.of(
            start
                + "Dock"
                + through
                + "one of its to-ones or collections leads to Pier, which reads through Hibernate"
                + end,
            start
                + "Pier"
                + through
                + "its collection 'bollards' has a part the row path does not read: a sort"
                + " comparator it cannot construct, an @OrderBy other than the element's own"
                + " columns or an @SQLOrder, a key or index that is a formula or in another table,"
                + " or a"
                + " restriction it cannot add"
                + end),
        warnings);

    try (URLClassLoader loader =
            new URLClassLoader(
                new URL[] {dir.resolve("sqlite").toUri().toURL()}, getClass().getClassLoader());
        DataSets ds =
            DataSets.builder()
                .classLoader(loader)
                .cacheDirectory(dir.resolve("cache"))
                .dataSets("fallback")
                .open()) {
      for (Class<?> c :
          List.of(
              Pilot.class,
              Nation.class,
              Capital.class,
              Port.class,
              Berth.class,
              Lock.class,
              Keeper.class,
              Sluice.class)) {
        assertTrue(HibernateProbe.rowPath(ds, c), c.getSimpleName());
      }
      for (Class<?> c : List.of(Pier.class, Dock.class)) {
        assertFalse(HibernateProbe.rowPath(ds, c), c.getSimpleName());
      }
      assertEquals("Bo", ds.store(Pilot.class).get(2L).orElseThrow().name);
      // The inverse side of a one-to-one: its target or null, one object per row within a call.
      Nation france = ds.store(Nation.class).get("FR").orElseThrow();
      assertEquals("Paris", france.capital.name);
      assertSame(france, france.capital.nation);
      assertNull(ds.store(Nation.class).get("IS").orElseThrow().capital);
      Capital oslo = ds.store(Capital.class).get("Oslo").orElseThrow();
      assertSame(oslo, oslo.nation.capital);
      // Through it as through a to-one: a left join, so no row is dropped (docs/queries.md, S1).
      assertEquals(
          List.of("IS", "NO", "FR"),
          codes(ds.store(Nation.class).search(Query.all().orderBy("capital.name"))));
      assertEquals(
          List.of("IS"),
          codes(ds.store(Nation.class).search(Query.where(Where.isNull("capital")))));
      // Three-valued logic: p, not p and "capital.name is null" partition the rows.
      Criterion oslo1 = Where.eq("capital.name", "Oslo");
      assertEquals(List.of("NO"), codes(ds.store(Nation.class).search(Query.where(oslo1))));
      assertEquals(
          List.of("FR"), codes(ds.store(Nation.class).search(Query.where(Where.not(oslo1)))));
      assertEquals(
          List.of("IS"),
          codes(ds.store(Nation.class).search(Query.where(Where.isNull("capital.name")))));
      // An entity as the value, or'ed with a null test: no row is lost to a join (HQL's own
      // "e.capital = ?" loses Iceland; datajar's HQL compares the joined target, as here).
      assertEquals(
          List.of("FR", "IS"),
          codes(
              ds.store(Nation.class)
                  .search(
                      Query.where(
                              Where.or(
                                  Where.eq("capital", france.capital),
                                  Where.isNull("capital.name")))
                          .orderBy("code"))));
      assertEquals(
          List.of("NO"),
          codes(ds.store(Nation.class).search(Query.where(Where.eq("capital", oslo)))));
      assertEquals(3, ds.store(Nation.class).count());

      // A to-one joined on a unique column other than the target's id (Port.nation on iso3,
      // Berth.port on name): the target by that column, and every path through it a join.
      Store<Port> ports = ds.store(Port.class);
      assertEquals("FR", ports.get(1L).orElseThrow().nation.code);
      assertEquals(
          List.of("Le Havre", "Marseille"),
          names(ports.search(Query.where(Where.eq("nation.name", "France")).orderBy("name"))));
      assertEquals(
          List.of("Le Havre", "Marseille"),
          names(ports.search(Query.where(Where.eq("nation", france)).orderBy("name"))));
      assertEquals(
          List.of("Bergen"), names(ports.search(Query.where(Where.eq("nation.code", "NO")))));
      assertEquals(
          List.of("Bergen", "Le Havre", "Marseille"),
          names(ports.search(Query.all().orderByDesc("nation").orderBy("name"))));
      Berth b7 = ds.store(Berth.class).get(11L).orElseThrow();
      assertEquals("Bergen", b7.port.name);
      assertEquals("Norway", b7.port.nation.name);
      assertEquals(
          List.of(10L),
          ds.store(Berth.class).search(Query.where(Where.eq("port.nation.code", "FR"))).stream()
              .map(b -> b.id)
              .toList());
      // The same with a composite key: the inverse side of a one-to-one whose owner has an
      // @IdClass, and a to-one joined on a unique column of such an entity.
      Store<Lock> locks = ds.store(Lock.class);
      Lock holtenau = locks.get(new Lock.Key("Kiel", 1)).orElseThrow();
      assertEquals("Ann", holtenau.keeper.name);
      assertSame(holtenau, holtenau.keeper.lock);
      assertNull(locks.get(new Lock.Key("Kiel", 2)).orElseThrow().keeper);
      assertEquals(
          List.of("Kiel 1", "Kiel 2"),
          locks
              .search(
                  Query.where(
                      Where.or(Where.eq("keeper", holtenau.keeper), Where.isNull("keeper.name"))))
              .stream()
              .map(l -> l.canal + " " + l.number)
              .toList());
      Store<Sluice> sluices = ds.store(Sluice.class);
      assertEquals(List.of(1L, 4L), ids(sluices.search(Query.where(Where.eq("lock", holtenau)))));
      assertEquals(List.of(3L), ids(sluices.search(Query.where(Where.isNull("lock")))));
      assertEquals(List.of(3L, 1L, 4L, 2L), ids(sluices.search(Query.all().orderBy("lock"))));
      assertEquals(
          List.of(1L, 2L, 4L), ids(sluices.search(Query.where(Where.eq("lock.number", 1)))));
      assertEquals("Bea", sluices.get(2L).orElseThrow().lock.keeper.name);
      assertFalse(HibernateProbe.started(ds, "fallback"), "no Hibernate for these");

      Pier north = ds.store(Pier.class).get(20L).orElseThrow();
      assertEquals("Bergen", north.port.name);
      assertEquals(List.of("B100", "B1"), north.bollards);
      assertTrue(HibernateProbe.started(ds, "fallback"));
      assertEquals("Le Havre", ds.store(Dock.class).get(31L).orElseThrow().pier.port.name);
    }

    // The two sides of the one-to-one are under a manifest key of their own, which runtimes
    // before it ignore: for them Nation and Capital read through Hibernate, with the same values.
    String manifest =
        Files.readString(dir.resolve("sqlite/META-INF/datasets/fallback.manifest.json"));
    int key = manifest.indexOf("\"oneToOneLayouts\"");
    assertTrue(key > manifest.indexOf("\"entity\" : \"" + Pilot.class.getName() + "\""));
    assertTrue(key < manifest.indexOf("\"entity\" : \"" + Nation.class.getName() + "\""));
    assertTrue(key < manifest.indexOf("\"entity\" : \"" + Capital.class.getName() + "\""));
    try (DataSets older = Fixtures.olderRuntime(dir, "fallback", "oneToOneLayouts")) {
      assertFalse(HibernateProbe.rowPath(older, Nation.class));
      assertTrue(HibernateProbe.rowPath(older, Pilot.class));
      Nation france = older.store(Nation.class).get("FR").orElseThrow();
      assertEquals("Paris", france.capital.name);
      assertSame(france, france.capital.nation);
      // Through HQL the same answers as on the row path above (docs/queries.md, S1).
      Store<Nation> nations = older.store(Nation.class);
      assertEquals(
          List.of("FR", "IS"),
          codes(
              nations.search(
                  Query.where(
                          Where.or(
                              Where.eq("capital", france.capital), Where.isNull("capital.name")))
                      .orderBy("code"))));
      assertEquals(
          List.of("IS", "NO", "FR"), codes(nations.search(Query.all().orderBy("capital"))));
      assertEquals(List.of("IS"), codes(nations.search(Query.where(Where.isNull("capital")))));
      assertTrue(HibernateProbe.started(older, "fallback"));
    }
    try (Stream<Path> files = Files.walk(dir.resolve("old"))) { // the next cut goes there too
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
    try (DataSets older = Fixtures.olderRuntime(dir, "fallback", "otherKeyLayouts")) {
      // Port's to-one joined on Nation.iso3, through HQL: compared by the target, not the key.
      assertFalse(HibernateProbe.rowPath(older, Port.class));
      Nation france = older.store(Nation.class).get("FR").orElseThrow();
      assertEquals(
          List.of("Le Havre", "Marseille"),
          names(
              older
                  .store(Port.class)
                  .search(Query.where(Where.eq("nation", france)).orderBy("name"))));
      assertEquals(
          List.of("Bergen"),
          names(
              older
                  .store(Port.class)
                  .search(Query.where(Where.not(Where.in("nation", List.of(france)))))));
    }
  }

  private static List<Long> ids(List<Sluice> sluices) {
    return sluices.stream().map(x -> x.id).toList();
  }

  private static List<String> names(List<Port> ports) {
    return ports.stream().map(p -> p.name).toList();
  }

  private static List<String> codes(List<Nation> nations) {
    return nations.stream().map(n -> n.code).toList();
  }
}
