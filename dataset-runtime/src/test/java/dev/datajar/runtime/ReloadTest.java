package dev.datajar.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.runtime.fixture.City;
import dev.datajar.runtime.fixture.Country;
import dev.datajar.runtime.fixture.Fixtures;
import dev.datajar.runtime.internal.Engine;
import dev.datajar.runtime.internal.open.EngineOpener;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new version of a dataset taken without a restart, under load: 8 threads read through every kind
 * of call while the followed file is replaced (renamed over) and reloaded, again and again, among
 * two good versions, a corrupt one and one built from other entity classes. Every row of a good
 * version carries its version's mark, so that a call that read two versions is seen.
 */
class ReloadTest {
  @TempDir Path tmp;

  private static final int THREADS = 8;
  private static final int SWITCHES = 24;

  /** The fixture's rows with every country and city name marked {@code @tag}. */
  private static List<String> rows(String tag, boolean dropLast) {
    List<String> out = new ArrayList<>();
    for (String r : Fixtures.GEO_ROWS) {
      if (dropLast && r.contains("(10, 'ZA'")) {
        continue; // version B has 9 countries
      }
      // 'France' -> 'France @A'; codes ('FR', 'EU') end in a capital and stay as they are
      out.add(r.replaceAll("'([A-Z][^',]*[a-zí])'", "'$1 @" + tag + "'"));
    }
    return out;
  }

  private Path version(String tag, boolean dropLast) {
    Path root = tmp.resolve("v-" + tag);
    Fixtures.write(root, "geo", List.of(City.class, Country.class), rows(tag, dropLast));
    return Fixtures.sqlite(root, "geo");
  }

