package dev.datajar.benchmarks.read;

import dev.datajar.benchmarks.build.BuilderRun;
import dev.datajar.benchmarks.data.BenchPaths;
import dev.datajar.benchmarks.data.BenchSources;
import dev.datajar.benchmarks.data.CodeStamp;
import dev.datajar.benchmarks.data.Machine;
import dev.datajar.benchmarks.model.BenchData;
import dev.datajar.benchmarks.model.Item;
import dev.datajar.benchmarks.model.Parent;
import dev.datajar.builder.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The start-up benchmark's group big: a ~100 MB dataset jar, {@code Store<Item>.get(1)} with a warm
 * cache and an empty one (the file first copied out of the jar), plain JDBC, and the copy alone.
 */
final class BigStartup {
  private static final String SQL = "select * from item where id = ?";

  private BigStartup() {}

  /** Group big: a ~100 MB dataset jar, warm and cold; returns the number of failed runs. */
  static int measure(
      StartupBenchmark.Options o, Path probe, List<Path> libraries, StringBuilder report)
      throws Exception {
    String loadBefore = Machine.loadAverage();
    Path work = BenchPaths.dataDirectory().resolve("startup-" + o.rows());
    Path out = work.resolve("out");
    Path file = out.resolve("bench.sqlite");
    Path jar = work.resolve("dataset-bench.jar");
    if (!Files.exists(file) || !CodeStamp.matches(work)) {
      // Missing, or built by other datajar code than this (before a change of the builder or
      // the runtime): the "after" run must measure a file the current builder writes.
      System.out.printf(
          Locale.ROOT,
          "building the %,d-row dataset into %s with the current" + " datajar code%n",
          o.rows(),
          out);
      BenchSources sources =
          new BenchSources(work.resolve("sources"), o.rows(), BenchSources.DEFAULT_PARENTS)
              .ensureGenerated();
      new BuilderRun(work).build(sources, out, BuildLog.SILENT);
      Files.deleteIfExists(jar);
      CodeStamp.write(work);
    }
    if (!Files.exists(jar)) {
      // A dataset jar as Maven would package it: the entities and the dataset files.
      DataSetJar.write(out, jar, List.of(BenchData.class, Parent.class, Item.class));
    }
    Path warmCache = work.resolve("cache-warm");
    Path coldCache = work.resolve("cache-cold");
    BenchPaths.deleteTree(warmCache);
    BenchPaths.deleteTree(coldCache);
    List<Path> classPath = new ArrayList<>(List.of(probe, jar));
    classPath.addAll(libraries);
    StartupRunner runner = new StartupRunner(classPath, work);
    Map<String, String> warmEnv = DataSetCache.environment(warmCache);
    Map<String, String> coldEnv = DataSetCache.environment(coldCache);
    String entity = Item.class.getName();

    System.out.printf(
        Locale.ROOT,
        "%n== big: %s (%.1f MB), file %.1f MB%n",
        jar,
        BenchPaths.megabytes(jar),
        BenchPaths.megabytes(file));
    List<String> cached = runner.fillCache(warmEnv, warmCache, entity, "long:1");
    String expected = runner.expected(warmEnv, file, SQL, "long:1");

    String warm = "datajar get, warm cache";
    String cold = "datajar get, cold cache";
    String plain = "plain JDBC";
    StartupRunner.Variant coldVariant =
        new StartupRunner.Variant(
            cold,
            List.of(),
            coldEnv,
            List.of("datajar-get", entity, "long:1"),
            () -> BenchPaths.deleteTree(coldCache),
            () -> {
              boolean copied = !StartupRunner.sqliteFiles(coldCache).isEmpty();
              // Dropped at once, so that writing it back to disk does not overlap the next run.
              BenchPaths.deleteTree(coldCache);
              return copied
                  ? null
                  : "left no *.sqlite in "
                      + DataSetCache.VARIABLE
                      + "="
                      + coldCache
                      + ": the runtime did not use that cache directory, so this was no cold start";
            });
    List<StartupRunner.Variant> variants =
        List.of(
            DataSetCache.warm(warm, warmEnv, warmCache, cached, "datajar-get", entity, "long:1"),
            coldVariant,
            new StartupRunner.Variant(plain, warmEnv, "jdbc", file.toString(), SQL, "long:1"));
    List<double[]> copies = new ArrayList<>();
    Path scratch = work.resolve("copy.tmp");
    StartupTable table =
        runner.rounds(
            variants,
            plain,
            null,
            o.runs(),
            expected,
            () -> {
              StartupRunner.Measured m =
                  runner.launch(
                      "copy",
                      List.of(),
                      warmEnv,
                      List.of(
                          "copy",
                          jar.toString(),
                          "META-INF/datasets/bench.sqlite",
                          scratch.toString()));
              String problem = StartupRunner.problem(m, "copied");
              if (problem == null) {
                copies.add(
                    new double[] {
                      Double.parseDouble(m.result("copyMs")),
                      Double.parseDouble(m.result("sha256Ms"))
                    });
                System.out.printf(
                    Locale.ROOT,
                    "  %-28s %s ms, then sha256 of the copy %s ms%n",
                    "copy out of the jar",
                    m.result("copyMs"),
                    m.result("sha256Ms"));
              } else {
                System.out.println("  copy out of the jar FAILED: " + problem);
              }
            });

    double copy = StartupTable.median(copies.stream().mapToDouble(c -> c[0]).toArray());
    double sha = StartupTable.median(copies.stream().mapToDouble(c -> c[1]).toArray());
    double warmMs = table.median(warm, StartupTable.Run::wallMs);
    double coldMs = table.median(cold, StartupTable.Run::wallMs);
    double coldMinusWarm = table.pairedMedian(cold, warm, (c, w) -> c.wallMs() - w.wallMs());
    report.append(
        String.format(
            Locale.ROOT,
            "%n### Big dataset jar (%,d rows)%n%n"
                + "%s: %.1f MB jar (deflated), %.1f MB SQLite file; every variant found item 1 ('%s')."
                + " Load average (1 min) before → after the group: %s → %s%n%n",
            o.rows(),
            jar.getFileName(),
            BenchPaths.megabytes(jar),
            BenchPaths.megabytes(file),
            expected,
            loadBefore,
            Machine.loadAverage()));
    report.append(table.markdown());
    report.append(
        String.format(
            Locale.ROOT,
            "%n- copying the file out of the jar (in a fresh"
                + " JVM, the copy alone, median of %d): **%.0f ms**; sha256 of the copy: %.0f ms%n"
                + "- cold − warm, per round (median): %.0f ms%n"
                + "- cold ≤ warm + copy: %.0f ms vs %.0f + %.0f = %.0f ms: **%s**%n"
                + "- cold ≤ warm + copy + sha256 of the copy (a copy verified as it is made): %.0f ms vs"
                + " %.0f ms: %s%n",
            copies.size(),
            copy,
            sha,
            coldMinusWarm,
            coldMs,
            warmMs,
            copy,
            warmMs + copy,
            holds(coldMs, warmMs + copy),
            coldMs,
            warmMs + copy + sha,
            holds(coldMs, warmMs + copy + sha)));
    report
        .append(
            "- warm / cold: `Guice.createInjector(new DataSetModule())`, then"
                + " `Store<Item>.get(1L)`, with the cache directory (")
        .append(DataSetCache.VARIABLE)
        .append(") filled / emptied before each run\n");
    report
        .append("- plain JDBC: `DriverManager.getConnection(\"jdbc:sqlite:<file>\")`, `")
        .append(SQL)
        .append("`\n");
    return table.failures() + (o.runs() - copies.size());
  }

  private static String holds(double measured, double limit) {
    return Double.isNaN(measured + limit) ? "n/a" : measured <= limit ? "holds" : "does not hold";
  }
}
