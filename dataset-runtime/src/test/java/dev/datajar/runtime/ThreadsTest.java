package dev.datajar.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.datajar.runtime.fixture.Assignment;
import dev.datajar.runtime.fixture.City;
import dev.datajar.runtime.fixture.Country;
import dev.datajar.runtime.fixture.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores are shared singletons: many threads get exactly what one thread gets. */
class ThreadsTest {
  @TempDir Path root;

  /** One round of every kind of read, rendered as text so results compare by value. */
  private static List<String> round(
      Store<Country> countries, Store<City> cities, Store<Assignment> assignments, int seed) {
    return round(countries, cities, assignments, seed, true);
  }

  /**
   * One round of reads; with {@code navigateLazily}, also touches a lazy to-one after its call
   * returned (which {@code close()} does not guard: see docs/runtime.md).
   */
  private static List<String> round(
      Store<Country> countries,
      Store<City> cities,
      Store<Assignment> assignments,
      int seed,
      boolean navigateLazily) {
    List<String> out = new ArrayList<>();
    // the JDBC fast path (plain entities) ...
    out.add(String.valueOf(assignments.get(1L + seed % 7)));
    out.add(assignments.getAll(List.of(1L + seed % 6, 6L - seed % 6)).toString());
    out.add(
        assignments
            .search(Query.where(Where.ge("id", 1L + seed % 6)).orderByDesc("block"))
            .toString());
    try (Stream<Assignment> s = assignments.stream(Query.all().offset(seed % 4))) {
      out.add(s.map(Assignment::toString).toList().toString());
    }
    // ... and Hibernate (entities with collections)
    long id = 1L + seed % 10;
    out.add(String.valueOf(countries.get(id).map(Country::toString)));
    out.add(
        String.valueOf(
            countries.getAll(List.of(id, 99L, 11 - id)).stream()
                .map(o -> o.map(Country::getAlpha2))
                .toList()));
    out.add(
        String.valueOf(
            cities
                .get(id)
                .map(c -> c.getName() + (navigateLazily ? "/" + c.getCountry().getName() : ""))));
    out.add(
        countries
            .search(Query.where(Where.gt("population", seed * 1_000_000L)).orderBy("name"))
            .toString());
    out.add(String.valueOf(countries.count(Query.where(Where.lt("area", seed * 100_000.0)))));
    try (Stream<City> s = cities.stream(Query.all().offset(seed % 5))) {
      out.add(s.map(City::getName).toList().toString());
    }
    out.add(
        countries.query("select name from Country where id <= ?1", String.class, id).toString());
    return out;
  }

  /** An injector over the geo and oui fixture datasets, built into this test's folder. */
  private Injector geoAndOui() throws Exception {
    Fixtures.geo(root);
    Fixtures.oui(root);
    return Guice.createInjector(DataSetModule.builder().classLoader(Fixtures.loader(root)).build());
  }

  private static <S> S store(Injector injector, TypeLiteral<S> type) {
    return injector.getInstance(Key.get(type));
  }

  @Test
  void manyThreads_getTheSingleThreadedResults() throws Exception {
    Injector injector = geoAndOui();
    Store<Country> countries = store(injector, new TypeLiteral<Store<Country>>() {});
    Store<City> cities = store(injector, new TypeLiteral<Store<City>>() {});
    Store<Assignment> assignments = store(injector, new TypeLiteral<Store<Assignment>>() {});
    int rounds = 200;
    List<List<String>> expected = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      expected.add(round(countries, cities, assignments, i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        for (int i = 0; i < rounds; i++) {
          int seed = (i * 7 + t) % rounds;
          futures.add(
              pool.submit(
                  () -> {
                    List<String> r = round(countries, cities, assignments, seed);
                    r.add(0, String.valueOf(seed));
                    return r;
                  }));
        }
      }
      for (Future<List<String>> f : futures) {
        List<String> r = f.get(60, TimeUnit.SECONDS);
        int seed = Integer.parseInt(r.remove(0));
        assertEquals(expected.get(seed), r);
      }
    } finally {
      pool.shutdown();
      injector.getInstance(DataSets.class).close();
    }
  }

  private static final String CLOSED =
      "dataset '(geo|oui)' is closed: DataSets.close\\(\\) was called; open the datasets again"
          + " \\(a new DataSets or injector\\) to read it";

  /**
   * Issue 10, item 8: {@code close()} while many threads read. Every call either completes or fails
   * with the closed message (never a driver error such as "stmt pointer is closed"), and once a
   * thread has seen the closed message, it keeps seeing it.
   */
  @Test
  void closeUnderLoad_everyCallCompletesOrFailsWithTheClosedMessage() throws Exception {
    Injector injector = geoAndOui();
    Store<Country> countries = store(injector, new TypeLiteral<Store<Country>>() {});
    Store<City> cities = store(injector, new TypeLiteral<Store<City>>() {});
    Store<Assignment> assignments = store(injector, new TypeLiteral<Store<Assignment>>() {});
    int threads = 8;
    CountDownLatch warm = new CountDownLatch(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<RuntimeException>>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int first = t;
        futures.add(
            pool.submit(
                () -> {
                  List<RuntimeException> failures = new ArrayList<>();
                  for (int i = first; failures.size() < 3; i++) {
                    try {
                      round(countries, cities, assignments, i % 200, false);
                    } catch (RuntimeException e) {
                      failures.add(e);
                    }
                    if (i == first) {
                      warm.countDown();
                    }
                  }
                  return failures;
                }));
      }
      assertTrue(warm.await(5, TimeUnit.MINUTES), "the readers did not start");
      injector.getInstance(DataSets.class).close();
      for (Future<List<RuntimeException>> f : futures) {
        for (RuntimeException e : f.get(5, TimeUnit.MINUTES)) {
          if (!(e instanceof DataSetException) || !e.getMessage().matches(CLOSED)) {
            throw new AssertionError("not the closed message: " + e, e);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closedEngines_refuseReads() {
    Fixtures.geo(root);
    Injector injector =
        Guice.createInjector(DataSetModule.builder().classLoader(Fixtures.loader(root)).build());
    Store<Country> countries = injector.getInstance(Key.get(new TypeLiteral<Store<Country>>() {}));
    injector.getInstance(DataSets.class).close();
    injector.getInstance(DataSets.class).close(); // idempotent
    for (Supplier<?> call :
        List.<Supplier<?>>of(countries::count, () -> countries.get(1L), countries::search)) {
      DataSetException e = assertThrows(DataSetException.class, call::get);
      assertEquals(
          "dataset 'geo' is closed: DataSets.close() was called; open the"
              + " datasets again (a new DataSets or injector) to read it",
          e.getMessage());
    }
  }
}
