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
import java.util.Locale;
import java.util.Random;
import java.util.function.LongConsumer;

/**
 * {@code Store.get(id)} and the ~100-row {@code search} on the indexed foreign key, on PostgreSQL
 * (the {@code bench} dataset built into it by the builder) against plain pgjdbc prepared statements
 * on the same server, with the same operations on SQLite (datajar and plain sqlite-jdbc) beside
 * them. A plain timing loop, not JMH: warm-up, then the mean over {@code --ops} calls with random
 * keys (fixed seed), rounds interleaved. No timing is asserted.
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
        JdbcReader sqliteJdbc = new JdbcReader(sqlite.file())) {
      Store<Item> pgItems = onPg.store(Item.class);
      Store<Item> sqliteItems = onSqlite.store(Item.class);
      long n = rows;
      int parents = BenchSources.DEFAULT_PARENTS;
      for (int round = 1; round <= rounds; round++) {
        System.out.println("round " + round);
        time(
            "  get      PostgreSQL Store.get      ",
            ops,
            n,
            id -> consume(pgItems.get(id).orElseThrow()));
        time("  get      PostgreSQL pgjdbc         ", ops, n, id -> call(() -> pgJdbc.get(id)));
        time(
            "  get      SQLite     Store.get      ",
            ops,
            n,
            id -> consume(sqliteItems.get(id).orElseThrow()));
        time("  get      SQLite     sqlite-jdbc    ", ops, n, id -> call(() -> sqliteJdbc.get(id)));
        int searches = Math.max(ops / 20, 200);
        time(
            "  search   PostgreSQL Store.search   ",
            searches,
            parents,
            p -> pgItems.search(Query.where(Where.eq("parent.id", p))));
        time(
            "  search   PostgreSQL pgjdbc         ",
            searches,
            parents,
            p -> call(() -> pgJdbc.byParent(p)));
        time(
            "  search   SQLite     Store.search   ",
            searches,
            parents,
            p -> sqliteItems.search(Query.where(Where.eq("parent.id", p))));
        time(
            "  search   SQLite     sqlite-jdbc    ",
            searches,
            parents,
            p -> call(() -> sqliteJdbc.byParent(p)));
      }
    }
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

  /** Warms up with {@code ops / 4} calls, then prints the mean of {@code ops} calls in µs. */
  private static void time(String label, int ops, long keys, LongConsumer op) {
    Random random = new Random(42);
    for (int i = 0; i < ops / 4; i++) {
      op.accept(1 + (long) (random.nextDouble() * keys));
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < ops; i++) {
      op.accept(1 + (long) (random.nextDouble() * keys));
    }
    double micros = (System.nanoTime() - t0) / 1e3 / ops;
    System.out.printf(
        Locale.ROOT, "%s %9.1f µs/op  (load %s)%n", label, micros, Machine.loadAverage());
  }

  /** Uses a result, so that the lookup cannot be left out. */
  private static int consume(Object row) {
    return row.hashCode();
  }
}
