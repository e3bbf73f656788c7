package dev.datajar.benchmarks.read;

import dev.datajar.benchmarks.build.BuilderRun;
import dev.datajar.benchmarks.data.BenchPaths;
import dev.datajar.benchmarks.data.BenchSources;
import dev.datajar.benchmarks.data.Machine;
import dev.datajar.benchmarks.model.Item;
import dev.datajar.builder.BuildLog;
import dev.datajar.builder.BuildResult;
import dev.datajar.builder.PostgresTarget;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import dev.datajar.testing.postgres.TestPostgres;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.LongConsumer;

/**
 * {@code Store.get(id)} and the ~100-row {@code search} on the indexed foreign key, on PostgreSQL
 * (the {@code bench} dataset built into it by the builder) against plain pgjdbc prepared statements
 * on the same server, with the same operations on SQLite (datajar and plain sqlite-jdbc) beside
 * them. A plain timing loop, not JMH: warm-up, then the mean over {@code --ops} calls with random
 * keys (fixed seed, the same keys for every side), rounds interleaved, each round starting with an
 * untimed pass of plain pgjdbc over its keys so that no side finds the server's caches colder than
 * another; at the end the median of each over the rounds and the ratios. {@code Item.parent} is an
 * eager {@code @ManyToOne}, so a {@code Store} call also reads the parent: the plain side is
 * measured both without it and with it (a join). No timing is asserted.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.datajar.benchmarks.read.PostgresReadBenchmark \
 *     [--rows 1000000] [--ops 20000] [--rounds 3]   # -Ddatajar.test.jdbc=URL: that server
 * </pre>
 */