  /** A copy of {@code good} with bytes in its middle changed, beside good's manifest. */
  private Path corrupt(Path good) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("v-corrupt"));
    Path file = dir.resolve("geo.sqlite");
    byte[] b = Files.readAllBytes(good);
    for (int i = b.length / 2; i < b.length / 2 + 64; i++) {
      b[i] ^= 0x5a;
    }
    Files.write(file, b);
    Files.copy(good.resolveSibling("geo.manifest.json"), dir.resolve("geo.manifest.json"));
    return file;
  }

  /** A dataset of the same name built from other classes: its country table has no continent. */
  private Path otherClasses() {
    Path root = tmp.resolve("v-other");
    Fixtures.write(
        root,
        "geo",
        List.of(City.class, Country.class),
        "0000000000000000000000000000000000000000000000000000000000000000",
        List.of(
            "create table country (id bigint not null primary key, alpha2 varchar(255),"
                + " area float not null, name varchar(255), population bigint)",
            "create table city (id bigint not null primary key, name varchar(255), population"
                + " integer not null, country_id bigint)"),
        List.of(
            "insert into country (id, alpha2, area, name, population) values (1, 'FR', 1.0,"
                + " 'France @other', 1)"));
    return Fixtures.sqlite(root, "geo");
  }

  /**
   * Renames a complete copy of {@code version} (file, then manifest) over the followed file (also
   * for {@link SwitchChangesTest}).
   */
  static void install(Path version, Path live) throws IOException {
    Path tmpFile = live.resolveSibling(".geo.sqlite.tmp");
    Files.copy(version, tmpFile, StandardCopyOption.REPLACE_EXISTING);
    Files.move(tmpFile, live, StandardCopyOption.ATOMIC_MOVE);
    Path tmpManifest = live.resolveSibling(".geo.manifest.json.tmp");
    Files.copy(
        version.resolveSibling("geo.manifest.json"),
        tmpManifest,
        StandardCopyOption.REPLACE_EXISTING);
    Files.move(
        tmpManifest, live.resolveSibling("geo.manifest.json"), StandardCopyOption.ATOMIC_MOVE);
  }

  private static String tag(String name) {
    int at = name.lastIndexOf(" @");
    return at < 0 ? "none" : name.substring(at + 2);
  }

  /**
   * This JVM's open descriptors on files under the test's folder (the versions, their private
   * links, the cache): only what this dataset holds, not what other test classes in the same JVM
   * open or leave to the garbage collector meanwhile.
   */
  private long openFds() throws IOException {
    String folder = tmp.toRealPath().toString();
    long n = 0;
    try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : s.toList()) {
        try {
          if (Files.readSymbolicLink(fd).toString().startsWith(folder)) {
            n++;
          }
        } catch (IOException e) {
          // closed between the listing and the read: not open
        }
      }
    }
    return n;
  }

  /** The followed file, {@code live/geo.sqlite}, with {@code first} renamed in. */
  private Path live(Path first) throws IOException {
    Path live = Files.createDirectories(tmp.resolve("live")).resolve("geo.sqlite");
    install(first, live);
    return live;
  }

  /** Dataset geo read from {@code live}, followed every {@code interval}, cache under tmp. */
  private DataSets.Builder following(Path live, Duration interval) {
    return DataSets.builder()
        .dataSets("geo")
        .path("geo", live)
        .follow("geo", interval)
        .cacheDirectory(tmp.resolve("cache"))
        .systemProperties(k -> null)
        .environment(k -> null);
  }

  private DataSets open(Path live) {
    // Read through a private link; polled once an hour, so switched by hand here.
    return following(live, Duration.ofHours(1)).open();
  }

  /** One random call; adds to {@code mixed} a description of any result that read two versions. */
  private static void oneCall(DataSets ds, Queue mixed) {
    Store<Country> countries = ds.store(Country.class);
    Store<City> cities = ds.store(City.class);
    ThreadLocalRandom r = ThreadLocalRandom.current();
    switch (r.nextInt(8)) {
      case 0 -> {
        Optional<Country> c = countries.get(1L + r.nextInt(9));
        Country country = c.orElseThrow();
        Set<String> tags = new TreeSet<>();
        tags.add(tag(country.getName()));
        country.getCities().forEach(x -> tags.add(tag(x.getName())));
        mixed.check("get+cities", tags);
      }
      case 1 -> {
        City city = cities.get(1L + r.nextInt(10)).orElseThrow();
        mixed.check(
            "get+to-one",
            new TreeSet<>(List.of(tag(city.getName()), tag(city.getCountry().getName()))));
      }
      case 2 -> {
        Set<String> tags = new TreeSet<>();
        countries.search(Query.all()).forEach(c -> tags.add(tag(c.getName())));
        mixed.check("search", tags);
        Set<String> one = new TreeSet<>();
        cities.getAll(List.of(1L, 4L, 9L)).forEach(c -> one.add(tag(c.orElseThrow().getName())));
        mixed.check("getAll", one);
      }
      case 3 -> {
        Set<String> tags = new TreeSet<>();
        // a stream kept open for a while, so that switches happen under it
        try (Stream<City> s = cities.stream(Query.all())) {
          Iterator<City> it = s.iterator();
          int n = 0;
          while (it.hasNext()) {
            City c = it.next();
            tags.add(tag(c.getName()));
            tags.add(tag(c.getCountry().getName()));
            if (n++ == 3) {
              Thread.sleep(r.nextInt(20));
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        mixed.check("stream", tags);
      }
      case 4 -> {
        Set<String> tags = new TreeSet<>();
        countries.sql("select name from country", String.class).forEach(n -> tags.add(tag(n)));
        mixed.check("sql", tags);
      }
      case 5 -> {
        Set<String> tags = new TreeSet<>();
        countries
            .query("select c.name from City c order by c.id", String.class)
            .forEach(n -> tags.add(tag(n)));
        mixed.check("query", tags);
      }
      case 6 -> {
        long n = countries.count();
        mixed.check("count", Set.of(n == 10 ? "A" : n == 9 ? "B" : "count " + n));
      }
      default -> {
        Country c = countries.first(Query.where(Where.eq("alpha2", "JP"))).orElseThrow();
        Set<String> tags = new TreeSet<>();
        tags.add(tag(c.getName()));
        c.getCities().forEach(x -> tags.add(tag(x.getName())));
        mixed.check("first", tags);
      }
    }
  }

  /** Results that read more than one version, or another version than A and B. */
  static final class Queue {
    final ConcurrentLinkedQueue<String> bad = new ConcurrentLinkedQueue<>();

    void check(String call, Set<String> tags) {
      if (tags.size() != 1 || !(tags.contains("A") || tags.contains("B"))) {
        bad.add(call + " read " + tags);
      }
    }
  }

  @Test
  void switchesUnderLoad_neverMixVersions_refuseBadOnes_andReleaseOldOnes() throws Exception {
    Path a = version("A", false);
    Path b = version("B", true);
    Path corrupt = corrupt(a);
    Path other = otherClasses();
    Path live = live(a);

    List<String> logged = new ArrayList<>();
    Logger logger = Logger.getLogger(DataSets.class.getName());
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            synchronized (logged) {
              logged.add(record.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(capture);
    long fdsBeforeOpen = openFds();
    try (DataSets ds = open(live)) {
      List<String> switched = new ArrayList<>();
      List<String> refused = new ArrayList<>();
      ds.addListener(
          new DataSetListener() {
            @Override
            public void switched(String name, DataSetInfo old, DataSetInfo now) {
              synchronized (switched) {
                switched.add(now.sha256());
              }
            }

            @Override
            public void refused(String name, DataSetInfo serving, String reason) {
              synchronized (refused) {
                refused.add(reason);
              }
            }
          });
      Queue mixed = new Queue();
      // Warm up every path once (classes, Hibernate, the driver), then count descriptors.
      for (int i = 0; i < 64; i++) {
        oneCall(ds, mixed);
      }
      install(other, live);
      assertThrows(DataSetOpenException.class, () -> ds.reload("geo"));
      install(a, live);
      ds.reload("geo");
      for (int i = 0; i < 64; i++) {
        oneCall(ds, mixed);
      }
      // A fresh version, as the one at the end will be (by way of b: a reload of the version
      // served switches nothing).
      install(b, live);
      ds.reload("geo");
      install(a, live);
      ds.reload("geo");
      assertEquals(1, ds.liveVersions("geo"));
      long fdsAtStart = openFds();
      assertTrue(fdsAtStart > 0, "the served version's connections hold its file");
      switched.clear();
      refused.clear();
      synchronized (logged) {
        logged.clear();
      }

      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong calls = new AtomicLong();
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      List<Thread> readers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Thread th =
            new Thread(
                () -> {
                  while (!stop.get()) {
                    try {
                      oneCall(ds, mixed);
                      calls.incrementAndGet();
                    } catch (Throwable e) {
                      failures.add(e);
                    }
                  }
                },
                "reader-" + t);
        th.start();
        readers.add(th);
      }
      Path[] cycle = {b, corrupt, a, other};
      int good = 0;
      int bad = 0;
      for (int i = 0; i < SWITCHES; i++) {
        Path v = cycle[i % cycle.length];
        install(v, live);
        Thread.sleep(60);
        if (v == corrupt || v == other) {
          assertThrows(DataSetOpenException.class, () -> ds.reload("geo"), v.toString());
          bad++;
        } else {
          ds.reload("geo");
          good++;
        }
      }
      Thread.sleep(100);
      stop.set(true);
      for (Thread th : readers) {
        th.join();
      }
      if (!failures.isEmpty()) {
        throw new AssertionError(failures.size() + " calls failed", failures.peek());
      }
      assertEquals(List.of(), List.copyOf(mixed.bad), "results that read two versions");
      assertTrue(calls.get() > SWITCHES, calls + " calls");
      assertEquals(good, switched.size());
      assertEquals(bad, refused.size());
      assertTrue(
          refused.stream().anyMatch(r -> r.contains("has sha256")), "the corrupt one: " + refused);
      assertTrue(
          refused.stream().anyMatch(r -> r.contains("continent")),
          "the one of other classes: " + refused);
      synchronized (logged) {
        assertEquals(
            bad, logged.stream().filter(m -> m.contains("a new version was refused")).count());
      }

      // Every old version closed as its last reader left: one open, and as many descriptors as
      // with the fresh version before the run (two new reloads give a fresh version again).
      install(b, live);
      ds.reload("geo");
      install(a, live);
      ds.reload("geo");
      assertEquals(1, ds.liveVersions("geo"));
      assertEquals(0, ds.openStreams("geo"));
      assertEquals(fdsAtStart, openFds(), "open file descriptors");
      try (Stream<Path> pinned = Files.list(tmp.resolve("cache").resolve("pinned"))) {
        assertEquals(1, pinned.count(), "private links of closed versions are deleted");
      }
      assertEquals("France @A", ds.store(Country.class).get(1L).orElseThrow().getName());
    } finally {
      logger.removeHandler(capture);
    }
    assertEquals(fdsBeforeOpen, openFds(), "open file descriptors after close()");
  }

  @Test
  void aCallInFlight_andAnOpenStream_keepTheirVersion_untilTheyAreDone() throws Exception {
    Path a = version("A", false);
    Path b = version("B", true);
    Path live = live(a);
    try (DataSets ds = open(live)) {
      Store<City> cities = ds.store(City.class);
      Stream<City> s = cities.stream(Query.all());
      Iterator<City> it = s.iterator();
      assertEquals("A", tag(it.next().getName()));
      install(b, live);
      DataSetInfo now = ds.reload("geo");
      assertEquals(Fixtures.sha256(b), now.sha256());
      assertEquals("Paris @B", cities.get(1L).orElseThrow().getName());
      assertEquals(2, ds.liveVersions("geo"), "the stream keeps version A open");
      while (it.hasNext()) {
        assertEquals("A", tag(it.next().getName()));
      }
      s.close();
      assertEquals(1, ds.liveVersions("geo"), "A closed with its last stream");
    }
  }

  @Test
  void aSwitchedOutVersion_isNotKeptReachable_byTheStoresOrAnObserver() throws Exception {
    Path a = version("A", false);
    Path b = version("B", true);
    Path live = live(a);
    try (DataSets ds =
        following(live, Duration.ofHours(1))
            .observer((dataSet, entity) -> (call, nanos, failure) -> {})
            .open()) {
      Store<City> cities = ds.store(City.class);
      assertEquals("Paris @A", cities.get(1L).orElseThrow().getName());
      WeakReference<Engine> first = new WeakReference<>(ds.servingEngine("geo"));
      install(b, live);
      ds.reload("geo");
      assertEquals("Paris @B", cities.get(1L).orElseThrow().getName());
      assertEquals(1, ds.liveVersions("geo"));
      // Its connections are closed; what must go too is the engine itself, with its row caches.
      for (int i = 0; i < 100 && first.get() != null; i++) {
        System.gc();
        Thread.sleep(10);
      }
      assertNull(first.get(), "version A's engine is still reachable after the switch");
    }
  }

  @Test
  void rowCacheCounts_goOnAcrossReloads() throws Exception {
    Path a = version("A", false);
    Path b = version("B", true);
    Path live = live(a);
    Map<Class<?>, StoreObserver.RowCache> counts = new HashMap<>();
    StoreObserver observer =
        new StoreObserver() {
          @Override
          public Calls calls(String dataSet, Class<?> entityType) {
            return null;
          }

          @Override
          public void rowCache(String dataSet, Class<?> entityType, RowCache c) {
            counts.put(entityType, c);
          }
        };
    try (DataSets ds = following(live, Duration.ofHours(1)).observer(observer).open()) {
      assertEquals(Set.of(City.class, Country.class), counts.keySet());
      Store<Country> countries = ds.store(Country.class);
      // Country 7 has no cities, so nothing points back at it while it is built.
      countries.get(7L); // read: a miss
      countries.get(7L); // cached: a hit
      countries.get(99L); // read, no row: a miss
      countries.get(99L); // known to have no row: a hit
      assertEquals(List.of(2L, 2L, 0L, 0L), counted(counts));
      // City 6 (Reykjavík): its row is read (a miss), then the row of its to-one country 6 (a
      // miss); the country's one city is the one being built (one object per row within a call).
      ds.store(City.class).get(6L);
      assertEquals(List.of(2L, 3L, 0L, 1L), counted(counts));
      install(b, live);
      ds.reload("geo");
      // The new version's cache starts empty; the counts go on.
      countries.get(7L);
      countries.get(7L);
      assertEquals(List.of(3L, 4L, 0L, 1L), counted(counts));
    }
  }

  /** Country's hits and misses, then City's. */
  private static List<Long> counted(Map<Class<?>, StoreObserver.RowCache> counts) {
    StoreObserver.RowCache country = counts.get(Country.class);
    StoreObserver.RowCache city = counts.get(City.class);
    return List.of(country.hits(), country.misses(), city.hits(), city.misses());
  }

  @Test
  void followedFile_isTakenWhenRenamedOver() throws Exception {
    Path a = version("A", false);
    Path b = version("B", true);
    Path live = live(a);
    try (DataSets ds = following(live, Duration.ofMillis(20)).open()) {
      List<String> switched = new ArrayList<>();
      ds.addListener(
          new DataSetListener() {
            @Override
            public void switched(String name, DataSetInfo old, DataSetInfo now) {
              synchronized (switched) {
                switched.add(now.sha256());
                switched.notifyAll();
              }
            }
          });
      install(b, live);
      synchronized (switched) {
        while (switched.isEmpty()) {
          switched.wait(); // no time limit: surefire's timeout stops a test that never switches
        }
      }
      assertEquals("Paris @B", ds.store(City.class).get(1L).orElseThrow().getName());
      assertEquals(Fixtures.sha256(b), ds.info("geo").sha256());
    }
  }

  @Test
  void aFileRenamedOverWhileTheServiceOpens_isTakenAtTheFirstPoll() throws Exception {
    Path a = version("A", false);
    Path b = version("B", true);
    Path live = live(a);
    DataSets.Builder builder = following(live, Duration.ofMillis(20));
    // What DataSets.Builder.open() does, with the rename between opening (verifying and linking
    // version A) and the start of the follower.
    EngineOpener.Plan plan = EngineOpener.plan(builder.settings());
    Map<String, Engine> engines = EngineOpener.openAll(plan);
    install(b, live);
    try (DataSets ds = new DataSets(engines, plan, null)) {
      String sha = Fixtures.sha256(b);
      // Waits for an event, not a duration: many polls, then says it never came.
      for (int i = 0; i < 3000 && !sha.equals(ds.info("geo").sha256()); i++) {
        Thread.sleep(20);
      }
      assertEquals(sha, ds.info("geo").sha256(), "version B, renamed over while opening A");
      assertEquals("Paris @B", ds.store(City.class).get(1L).orElseThrow().getName());
    }
  }

  @Test
  void followingWithAnUnusableDefaultCacheDirectory_saysItIsTheDefault() throws Exception {
    Path a = version("A", false);
    Path live = live(a);
    Path xdg = Files.createDirectories(tmp.resolve("xdg"));
    Files.writeString(xdg.resolve("datajar"), "a file where the cache directory would be");
    DataSetOpenException e =
        assertThrows(
            DataSetOpenException.class,
            () ->
                DataSets.builder()
                    .dataSets("geo")
                    .path("geo", live)
                    .follow("geo", Duration.ofHours(1))
                    .systemProperties(k -> null)
                    .environment(k -> "XDG_CACHE_HOME".equals(k) ? xdg.toString() : null)
                    .open());
    assertTrue(e.getMessage().contains("the default, $XDG_CACHE_HOME/datajar"), e.getMessage());
    assertFalse(e.getMessage().contains("cacheDirectory(...) on the builder"), e.getMessage());
    assertTrue(e.getMessage().contains("its pinned/ folder"), e.getMessage());
  }

  @Test
  void aListenerThatThrowsAnError_doesNotStopFollowing() throws Exception {
    Path a = version("A", false);
    Path b = version("B", true);
    Path c = version("C", false);
    Path live = live(a);
    try (DataSets ds = following(live, Duration.ofMillis(20)).open()) {
      ds.addListener(
          new DataSetListener() {
            @Override
            public void switched(String name, DataSetInfo old, DataSetInfo now) {
              throw new AssertionError("a listener's failed assertion");
            }
          });
      for (Path next : List.of(b, c)) {
        install(next, live);
        String sha = Fixtures.sha256(next);
        // Waits for an event, not a duration: many polls, then says it never came.
        for (int i = 0; i < 3000 && !sha.equals(ds.info("geo").sha256()); i++) {
          Thread.sleep(20);
        }
        assertEquals(sha, ds.info("geo").sha256(), "followed to " + next);
      }
    }
  }

  @Test
  void reloadOfADatasetFromTheClassPath_isRefusedAndSaysWhy() {
    Path classes = tmp.resolve("classes");
    Fixtures.geo(classes);
    try (DataSets ds =
        DataSets.builder()
            .classLoader(Fixtures.loader(classes))
            .dataSets("geo")
            .systemProperties(k -> null)
            .environment(k -> null)
            .open()) {
      DataSetOpenException e = assertThrows(DataSetOpenException.class, () -> ds.reload("geo"));
      assertTrue(e.getMessage().contains("datajar.geo.path"), e.getMessage());
      assertEquals(10, ds.store(Country.class).count());
    }
  }
}
