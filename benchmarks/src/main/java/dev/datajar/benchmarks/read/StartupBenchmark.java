package dev.datajar.benchmarks.read;

import dev.datajar.benchmarks.data.BenchPaths;
import dev.datajar.benchmarks.data.Machine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Start-up of a service on a dataset jar (issue 8's bar): JVM launch to the first result and peak
 * RSS, datajar against plain sqlite-jdbc on the same file, in fresh JVMs.
 *
 * <pre>
 * mvn -P bench -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.datajar.benchmarks.read.StartupBenchmark \
 *     [--runs 5] [--only iso|big|oui] [--cds] [--rows 1200000] [--iso-jar FILE] [--oui-jar FILE]
 * </pre>
 *
 * <p>Three groups. <b>iso</b>: the iso-codes dataset jar, warm cache: (a) {@code
 * Guice.createInjector(new DataSetModule())} then {@code Store<Country>.get("DE")}; (b) plain
 * sqlite-jdbc, one {@code select} on the same file; (c) the floor with Guice: an injector with one
 * eager singleton that opens that connection, then the same select; (d) the datajar injector, then
 * its first HQL {@code Store.query}; with {@code --cds}, (e) variant (a) with an AppCDS archive.
 * <b>big</b>: a ~100 MB dataset jar, {@code Store<Item>.get(1)} with a warm cache and with an empty
 * one (so the file is first copied out of the jar), plain JDBC, and the time to copy the file out
 * of the jar. <b>oui</b> ({@link OuiStartup}): the ieee-oui dataset jar, whose entities have an
 * {@code @IdClass} key: the first {@code get} by key and the example service's first lookup,
 * against plain JDBC and the Guice floor.
 *
 * <p>Every run is a fresh JVM under {@code /usr/bin/time -v} (wall time from launch to exit, the
 * child exiting right after its first result; peak RSS), with no JVM flags, on the class path a
 * service would have ({@link StartupClassPath}), the same for every variant of a group. One
 * unmeasured round first, then rounds of all variants in turn (a b c d, a b c d, …); medians, and
 * ratios to plain JDBC taken within each round. Nothing here asserts a time.
 *
 * <p>This class reads the options and writes the report's head; {@link IsoStartup} and {@link
 * BigStartup} measure the groups.
 */
public final class StartupBenchmark {
  /** The command line's options. */
  record Options(
      int runs,
      boolean iso,
      boolean big,
      boolean oui,
      boolean cds,
      long rows,
      Path isoJar,
      Path ouiJar) {}

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
    Path ouiJar = null;
    String usage =
        "options: --runs N (default 5), --only iso|big|oui, --cds, --rows N (default"
            + " 1200000, the big dataset), --iso-jar FILE, --oui-jar FILE";
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
        case "--oui-jar" -> ouiJar = Path.of(v);
        default -> throw new IllegalArgumentException("unknown option " + a + "; " + usage);
      }
    }
    if (runs < 1 || !List.of("all", "iso", "big", "oui").contains(only)) {
      throw new IllegalArgumentException("--runs must be ≥ 1 and --only iso, big or oui; " + usage);
    }
    boolean all = only.equals("all");
    return new Options(
        runs,
        all || only.equals("iso"),
        all || only.equals("big"),
        all || only.equals("oui"),
        cds,
        rows,
        isoJar,
        ouiJar);
  }

  private static int run(Options o) throws Exception {
    Path work = BenchPaths.dataDirectory().resolve("startup");
    // Everything that can be missing is checked before the first (long) run.
    GnuTime.requireInstalled(work.resolve("time-check.txt"));
    List<Path> libraries = StartupClassPath.serviceLibraries();
    Path isoJar = o.iso() ? StartupClassPath.isoCodesJar(o.isoJar()) : null;
    Path ouiJar = o.oui() ? StartupClassPath.ieeeOuiJar(o.ouiJar()) : null;
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
      failures += IsoStartup.measure(o, isoJar, probe, libraries, report);
    }
    if (o.oui()) {
      failures += OuiStartup.measure(o, ouiJar, probe, libraries, report);
    }
    if (o.big()) {
      failures += BigStartup.measure(o, probe, libraries, report);
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
}
