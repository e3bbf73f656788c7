package dev.datajar.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.datajar.runtime.fixture.City;
import dev.datajar.runtime.fixture.Country;
import dev.datajar.runtime.fixture.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What listeners are told on a switch ({@link DataSetListener.Changes}), and a reload of the
 * version already served: real SQLite files with the fixture's rows, one version a few rows apart
 * from the other.
 */
class SwitchChangesTest {
  @TempDir Path tmp;

  /** The fixture's rows (10 countries, 10 cities). */
  private Path first() {
    return version("first", Fixtures.GEO_ROWS);
  }

  /**
   * The fixture's rows with country 11 added, city 10 removed, and Paris's population and Lyon's
   * name and population changed.
   */
  private Path second() {
    List<String> rows = new ArrayList<>();
    for (String r : Fixtures.GEO_ROWS) {
      if (r.contains("(10, 'Wellington'")) {
        continue;
      }
      rows.add(
          r.replace("'Paris', 2100000", "'Paris', 2200000")
              .replace("'Lyon', 520000", "'Lyon Métropole', 1400000"));
    }
    rows.add(
        "insert into country (id, alpha2, area, continent, name, population) values (11, 'PT',"
            + " 92212.0, 'EU', 'Portugal', 10400000)");
    return version("second", rows);
  }

  private Path version(String tag, List<String> rows) {
    Path root = tmp.resolve("v-" + tag);
    Fixtures.write(root, "geo", List.of(City.class, Country.class), rows);
    return Fixtures.sqlite(root, "geo");
  }

  private DataSets open(Path live) {
    return DataSets.builder()
        .dataSets("geo")
        .path("geo", live)
        .follow("geo", Duration.ofHours(1))
        .cacheDirectory(tmp.resolve("cache"))
        .systemProperties(k -> null)
        .environment(k -> null)
        .open();
  }

  private Path live() throws IOException {
    return Files.createDirectories(tmp.resolve("live")).resolve("geo.sqlite");
  }

  /** Remembers what each switch told, asking for the changes (or not) within the call. */
  private static final class Recorder implements DataSetListener {
    final boolean ask;
    final List<DataSetListener.Changes> told = new ArrayList<>();
    final List<Optional<DataSetChanges>> answers = new ArrayList<>();
    final List<Integer> liveVersions = new ArrayList<>();
    DataSets dataSets;

    Recorder(boolean ask) {
      this.ask = ask;
    }

    @Override
    public void switched(String name, DataSetInfo old, DataSetInfo now, Changes changes) {
      told.add(changes);
      liveVersions.add(dataSets.liveVersions(name));
      if (ask) {
        answers.add(changes.get());
      }
    }
  }

  @Test
  void aListener_isToldWhatChanged_perTable_withExactCounts() throws Exception {
    Path live = live();
    ReloadTest.install(first(), live);
    try (DataSets ds = open(live)) {
      Recorder r = new Recorder(true);
      r.dataSets = ds;
      ds.addListener(r);
      ReloadTest.install(second(), live);
      ds.reload("geo");

      assertEquals(1, r.answers.size());
      DataSetChanges c = r.answers.get(0).orElseThrow();
      assertEquals(List.of(), c.schemaChanges());
      assertEquals(
          new DataSetChanges.TableChanges(
              "city",
              10,
              9,
              List.of("id"),
              true,
              0,
              1,
              2,
              List.of(
                  new DataSetChanges.ColumnCount("name", 1),
                  new DataSetChanges.ColumnCount("population", 2)),
              List.of(),
              List.of(),
              List.of()),
          c.table("city").orElseThrow());
      assertEquals(
          new DataSetChanges.TableChanges(
              "country",
              10,
              11,
              List.of("id"),
              true,
              1,
              0,
              0,
              List.of(),
              List.of(),
              List.of(),
              List.of()),
          c.table("country").orElseThrow());
      assertEquals(1, c.added());
      assertEquals(1, c.removed());
      assertEquals(2, c.changed());
      assertNull(r.told.get(0).unavailable());
      assertEquals(List.of(2), r.liveVersions, "the old version is held while listeners run");
      assertEquals(1, ds.liveVersions("geo"), "and let go once they returned");
      // Asked again after the listeners returned: the same answer, not a second comparison.
      assertSame(c, r.told.get(0).get().orElseThrow());
    }
  }

