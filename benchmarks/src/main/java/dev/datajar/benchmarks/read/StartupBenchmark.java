package dev.datajar.benchmarks.read;

import dev.datajar.benchmarks.build.BuilderRun;
import dev.datajar.benchmarks.data.BenchPaths;
import dev.datajar.benchmarks.data.BenchSources;
import dev.datajar.benchmarks.data.Machine;
import dev.datajar.builder.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Start-up of a service on a ~100 MB dataset jar: injector creation to the first
 * {@code Store.get} result, in fresh JVMs, cold (empty cache directory, so the file is first
 * copied out of the jar) and warm (cache hit). Plain JDBC on the file already on disk is run
 * too, as the floor. Runs are interleaved; medians are printed.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.datajar.benchmarks.read.StartupBenchmark \
 *     [--rows 1200000] [--runs 5]
 * </pre>
 *
 * <p>The operating system's page cache is not dropped between runs (that needs root), so
 * "cold" means a cold datajar cache directory, not a cold disk.
 */
public final class StartupBenchmark {
  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = 1_200_000;
    int runs = 5;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--rows" -> rows = Long.parseLong(args[i + 1].replace("_", ""));
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; valid: --rows N, --runs N");
      }
    }
    Path work = BenchPaths.dataDirectory().resolve("startup-" + rows);
    Path out = work.resolve("out");
    Path jar = work.resolve("bench-dataset.jar");
    if (!Files.exists(jar)) {
      BenchSources sources = new BenchSources(work.resolve("sources"), rows,
          BenchSources.DEFAULT_PARENTS).ensureGenerated();
      new BuilderRun(work).build(sources, out, BuildLog.SILENT);
      DataSetJar.write(out, jar);
    }
    Path sqlite = out.resolve("bench.sqlite");
    System.out.printf(Locale.ROOT, "dataset jar %s: %.1f MB (sqlite file %.1f MB)%n%s%n", jar,
        BenchPaths.megabytes(jar), BenchPaths.megabytes(sqlite), Machine.describe());

    Path warmCache = work.resolve("cache-warm");
    BenchPaths.deleteTree(warmCache);
    run("store", warmCache, jar); // fills the warm cache; not counted
    List<double[]> cold = new ArrayList<>();
    List<double[]> warm = new ArrayList<>();
    List<double[]> jdbc = new ArrayList<>();
    for (int round = 0; round < runs; round++) {
      Path coldCache = work.resolve("cache-cold");
      BenchPaths.deleteTree(coldCache);
      cold.add(run("store", coldCache, jar));
      warm.add(run("store", warmCache, jar));
      jdbc.add(run("jdbc", sqlite, null));
    }
    System.out.println();
    System.out.println("| start-up | runs | injector → first result, ms (median) | JVM start → first"
        + " result, ms (median) | process wall, ms (median) |");
    System.out.println("|---|---|---|---|---|");
    line("cold (copy out of the jar)", cold);
    line("warm (cache hit)", warm);
    line("plain JDBC, file on disk", jdbc);
  }

  /** {firstResultMs, jvmUptimeMs, wallMs}, or NaNs if the child failed. */
  private static double[] run(String variant, Path path, Path jar) {
    ChildJvm.Outcome o = ChildJvm.run(List.of(), jar == null ? List.of() : List.of(jar),
        StartupProbe.class, variant, path.toString());
    if (o.exitCode() != 0 || o.result("firstResultMs") == null) {
      System.out.println(variant + ": child failed with exit code " + o.exitCode());
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    double[] r = {Double.parseDouble(o.result("firstResultMs")),
        Double.parseDouble(o.result("jvmUptimeMs")), o.wallNanos() / 1e6};
    System.out.printf(Locale.ROOT, "  %-5s %s: first result %.0f ms after injector start,"
        + " %.0f ms after JVM start, wall %.0f ms, load %s%n", variant, path.getFileName(), r[0],
        r[1], r[2], Machine.loadAverage());
    return r;
  }

  private static void line(String label, List<double[]> runs) {
    System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f |%n", label, runs.size(),
        median(runs, 0), median(runs, 1), median(runs, 2));
  }

  private static double median(List<double[]> runs, int column) {
    double[] v = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
    int n = v.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
