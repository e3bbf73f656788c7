package dev.datajar.benchmarks.build;

import dev.datajar.benchmarks.data.BenchPaths;
import dev.datajar.benchmarks.data.BenchSources;
import dev.datajar.benchmarks.data.Machine;
import dev.datajar.builder.BuildLog;
import dev.datajar.builder.BuildResult;
import dev.datajar.builder.PostgresTarget;
import dev.datajar.testing.postgres.TestPostgres;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The PostgreSQL build benchmark: the {@code bench} dataset built into PostgreSQL by the datajar
 * builder, against a plain pgjdbc {@code COPY ... (format csv)} of the same CSV files into the same
 * tables (primary keys, the parent index and the foreign key, then {@code ANALYZE}, in one
 * transaction) on the same server, rounds interleaved after one warm-up round of each that is not
 * counted. Prints rows/s medians and the ratio; no timing is asserted anywhere.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.datajar.benchmarks.build.PostgresBuildBenchmark \
 *     [--rows 1000000] [--runs 5] [--work DIR] [--verbose]  # -Ddatajar.test.jdbc=URL: that server
 * </pre>
 *
 * <p>Without {@code -Ddatajar.test.jdbc} a private server is started for the run (the test server:
 * loopback, {@code fsync=off}), the same for both sides. {@code --verbose} prints the builder's
 * steps with their times.
 */
public final class PostgresBuildBenchmark {
  private PostgresBuildBenchmark() {}

  public static void main(String[] args) throws Exception {
    BuildOptions options = BuildOptions.parse(args);
    Path work =
        options.work() != null ? options.work() : BenchPaths.dataDirectory().resolve("build");
    Files.createDirectories(work);
    TestPostgres pg = TestPostgres.get();
    String url = pg.createDatabase("bench_build");
    System.out.printf(
        Locale.ROOT,
        "datajar PostgreSQL build benchmark: %,d rows + %,d parents," + " %d run(s), %s%n%s%n",
        options.rows(),
        options.parents(),
        options.runs(),
        url,
        Machine.describe());
    BenchSources sources =
        new BenchSources(work.resolve("sources"), options.rows(), options.parents())
            .ensureGenerated();
    BuilderRun builder = new BuilderRun(work);
    PostgresTarget target = new PostgresTarget(url, pg.user(), pg.password(), "1.0");
    List<RunResult> copies = new ArrayList<>();
    List<RunResult> builds = new ArrayList<>();
    // Round 0 warms both sides up (class loading, JIT: the first Hibernate boot alone takes
    // seconds) and is printed but not counted.
    for (int round = 0; round <= options.runs(); round++) {
      for (int slot = 0; slot < 2; slot++) {
        boolean copyNow = (slot == 0) == (round % 2 == 0);
        long t0 = System.nanoTime();
        RunResult r;
        if (copyNow) {
          long rows = copy(pg, url, sources);
          r =
              new RunResult(
                  "pgjdbc COPY",
                  round,
                  rows,
                  System.nanoTime() - t0,
                  0,
                  0,
                  0,
                  Machine.loadAverage());
          if (round > 0) {
            copies.add(r);
          }
          drop(pg, url, "plain_copy");
        } else {
          BuildResult.DataSetResult d =
              builder.build(
                  sources,
                  work.resolve("builder-out"),
                  options.verbose() ? new TimedLog() : BuildLog.SILENT,
                  target);
          r =
              new RunResult(
                  "builder",
                  round,
                  d.rows(),
                  System.nanoTime() - t0,
                  0,
                  0,
                  0,
                  Machine.loadAverage());
          if (round > 0) {
            builds.add(r);
          }
          drop(pg, url, d.postgresSchema());
        }
        System.out.printf(
            Locale.ROOT,
            "  round %s %-11s %,d rows in %6.2f s = %,9.0f rows/s," + " load %s%n",
            round == 0 ? "0 (warm-up, not counted)" : String.valueOf(round),
            r.variant(),
            r.rows(),
            r.nanos() / 1e9,
            r.rowsPerSecond(),
            r.load());
      }
    }
    double copyRate = Report.median(copies, RunResult::rowsPerSecond);
    double buildRate = Report.median(builds, RunResult::rowsPerSecond);
    // The load of a shared machine swings between rounds; a round's two sides run back to back,
    // so the ratio within each round is the steadier figure.
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < builds.size(); i++) {
      ratios.add(builds.get(i).rowsPerSecond() / copies.get(i).rowsPerSecond());
    }
    Collections.sort(ratios);
    int m = ratios.size() / 2;
    double ratio = ratios.size() % 2 == 1 ? ratios.get(m) : (ratios.get(m - 1) + ratios.get(m)) / 2;
    System.out.printf(
        Locale.ROOT,
        "median rows/s: builder %,.0f, pgjdbc COPY %,.0f; ratio %.2f (median of the rounds'"
            + " ratios %s)%n",
        buildRate,
        copyRate,
        ratio,
        ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList());
  }

  /** The plain load: tables, two COPYs of the CSV files, index, foreign key, ANALYZE. */
  static long copy(TestPostgres pg, String url, BenchSources sources) throws Exception {
    try (Connection c = pg.connect(url)) {
      c.setAutoCommit(false);
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      long rows;
      try (Statement s = c.createStatement()) {
        s.execute("create schema plain_copy");
        s.execute(
            "create table plain_copy.parent (id bigint primary key,"
                + " name varchar(255) not null)");
        s.execute(
            "create table plain_copy.item (id bigint primary key, name varchar(255)"
                + " not null, note varchar(255), score float(53) not null, parent_id bigint"
                + " not null)");
        try (Reader in = Files.newBufferedReader(sources.parentCsv(), StandardCharsets.UTF_8)) {
          rows = copy.copyIn("copy plain_copy.parent from stdin (format csv, header true)", in);
        }
        try (Reader in = Files.newBufferedReader(sources.itemCsv(), StandardCharsets.UTF_8)) {
          rows += copy.copyIn("copy plain_copy.item from stdin (format csv, header true)", in);
        }
        s.execute("create index item_parent_id on plain_copy.item (parent_id)");
        s.execute(
            "alter table plain_copy.item add foreign key (parent_id)"
                + " references plain_copy.parent (id)");
        s.execute("analyze plain_copy.parent");
        s.execute("analyze plain_copy.item");
      }
      c.commit();
      return rows;
    }
  }

  static void drop(TestPostgres pg, String url, String schema) throws SQLException {
    try (Connection c = pg.connect(url);
        Statement s = c.createStatement()) {
      s.execute("drop schema \"" + schema + "\" cascade");
      s.execute("delete from datajar.datasets where schema_name = '" + schema + "'");
    } catch (SQLException e) {
      if (!"3F000".equals(e.getSQLState()) && !"42P01".equals(e.getSQLState())) {
        throw e;
      }
    }
  }
}