public final class PostgresReadBenchmark {
  private PostgresReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = 1_000_000;
    int ops = 20_000;
    int rounds = 3;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--rows" -> rows = Long.parseLong(args[i + 1].replace("_", ""));
        case "--ops" -> ops = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("valid: --rows N --ops N --rounds N");
      }
    }
    Path work = BenchPaths.dataDirectory().resolve("pg-read");
    Files.createDirectories(work);
    BenchSources sources =
        new BenchSources(work.resolve("sources"), rows, BenchSources.DEFAULT_PARENTS)
            .ensureGenerated();
    TestPostgres pg = TestPostgres.get();
    String url = pg.createDatabase("bench_read");
    BuilderRun builder = new BuilderRun(work);
    Path classpath = work.resolve("pg-classpath");
    builder.build(
        sources,
        classpath.resolve("META-INF/datasets"),
        BuildLog.SILENT,
        new PostgresTarget(url, pg.user(), pg.password(), "1.0"));
    BuildResult.DataSetResult sqlite =
        builder.build(sources, work.resolve("sqlite-out"), BuildLog.SILENT);
    System.out.printf(
        Locale.ROOT,
        "datajar read benchmark, PostgreSQL and SQLite: %,d items,"
            + " %,d ops per measurement, %s%n%s%n",
        rows,
        ops,
        url,
        Machine.describe());

    ClassLoader manifests =
        new URLClassLoader(
            new URL[] {classpath.toUri().toURL()}, PostgresReadBenchmark.class.getClassLoader());
    try (DataSets onPg =
            DataSets.builder()
                .classLoader(manifests)
                .dataSets("bench")
                .jdbc("bench", url + "?user=" + pg.user())
                .open();
        DataSets onSqlite =
            DataSets.builder().dataSets("bench").path("bench", sqlite.file()).open();
        JdbcReader pgJdbc =
            new JdbcReader(
                pg.connect(
                    url
                        + "?currentSchema="
                        + onPg.store(Item.class)
                            .sql("select current_schema()", String.class)
                            .get(0)));
        Connection pgTx = pg.connect(url + "?currentSchema=" + schema(onPg));
        JdbcReader pgJdbcTx = new JdbcReader(pgTx);
        JdbcReader sqliteJdbc = new JdbcReader(sqlite.file())) {
      // As the pool's connections: each call in its own READ ONLY transaction, rolled back.
      pgTx.setAutoCommit(false);
      pgTx.setReadOnly(true);
      Store<Item> pgItems = onPg.store(Item.class);
      Store<Item> sqliteItems = onSqlite.store(Item.class);
      long n = rows;
      int parents = BenchSources.DEFAULT_PARENTS;
      int searches = Math.max(ops / 20, 200);
      Map<String, List<Double>> times = new LinkedHashMap<>();
      for (int round = 1; round <= rounds; round++) {
        System.out.println("round " + round);
        // Every side then finds the rows of this round's keys in the server's and the OS's
        // caches, whichever runs first (before, Store ran first on pages the plain side then
        // found warm).
        run(ops, n, id -> call(() -> pgJdbc.getWithParent(id)));
        run(searches, parents, p -> call(() -> pgJdbc.byParentWithParent(p)));
        time(times, PG_GET, ops, n, id -> consume(pgItems.get(id).orElseThrow()));
        time(times, PG_JDBC_GET, ops, n, id -> call(() -> pgJdbc.get(id)));
        time(times, PG_JDBC_GET_PARENT, ops, n, id -> call(() -> pgJdbc.getWithParent(id)));
        time(
            times,
            PG_JDBC_GET_PARENT_TX,
            ops,
            n,
            id ->
                call(
                    () -> {
                      Object row = pgJdbcTx.getWithParent(id);
                      pgTx.rollback();
                      return row;
                    }));
        time(times, SQLITE_GET, ops, n, id -> consume(sqliteItems.get(id).orElseThrow()));
        time(times, SQLITE_JDBC_GET, ops, n, id -> call(() -> sqliteJdbc.get(id)));
        time(
            times,
            PG_SEARCH,
            searches,
            parents,
            p -> pgItems.search(Query.where(Where.eq("parent.id", p))));
        time(times, PG_JDBC_SEARCH, searches, parents, p -> call(() -> pgJdbc.byParent(p)));
        time(
            times,
            PG_JDBC_SEARCH_PARENT,
            searches,
            parents,
            p -> call(() -> pgJdbc.byParentWithParent(p)));
        time(
            times,
            PG_JDBC_SEARCH_PARENT_TX,
            searches,
            parents,
            p ->
                call(
                    () -> {
                      Object found = pgJdbcTx.byParentWithParent(p);
                      pgTx.rollback();
                      return found;
                    }));
        time(
            times,
            SQLITE_SEARCH,
            searches,
            parents,
            p -> sqliteItems.search(Query.where(Where.eq("parent.id", p))));
        time(times, SQLITE_JDBC_SEARCH, searches, parents, p -> call(() -> sqliteJdbc.byParent(p)));
      }
      System.out.println("medians over " + rounds + " round(s); Store against plain JDBC:");
      ratio(times, PG_GET, PG_JDBC_GET);
      ratio(times, PG_GET, PG_JDBC_GET_PARENT);
      ratio(times, PG_GET, PG_JDBC_GET_PARENT_TX);
      ratio(times, SQLITE_GET, SQLITE_JDBC_GET);
      ratio(times, PG_SEARCH, PG_JDBC_SEARCH);
      ratio(times, PG_SEARCH, PG_JDBC_SEARCH_PARENT);
      ratio(times, PG_SEARCH, PG_JDBC_SEARCH_PARENT_TX);
      ratio(times, SQLITE_SEARCH, SQLITE_JDBC_SEARCH);
    }
  }

  private static final String PG_GET = "get      PostgreSQL Store.get";
  private static final String PG_JDBC_GET = "get      PostgreSQL pgjdbc";
  private static final String PG_JDBC_GET_PARENT = "get      PostgreSQL pgjdbc + parent";
  private static final String PG_JDBC_GET_PARENT_TX = "get      PostgreSQL pgjdbc + parent, tx";
  private static final String PG_JDBC_SEARCH_PARENT_TX = "search   PostgreSQL pgjdbc + parent, tx";
  private static final String SQLITE_GET = "get      SQLite     Store.get";
  private static final String SQLITE_JDBC_GET = "get      SQLite     sqlite-jdbc";
  private static final String PG_SEARCH = "search   PostgreSQL Store.search";
  private static final String PG_JDBC_SEARCH = "search   PostgreSQL pgjdbc";
  private static final String PG_JDBC_SEARCH_PARENT = "search   PostgreSQL pgjdbc + parent";
  private static final String SQLITE_SEARCH = "search   SQLite     Store.search";
  private static final String SQLITE_JDBC_SEARCH = "search   SQLite     sqlite-jdbc";

  /** Prints both medians and the median of the per-round ratios (rounds interleave the sides). */
  private static void ratio(Map<String, List<Double>> times, String store, String jdbc) {
    List<Double> a = times.get(store);
    List<Double> b = times.get(jdbc);
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      ratios.add(a.get(i) / b.get(i));
    }
    System.out.printf(
        Locale.ROOT,
        "  %-38s %9.1f µs/op%n  %-38s %9.1f µs/op  ratio %.2f (median of rounds' ratios)%n",
        store,
        median(a),
        jdbc,
        median(b),
        median(ratios));
  }

  private static String schema(DataSets onPg) {
    return onPg.store(Item.class).sql("select current_schema()", String.class).get(0);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int m = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
  }

  private interface Call {
    Object run() throws Exception;
  }

  private static void call(Call c) {
    try {
      if (c.run() == null) {
        throw new IllegalStateException("no row");
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The keys of a measurement: {@code ops / 4} to warm up, then {@code ops} (seed 42). */
  private static long[] keys(int ops, long keys) {
    Random random = new Random(42);
    long[] out = new long[ops / 4 + ops];
    for (int i = 0; i < out.length; i++) {
      out[i] = 1 + (long) (random.nextDouble() * keys);
    }
    return out;
  }

  /** Runs {@code op} untimed over the keys {@link #time} uses: its warm-up's and its own. */
  private static void run(int ops, long keys, LongConsumer op) {
    for (long k : keys(ops, keys)) {
      op.accept(k);
    }
  }

  /** Warms up with {@code ops / 4} calls, then records and prints the mean of {@code ops} calls. */
  private static void time(
      Map<String, List<Double>> times, String label, int ops, long keys, LongConsumer op) {
    long[] all = keys(ops, keys);
    int warm = ops / 4;
    for (int i = 0; i < warm; i++) {
      op.accept(all[i]);
    }
    long t0 = System.nanoTime();
    for (int i = warm; i < all.length; i++) {
      op.accept(all[i]);
    }
    double micros = (System.nanoTime() - t0) / 1e3 / ops;
    times.computeIfAbsent(label, k -> new ArrayList<>()).add(micros);
    System.out.printf(
        Locale.ROOT, "  %-38s %9.1f µs/op  (load %s)%n", label, micros, Machine.loadAverage());
  }

  /** Uses a result, so that the lookup cannot be left out. */
  private static int consume(Object row) {
    return row.hashCode();
  }
}