  @Test
  void theChanges_areComparedOnce_forEveryListener_andOnlyIfOneAsks() throws Exception {
    Path live = live();
    ReloadTest.install(first(), live);
    try (DataSets ds = open(live)) {
      Recorder asking = new Recorder(true);
      Recorder alsoAsking = new Recorder(true);
      Recorder notAsking = new Recorder(false);
      for (Recorder r : List.of(asking, alsoAsking, notAsking)) {
        r.dataSets = ds;
      }
      ds.addListener(asking);
      ds.addListener(alsoAsking);
      ReloadTest.install(second(), live);
      ds.reload("geo");
      assertSame(asking.told.get(0), alsoAsking.told.get(0), "one Changes per switch");
      assertSame(asking.answers.get(0).orElseThrow(), alsoAsking.answers.get(0).orElseThrow());

      ds.removeListener(asking);
      ds.removeListener(alsoAsking);
      ds.addListener(notAsking);
      ReloadTest.install(first(), live);
      ds.reload("geo");
      DataSetListener.Changes late = notAsking.told.get(0);
      assertEquals(Optional.empty(), late.get(), "nobody asked while both versions were held");
      assertTrue(
          late.unavailable().contains("after the listeners had returned"), late.unavailable());
    }
  }

  @Test
  void aListenerOfTheThreeArgumentSwitch_isStillTold() throws Exception {
    Path live = live();
    ReloadTest.install(first(), live);
    try (DataSets ds = open(live)) {
      List<String> switched = new ArrayList<>();
      ds.addListener(
          new DataSetListener() {
            @Override
            public void switched(String name, DataSetInfo old, DataSetInfo now) {
              switched.add(old.sha256() + " -> " + now.sha256());
            }
          });
      Path second = second();
      ReloadTest.install(second, live);
      ds.reload("geo");
      assertEquals(1, switched.size());
      assertTrue(switched.get(0).endsWith(" -> " + Fixtures.sha256(second)), switched.get(0));
    }
  }

  @Test
  void reloadOfTheVersionServed_switchesNothing_andTellsNoListener() throws Exception {
    Path live = live();
    Path first = first();
    ReloadTest.install(first, live);
    try (DataSets ds = open(live)) {
      Recorder r = new Recorder(false);
      r.dataSets = ds;
      ds.addListener(r);
      DataSetInfo before = ds.info("geo");
      Object engine = ds.servingEngine("geo");
      ReloadTest.install(first, live); // another file (a new inode), the same bytes
      DataSetInfo after = ds.reload("geo");
      assertSame(before, after, "what is served, as it was");
      assertSame(engine, ds.servingEngine("geo"));
      assertEquals(List.of(), r.told, "no switch told");
      assertEquals(1, ds.liveVersions("geo"), "the version opened to check it is closed");
      try (var pinned = Files.list(tmp.resolve("cache").resolve("pinned"))) {
        assertEquals(1, pinned.count(), "its private link is deleted");
      }
      assertEquals("Paris", ds.store(City.class).get(1L).orElseThrow().getName());

      ReloadTest.install(second(), live);
      ds.reload("geo");
      assertEquals(1, r.told.size(), "a version that differs is switched to");
    }
  }

  /** Dataset geo read from {@code live}, not followed: reload() alone takes new versions. */
  private DataSets openUnfollowed(Path live, Path cacheDirectory) {
    return DataSets.builder()
        .dataSets("geo")
        .path("geo", live)
        .cacheDirectory(cacheDirectory)
        .systemProperties(k -> null)
        .environment(k -> null)
        .open();
  }

