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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Start-up of a service on a dataset jar (issue 8's bar): JVM launch to the first result and peak
 * RSS, datajar against plain sqlite-jdbc on the same file, in fresh JVMs.
 *
 * <pre>
 * mvn -P bench -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.datajar.benchmarks.read.StartupBenchmark \
 *     [--runs 5] [--only iso|big] [--cds] [--rows 1200000] [--iso-jar FILE]
 * </pre>
 *
 * <p>Two groups. <b>iso</b>: the iso-codes dataset jar, warm cache: (a) {@code
 * Guice.createInjector(new DataSetModule())} then {@code Store<Country>.get("DE")}; (b) plain
 * sqlite-jdbc, one {@code select} on the same file; (c) the floor with Guice: an injector with one
 * eager singleton that opens that connection, then the same select; (d) the datajar injector, then
 * its first HQL {@code Store.query}; with {@code --cds}, (e) variant (a) with an AppCDS archive.
 * <b>big</b>: a ~100 MB dataset jar, {@code Store<Item>.get(1)} with a warm cache and with an empty
 * one (so the file is first copied out of the jar), plain JDBC, and the time to copy the file out
 * of the jar.
 *
 * <p>Every run is a fresh JVM under {@code /usr/bin/time -v} (wall time from launch to exit, the
 * child exiting right after its first result; peak RSS), with no JVM flags, on the class path a
 * service would have ({@link StartupClassPath}), the same for every variant of a group. One
 * unmeasured round first, then rounds of all variants in turn (a b c d, a b c d, …); medians, and
 * ratios to plain JDBC taken within each round. Nothing here asserts a time.
 */
public final class StartupBenchmark {
  private static final String ISO_ENTITY = "dev.datajar.datasets.isocodes.Country";
  private static final String ISO_SQL = "select * from country where alpha_2 = ?";
  private static final String ISO_HQL = "select c from Country c where c.alpha2 = ?1";
  private static final String BIG_SQL = "select * from item where id = ?";
  private static final String CACHE_VARIABLE = "DATAJAR_CACHE_DIR";

  private record Options(int runs, boolean iso, boolean big, boolean cds, long rows, Path isoJar) {}

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    int failures;
    try {
      failures = run(options);
    } catch (IllegalStateException e) {
      System.err.println("start-up benchmark: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(failures == 0 ? 0 : 1);
  }

  private static Options parse(String[] args) {
    int runs = 5;
    String only = "all";
    boolean cds = false;
    long rows = 1_200_000;
    Path isoJar = null;
    String usage =
        "options: --runs N (default 5), --only iso|big, --cds, --rows N (default"
            + " 1200000, the big dataset), --iso-jar FILE";
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--cds")) {
        cds = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("unknown option or missing value: " + a + "; " + usage);
      }
      String v = args[++i];
      switch (a) {
        case "--runs" -> runs = Integer.parseInt(v);
        case "--only" -> only = v;
        case "--rows" -> rows = Long.parseLong(v.replace("_", ""));
        case "--iso-jar" -> isoJar = Path.of(v);
        default -> throw new IllegalArgumentException("unknown option " + a + "; " + usage);
      }
    }
    if (runs < 1 || !List.of("all", "iso", "big").contains(only)) {
      throw new IllegalArgumentException("--runs must be ≥ 1 and --only iso or big; " + usage);
    }
    return new Options(runs, !only.equals("big"), !only.equals("iso"), cds, rows, isoJar);
  }

  private static int run(Options o) throws Exception {
    Path work = BenchPaths.dataDirectory().resolve("startup");
    // Everything that can be missing is checked before the first (long) run.
    GnuTime.requireInstalled(work.resolve("time-check.txt"));
    List<Path> libraries = StartupClassPath.serviceLibraries();
    Path isoJar = o.iso() ? StartupClassPath.isoCodesJar(o.isoJar()) : null;
    BenchPaths.deleteTree(work.resolve("logs"));
    Path probe = StartupClassPath.writeProbeJar(work);

    StringBuilder report = new StringBuilder();
    report.append("machine: ").append(Machine.details()).append('\n');
    report
        .append("java: ")
        .append(ChildJvm.javaBinary())
        .append(", no JVM flags")
        .append(o.cds() ? " (except the AppCDS variant)" : "")
        .append('\n');
    report
        .append("class path of every child: probe.jar, the dataset jar, ")
        .append(libraries.size())
        .append(" jars of the runtime and its dependencies (")
        .append(StartupClassPath.buildOutput().resolve("lib"))
        .append(")\n");
    report.append(
        String.format(
            Locale.ROOT,
            "runs: %d per variant after one warm-up round%s%n",
            o.runs(),
            o.runs() < 5 ? " (fewer than the bar's 5: not a result to quote)" : ""));
    report.append("load average (1 min) before: ").append(Machine.loadAverage()).append('\n');
    System.out.print(report);
    if (System.getenv().keySet().stream().anyMatch(ChildJvm.JVM_OPTION_VARIABLES::contains)) {
      System.out.println(
          "note: "
              + ChildJvm.JVM_OPTION_VARIABLES
              + " are removed from the"
              + " children's environment");
    }

    int failures = 0;
    if (o.iso()) {
      failures += iso(o, isoJar, probe, libraries, report);
    }
    if (o.big()) {
      failures += big(o, probe, libraries, report);
    }
    report.append("\nload average (1 min) after: ").append(Machine.loadAverage()).append('\n');
    if (failures > 0) {
      report
          .append(failures)
          .append(" runs failed: see above; their logs are in ")
          .append(work.resolve("logs"))
          .append('\n');
    }
    Path file = work.resolve("startup-report.md");
    Files.writeString(file, report);
    System.out.println("\n" + "=".repeat(72) + "\n" + report + "\n(also written to " + file + ")");
    return failures;
  }

  /** Group iso: the iso-codes jar with a warm cache; returns the number of failed runs. */
  private static int iso(
      Options o, Path jar, Path probe, List<Path> libraries, StringBuilder report)
      throws Exception {
    String loadBefore = Machine.loadAverage();
    Path work = BenchPaths.dataDirectory().resolve("startup").resolve("iso");
    Path cache = work.resolve("cache");
    BenchPaths.deleteTree(cache);
    Path file =
        extract(jar, "META-INF/datasets/iso-codes.sqlite", work.resolve("iso-codes.sqlite"));
    List<Path> classPath = new ArrayList<>(List.of(probe, jar));
    classPath.addAll(libraries);
    StartupRunner runner = new StartupRunner(classPath, work);
    Map<String, String> env = environment(cache);

    System.out.printf(
        Locale.ROOT,
        "%n== iso: %s (%.1f MB), file %.1f MB, warm cache %s%n",
        jar.getFileName(),
        BenchPaths.megabytes(jar),
        BenchPaths.megabytes(file),
        cache);
    // Fill the warm cache, and learn the answer every variant must give.
    StartupRunner.Measured fill =
        runner.launch("fill-cache", List.of(), env, List.of("datajar-get", ISO_ENTITY, "DE"));
    StartupRunner.print("datajar get (fills cache)", fill, StartupRunner.problem(fill, null));
    List<String> cached = StartupRunner.sqliteFiles(cache);
    StartupRunner.Measured jdbc =
        runner.launch("expected", List.of(), env, List.of("jdbc", file.toString(), ISO_SQL, "DE"));
    String expected = jdbc.result("value");
    if (StartupRunner.problem(jdbc, null) != null || expected == null) {
      throw new IllegalStateException(
          "plain JDBC on " + file + " failed: " + StartupRunner.problem(jdbc, null));
    }

    String get = "datajar get";
    String plain = "plain JDBC";
    String floor = "Guice + JDBC floor";
    String hql = "datajar first HQL query";
    String cds = "datajar get, AppCDS";
    List<StartupRunner.Variant> variants =
        new ArrayList<>(
            List.of(
                warm(get, env, cache, cached, "datajar-get", ISO_ENTITY, "DE"),
                new StartupRunner.Variant(plain, env, "jdbc", file.toString(), ISO_SQL, "DE"),
                new StartupRunner.Variant(floor, env, "guice-jdbc", file.toString(), ISO_SQL, "DE"),
                warm(hql, env, cache, cached, "datajar-hql", ISO_ENTITY, ISO_HQL, "DE")));
    String cdsNote = null;
    if (o.cds()) {
      Path archive = work.resolve("cds").resolve("iso-codes.jsa");
      cdsNote = dumpArchive(runner, archive, env);
      if (cdsNote == null) {
        StartupRunner.Variant a = warm(cds, env, cache, cached, "datajar-get", ISO_ENTITY, "DE");
        variants.add(
            new StartupRunner.Variant(
                cds,
                List.of("-XX:SharedArchiveFile=" + archive),
                a.environment(),
                a.args(),
                a.before(),
                a.check()));
      }
    }
    StartupTable table = runner.rounds(variants, plain, floor, o.runs(), expected, () -> {});

    report.append("\n### iso-codes dataset jar, warm cache\n\n");
    report.append(
        String.format(
            Locale.ROOT,
            "%s (%.1f MB jar, %.1f MB SQLite file); every"
                + " variant found '%s'. Load average (1 min) before → after the group: %s → %s%n%n",
            jar.getFileName(),
            BenchPaths.megabytes(jar),
            BenchPaths.megabytes(file),
            expected,
            loadBefore,
            Machine.loadAverage()));
    report.append(table.markdown());
    report
        .append("\n- ")
        .append(get)
        .append(
            ": `Guice.createInjector(new DataSetModule())`,"
                + " then `Store<Country>.get(\"DE\")`\n");
    report
        .append("- ")
        .append(plain)
        .append(": `DriverManager.getConnection(\"jdbc:sqlite:" + "<file>\")`, `")
        .append(ISO_SQL)
        .append("`\n");
    report
        .append("- ")
        .append(floor)
        .append(
            ": an injector with one eager singleton that opens"
                + " that connection, then the same select\n");
    report
        .append("- ")
        .append(hql)
        .append(": the datajar injector, then `Store<Country>.query(\"")
        .append(ISO_HQL)
        .append("\", Country.class, \"DE\")` (the time to that result)\n");
    if (o.cds()) {
      report
          .append("- ")
          .append(cds)
          .append(
              cdsNote == null
                  ? ": as datajar get, with `-XX:SharedArchiveFile` (an archive written once by"
                      + " `-XX:ArchiveClassesAtExit` from a run of the same variant)\n"
                  : ": not measured: " + cdsNote + "\n");
    }
    return table.failures();
  }

  /**
   * Writes the AppCDS archive from one run of the datajar variant, then checks that a JVM maps it
   * ({@code -Xshare:on} fails otherwise). Returns why it cannot be used, or {@code null}.
   */
  private static String dumpArchive(StartupRunner runner, Path archive, Map<String, String> env)
      throws IOException {
    Files.createDirectories(archive.getParent());
    Files.deleteIfExists(archive);
    List<String> args = List.of("datajar-get", ISO_ENTITY, "DE");
    StartupRunner.Measured dump =
        runner.launch("cds-dump", List.of("-XX:ArchiveClassesAtExit=" + archive), env, args);
    String problem = StartupRunner.problem(dump, null);
    if (problem == null && !Files.isRegularFile(archive)) {
      problem = "the JVM wrote no archive" + StartupRunner.tail(dump.log());
    }
    if (problem == null) {
      StartupRunner.Measured check =
          runner.launch(
              "cds-check", List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive), env, args);
      problem = StartupRunner.problem(check, null);
    }
    System.out.printf(
        Locale.ROOT,
        "AppCDS archive %s: %s%n",
        archive,
        problem == null
            ? String.format(Locale.ROOT, "%.1f MB, maps", BenchPaths.megabytes(archive))
            : problem);
    return problem;
  }

  /** Group big: a ~100 MB dataset jar, warm and cold; returns the number of failed runs. */
  private static int big(Options o, Path probe, List<Path> libraries, StringBuilder report)
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
    Map<String, String> warmEnv = environment(warmCache);
    Map<String, String> coldEnv = environment(coldCache);
    String entity = Item.class.getName();

    System.out.printf(
        Locale.ROOT,
        "%n== big: %s (%.1f MB), file %.1f MB%n",
        jar,
        BenchPaths.megabytes(jar),
        BenchPaths.megabytes(file));
    StartupRunner.Measured fill =
        runner.launch("fill-cache", List.of(), warmEnv, List.of("datajar-get", entity, "long:1"));
    StartupRunner.print("datajar get (fills cache)", fill, StartupRunner.problem(fill, null));
    List<String> cached = StartupRunner.sqliteFiles(warmCache);
    StartupRunner.Measured jdbc =
        runner.launch(
            "expected", List.of(), warmEnv, List.of("jdbc", file.toString(), BIG_SQL, "long:1"));
    String expected = jdbc.result("value");
    if (StartupRunner.problem(jdbc, null) != null || expected == null) {
      throw new IllegalStateException(
          "plain JDBC on " + file + " failed: " + StartupRunner.problem(jdbc, null));
    }

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
                      + CACHE_VARIABLE
                      + "="
                      + coldCache
                      + ": the runtime did not use that cache directory, so this was no cold start";
            });
    List<StartupRunner.Variant> variants =
        List.of(
            warm(warm, warmEnv, warmCache, cached, "datajar-get", entity, "long:1"),
            coldVariant,
            new StartupRunner.Variant(plain, warmEnv, "jdbc", file.toString(), BIG_SQL, "long:1"));
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
        .append(CACHE_VARIABLE)
        .append(") filled / emptied before each run\n");
    report
        .append("- plain JDBC: `DriverManager.getConnection(\"jdbc:sqlite:<file>\")`, `")
        .append(BIG_SQL)
        .append("`\n");
    return table.failures() + (o.runs() - copies.size());
  }

  private static String holds(double measured, double limit) {
    return Double.isNaN(measured + limit) ? "n/a" : measured <= limit ? "holds" : "does not hold";
  }

  /**
   * A datajar variant on a warm cache: fails a run that changed what the cache held after the
   * warm-up (the runtime copied again, or used another directory).
   */
  private static StartupRunner.Variant warm(
      String label,
      Map<String, String> env,
      Path cache,
      List<String> cachedAfterWarmUp,
      String... args) {
    return new StartupRunner.Variant(
        label,
        List.of(),
        env,
        List.of(args),
        () -> {},
        () -> {
          List<String> now = StartupRunner.sqliteFiles(cache);
          if (now.isEmpty()) {
            return "no *.sqlite in "
                + CACHE_VARIABLE
                + "="
                + cache
                + ": the runtime did not use"
                + " that cache directory, so this was no warm start";
          }
          return now.equals(cachedAfterWarmUp)
              ? null
              : "the cache changed during a warm run (" + cachedAfterWarmUp + " → " + now + ")";
        });
  }

  /** The children's environment: the cache directory, and no other datajar setting. */
  private static Map<String, String> environment(Path cache) {
    Map<String, String> env = new HashMap<>();
    for (String name : System.getenv().keySet()) {
      if (name.startsWith("DATAJAR_")) {
        env.put(name, null);
      }
    }
    env.put(CACHE_VARIABLE, cache.toString());
    return env;
  }

  /** The dataset file, copied out of its jar once for the plain JDBC variants. */
  private static Path extract(Path jar, String entry, Path target) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      ZipEntry e = file.getEntry(entry);
      if (e == null) {
        throw new IllegalStateException(
            jar
                + " has no "
                + entry
                + ": is it the iso-codes"
                + " dataset jar? Build it with: "
                + StartupClassPath.BUILD_COMMAND);
      }
      if (Files.isRegularFile(target)
          && Files.size(target) == e.getSize()
          && Files.getLastModifiedTime(target).toMillis()
              >= Files.getLastModifiedTime(jar).toMillis()) {
        return target;
      }
      Files.createDirectories(target.getParent());
      try (InputStream in = file.getInputStream(e)) {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return target;
  }
}
