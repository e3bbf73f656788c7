package dev.datajar.benchmarks.ops;

import dev.datajar.benchmarks.build.BuilderRun;
import dev.datajar.benchmarks.data.BenchPaths;
import dev.datajar.benchmarks.data.BenchSources;
import dev.datajar.benchmarks.data.Machine;
import dev.datajar.benchmarks.model.Item;
import dev.datajar.builder.BuildLog;
import dev.datajar.builder.BuildResult;
import dev.datajar.builder.PostgresTarget;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Store;
import dev.datajar.testing.postgres.TestPostgres;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What an open dataset costs the process: resident memory (VmRSS) and open file descriptors ({@code
 * /proc/self/fd}) before and after opening {@code N} datasets, after plain reads, after an HQL
 * query (which starts Hibernate), and after closing them; on PostgreSQL also the server's
 * connections to the database ({@code pg_stat_activity}). Each of the N is a {@link DataSets} of
 * its own over the same {@code bench} dataset: the cost of one more open dataset.
 *
 * <pre>
 * java -cp ... dev.datajar.benchmarks.ops.ResourcesPerDataSet --rows 100000 --n 8 [--postgres]
 * </pre>
 *
 * RSS is read after {@code System.gc()}; it includes the JVM's own growth (classes loaded, JIT), so
 * the figures per dataset come from the difference between N and the first one.
 */
public final class ResourcesPerDataSet {
  private ResourcesPerDataSet() {}

  public static void main(String[] args) throws Exception {
    long rows = 100_000;
    int n = 8;
    boolean postgres = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
        case "--n" -> n = Integer.parseInt(args[++i]);
        case "--postgres" -> postgres = true;
        default -> throw new IllegalArgumentException("valid: --rows N --n N --postgres");
      }
    }
    Path work = BenchPaths.dataDirectory().resolve("ops-resources");
    Files.createDirectories(work);
    BenchSources sources =
        new BenchSources(work.resolve("sources"), rows, BenchSources.DEFAULT_PARENTS)
            .ensureGenerated();
    BuilderRun builder = new BuilderRun(work);
    System.out.printf(
        Locale.ROOT,
        "datajar resources per open dataset: %,d items, %d datasets, %s%n%s%n",
        rows,
        n,
        postgres ? "PostgreSQL" : "SQLite",
        Machine.describe());
    if (postgres) {
      TestPostgres pg = TestPostgres.get();
      String url = pg.createDatabase("ops_resources");
      Path classpath = work.resolve("pg-classpath");
      builder.build(
          sources,
          classpath.resolve("META-INF/datasets"),
          BuildLog.SILENT,
          new PostgresTarget(url, pg.user(), pg.password(), "1.0"));
      ClassLoader manifests =
          new URLClassLoader(
              new URL[] {classpath.toUri().toURL()}, ResourcesPerDataSet.class.getClassLoader());
      try (Connection watcher = pg.connect(url)) {
        measure(
            n,
            rows,
            () ->
                DataSets.builder()
                    .classLoader(manifests)
                    .dataSets("bench")
                    .jdbc("bench", url + "?user=" + pg.user())
                    .open(),
            () -> connections(watcher));
      }
    } else {
      BuildResult.DataSetResult sqlite =
          builder.build(sources, work.resolve("sqlite-out"), BuildLog.SILENT);
      System.out.printf(
          Locale.ROOT, "file: %s, %,d bytes%n", sqlite.file(), Files.size(sqlite.file()));
      measure(
          n,
          rows,
          () -> DataSets.builder().dataSets("bench").path("bench", sqlite.file()).open(),
          () -> -1);
    }
  }

  interface Opener {
    DataSets open() throws Exception;
  }

  interface Counter {
    int count() throws Exception;
  }

  private static void measure(int n, long rows, Opener opener, Counter connections)
      throws Exception {
    line("start", 0, connections);
    List<DataSets> open = new ArrayList<>();
    open.add(opener.open());
    line("1 opened", 1, connections);
    for (int i = 1; i < n; i++) {
      open.add(opener.open());
    }
    if (n > 1) {
      line(n + " opened", n, connections);
    }
    Random random = new Random(7);
    for (DataSets d : open) {
      Store<Item> items = d.store(Item.class);
      for (int k = 0; k < 2_000; k++) {
        Item unused = items.get(1 + (long) random.nextInt((int) rows)).orElseThrow();
      }
      long counted = items.count();
      if (counted != rows) {
        throw new IllegalStateException(counted + " rows");
      }
      try (Stream<Item> s = items.stream()) {
        s.limit(10_000).forEach(i -> {});
      }
    }
    line(n + " after get/count/stream", n, connections);
    for (DataSets d : open) {
      List<Long> counted = d.store(Item.class).query("select count(i) from Item i", Long.class);
      if (counted.get(0) != rows) {
        throw new IllegalStateException(counted + " rows");
      }
    }
    line(n + " after an HQL query each", n, connections);
    for (DataSets d : open) {
      d.close();
    }
    open.clear();
    line("all closed", 0, connections);
  }

  private static void line(String what, int open, Counter connections) throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    int c = connections.count();
    System.out.printf(
        Locale.ROOT,
        "%-28s open=%2d  rss=%6.1f MiB (anon %6.1f, file %5.1f)  heap used=%5.1f MiB  fds=%4d%s%n",
        what,
        open,
        status("VmRSS:") / 1024.0,
        status("RssAnon:") / 1024.0,
        status("RssFile:") / 1024.0,
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0,
        fds(),
        c < 0 ? "" : "  server connections=" + c);
  }

  /** A line of /proc/self/status, in KiB. */
  private static long status(String field) throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith(field)) {
        return Long.parseLong(l.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static long fds() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
      return s.count();
    }
  }

  /** Connections to this database other than the watcher's own. */
  private static int connections(Connection watcher) throws Exception {
    try (Statement st = watcher.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select count(*) from pg_stat_activity where datname = current_database()"
                    + " and pid <> pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
