package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.fuzz.Depot;
import dev.datajar.builder.fixtures.fuzz.Device;
import dev.datajar.builder.fixtures.fuzz.Feed;
import dev.datajar.builder.fixtures.fuzz.FuzzRows;
import dev.datajar.builder.fixtures.fuzz.Nation;
import dev.datajar.builder.fixtures.fuzz.Office;
import dev.datajar.builder.fixtures.fuzz.Port;
import dev.datajar.builder.fixtures.fuzz.Rack;
import dev.datajar.builder.fixtures.fuzz.Site;
import dev.datajar.builder.fixtures.fuzz.Vendor;
import dev.datajar.builder.fuzz.Checks;
import dev.datajar.builder.fuzz.Exclusion;
import dev.datajar.builder.fuzz.Fuzzer;
import dev.datajar.builder.fuzz.Model;
import dev.datajar.runtime.DataSets;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model-based query fuzzer: seeded random {@code Query}s over the {@code fuzz} fixture (built
 * by the real builder into SQLite and into PostgreSQL, read through {@code Store}), each compared
 * with a reference evaluator in plain Java over the same source rows ({@code fuzz.Reference}). A
 * mismatch fails the test with the query shrunk and printed as Java code, and the seed that repeats
 * it.
 *
 * <p>{@code -Ddatajar.fuzz.queries=N} (default 10,000 per engine), {@code -Ddatajar.fuzz.seed=S}
 * (default 18), {@code -Ddatajar.fuzz.only=I} (query I of the seed alone), {@code
 * -Ddatajar.fuzz.exclusions=none|NAME,...} (see {@link Exclusion}).
 *
 * <p>The PostgreSQL run starts when the fixture is built, on a thread of its own, and its test
 * waits for it: it runs while the SQLite run and the read-back check use the other CPU, much of its
 * time being the server's (two fuzzers share nothing but the model, which they only read).
 */
class QueryFuzzTest {
  private static final List<Class<?>> ENTITIES =
      List.of(
          Nation.class,
          Vendor.class,
          Depot.class,
          Device.class,
          Rack.class,
          Site.class,
          Feed.class,
          Port.class,
          Office.class);

  @TempDir static Path dir;
  private static Fixtures.BothEngines engines;
  private static Model model;
  private static FutureTask<Fuzzer.Result> onPostgres;

  @BeforeAll
  static void build() throws Exception {
    // An ICU database whose default collation orders text case-insensitively: text must still
    // compare by code point (S4).
    engines =
        Fixtures.bothEngines(dir, "query_fuzz", "locale_provider icu icu_locale 'en'", "fuzz");
    model = new Model(ENTITIES, FuzzRows::of);
    onPostgres = new FutureTask<>(() -> fuzz("postgres", engines.postgres()));
    Thread t = new Thread(onPostgres, "query fuzzer, postgres");
    t.setDaemon(true);
    t.start();
  }

  @AfterAll
  static void close() throws InterruptedException {
    if (onPostgres != null) {
      onPostgres.cancel(true);
      try {
        onPostgres.get();
      } catch (ExecutionException | CancellationException e) {
        // reported by its test, or not asked for in this run
      }
    }
    if (engines != null) {
      engines.close();
    }
  }

  @Test
  void everyRow_readsBackExactly_onBothEngines() throws Exception {
    for (DataSets d : List.of(engines.sqlite(), engines.postgres())) {
      boolean postgres = d == engines.postgres();
      for (Model.Entity e : model.entities()) {
        List<?> rows = d.store(e.type).search();
        assertEquals(e.rows.size(), rows.size(), e.name());
        for (Object row : rows) {
          Object id = e.idOf(row);
          Map<String, Object> source =
              e.rows.stream().filter(r -> e.id(r).equals(id)).findFirst().orElseThrow();
          assertEquals(null, Checks.values(e, row, source, 2, postgres), e.name() + " " + id);
        }
        for (Map<String, Object> excluded : e.excluded) { // S9: no row
          assertTrue(d.store(e.type).get(e.storeId(excluded)).isEmpty(), e.name() + " " + excluded);
        }
      }
    }
  }

  @Test
  void randomQueries_matchTheReference_onSqlite() {
    Fuzzer.Result result = fuzz("sqlite", engines.sqlite());
    assertTrue(result.mismatches().isEmpty(), () -> Fuzzer.report(result));
  }

  @Test
  void randomQueries_matchTheReference_onPostgres() throws Exception {
    Fuzzer.Result result;
    try {
      result = onPostgres.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception x ? x : e;
    }
    assertTrue(result.mismatches().isEmpty(), () -> Fuzzer.report(result));
  }

  private static Fuzzer.Result fuzz(String engine, DataSets dataSets) {
    int queries = Integer.getInteger("datajar.fuzz.queries", 10_000);
    long seed = Long.getLong("datajar.fuzz.seed", 18L);
    int only = Integer.getInteger("datajar.fuzz.only", -1);
    Map<Class<?>, Integer> weights = new LinkedHashMap<>();
    weights.put(Device.class, 44);
    weights.put(Vendor.class, 8);
    weights.put(Nation.class, 5);
    weights.put(Rack.class, 11);
    weights.put(Site.class, 11);
    weights.put(Feed.class, 10);
    weights.put(Port.class, 11);
    weights.put(Depot.class, 8);
    weights.put(Office.class, 6);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    Fuzzer.Result result =
        new Fuzzer(model, weights).run(engine, dataSets::store, seed, queries, only, exclusions());
    long millis = (System.nanoTime() - start) / 1_000_000;
    long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
    // Wall time depends on the machine's load; the test thread's CPU time much less so.
    System.out.printf(
        "query fuzzer, %s: %,d queries checked in %,d ms (%,d ms CPU on the test thread, seed %d),"
            + " per entity %s, skipped %s, %d failed; ms per step and per entity %s%n",
        engine,
        result.checked(),
        millis,
        cpuMillis,
        seed,
        result.perEntity(),
        result.skipped(),
        result.failed(),
        result.millisPerStep());
    return result;
  }

  private static Set<Exclusion> exclusions() {
    String setting = System.getProperty("datajar.fuzz.exclusions", "default");
    if (setting.equals("default")) {
      return EnumSet.allOf(Exclusion.class);
    }
    Set<Exclusion> out = EnumSet.noneOf(Exclusion.class);
    if (!setting.equals("none")) {
      for (String name : setting.split(",")) {
        out.add(Exclusion.valueOf(name.trim()));
      }
    }
    return out;
  }
}