  @Test
  void aFileNotFollowed_keepsItsVersionUntilReload_andTheListenerIsToldWhatChanged()
      throws Exception {
    Path live = live();
    ReloadTest.install(first(), live);
    try (DataSets ds = openUnfollowed(live, tmp.resolve("cache"))) {
      Recorder r = new Recorder(true);
      r.dataSets = ds;
      ds.addListener(r);
      Store<City> cities = ds.store(City.class);
      assertEquals(10, cities.count());
      ReloadTest.install(second(), live);
      // New connections (many threads at once) still read the version opened, not the new file.
      List<Thread> threads = new ArrayList<>();
      List<Long> counts = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int t = 0; t < 8; t++) {
        Thread th =
            new Thread(
                () -> {
                  for (int i = 0; i < 8; i++) {
                    counts.add(cities.count());
                  }
                });
        threads.add(th);
        th.start();
      }
      for (Thread th : threads) {
        th.join();
      }
      assertEquals(List.of(10L), counts.stream().distinct().toList(), "before reload()");
      assertEquals(2100000, cities.get(1L).orElseThrow().getPopulation());

      ds.reload("geo");
      DataSetChanges c = r.answers.get(0).orElseThrow();
      DataSetChanges.TableChanges city = c.table("city").orElseThrow();
      assertEquals(10, city.rowsBefore(), city.toString());
      assertEquals(9, city.rowsAfter(), city.toString());
      assertEquals(1, city.removed(), city.toString());
      assertEquals(2, city.changed(), city.toString());
      assertEquals(2200000, cities.get(1L).orElseThrow().getPopulation(), "after reload()");
    }
  }

  @Test
  void aFileNotFollowed_withNoUsableCacheDirectory_opensInPlace_andReloadNamesTheCache()
      throws Exception {
    Path live = live();
    ReloadTest.install(first(), live);
    Path notADirectory = Files.writeString(tmp.resolve("not-a-directory"), "a file");
    try (DataSets ds = openUnfollowed(live, notADirectory)) {
      Recorder r = new Recorder(true);
      r.dataSets = ds;
      ds.addListener(r);
      assertEquals(10, ds.store(City.class).count(), "opened all the same, in place");
      ReloadTest.install(second(), live);
      DataSetOpenException e = assertThrows(DataSetOpenException.class, () -> ds.reload("geo"));
      assertTrue(e.getMessage().contains("pinned/ folder"), e.getMessage());
    }
  }

  @Test
  void aFileNotFollowed_withTheCacheOnAnotherFileSystem_isReadInPlace_andNoChangesAreMadeUp()
      throws Exception {
    Path shm = Path.of("/dev/shm");
    assumeTrue(
        Files.isDirectory(shm)
            && !Files.getFileStore(shm).equals(Files.getFileStore(tmp))
            && Files.isWritable(shm),
        "needs /dev/shm on a file system of its own");
    Path cache = Files.createTempDirectory(shm, "datajar-cache-");
    try {
      Path live = live();
      ReloadTest.install(first(), live);
      try (DataSets ds = openUnfollowed(live, cache)) {
        Recorder r = new Recorder(true);
        r.dataSets = ds;
        ds.addListener(r);
        assertEquals(10, ds.store(City.class).count());
        ReloadTest.install(second(), live);
        ds.reload("geo");
        assertEquals(9, ds.store(City.class).count(), "the new version is served");
        assertEquals(Optional.empty(), r.answers.get(0), "not the new file compared with itself");
        String why = r.told.get(0).unavailable();
        assertTrue(why.contains("was read in place from " + live), why);
        assertTrue(why.contains("-Ddatajar.cache.dir"), why);
      }
    } finally {
      try (var files = Files.walk(cache)) {
        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
