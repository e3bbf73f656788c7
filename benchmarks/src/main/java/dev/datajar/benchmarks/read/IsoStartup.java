package dev.datajar.benchmarks.read;

import dev.datajar.benchmarks.data.BenchPaths;
import dev.datajar.benchmarks.data.Machine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The start-up benchmark's group iso: the iso-codes dataset jar with a warm cache, datajar against
 * plain JDBC, the Guice floor, the first HQL query and (with {@code --cds}) an AppCDS archive.
 */
final class IsoStartup {
  private static final String ENTITY = "dev.datajar.datasets.isocodes.Country";
  private static final String SQL = "select * from country where alpha_2 = ?";
  private static final String HQL = "select c from Country c where c.alpha2 = ?1";

  private IsoStartup() {}

  /** Group iso: the iso-codes jar with a warm cache; returns the number of failed runs. */
  static int measure(
      StartupBenchmark.Options o, Path jar, Path probe, List<Path> libraries, StringBuilder report)
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
    Map<String, String> env = DataSetCache.environment(cache);

    System.out.printf(
        Locale.ROOT,
        "%n== iso: %s (%.1f MB), file %.1f MB, warm cache %s%n",
        jar.getFileName(),
        BenchPaths.megabytes(jar),
        BenchPaths.megabytes(file),
        cache);
    // Fill the warm cache, and learn the answer every variant must give.
    List<String> cached = runner.fillCache(env, cache, ENTITY, "DE");
    String expected = runner.expected(env, file, SQL, "DE");

    String get = "datajar get";
    String plain = "plain JDBC";
    String floor = "Guice + JDBC floor";
    String hql = "datajar first HQL query";
    String cds = "datajar get, AppCDS";
    List<StartupRunner.Variant> variants =
        new ArrayList<>(
            List.of(
                DataSetCache.warm(get, env, cache, cached, "datajar-get", ENTITY, "DE"),
                new StartupRunner.Variant(plain, env, "jdbc", file.toString(), SQL, "DE"),
                new StartupRunner.Variant(floor, env, "guice-jdbc", file.toString(), SQL, "DE"),
                DataSetCache.warm(hql, env, cache, cached, "datajar-hql", ENTITY, HQL, "DE")));
    String cdsNote = null;
    if (o.cds()) {
      Path archive = work.resolve("cds").resolve("iso-codes.jsa");
      cdsNote = dumpArchive(runner, archive, env);
      if (cdsNote == null) {
        StartupRunner.Variant a =
            DataSetCache.warm(cds, env, cache, cached, "datajar-get", ENTITY, "DE");
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
        .append(SQL)
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
        .append(HQL)
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
    List<String> args = List.of("datajar-get", ENTITY, "DE");
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

  /** The dataset file, copied out of its jar once for the plain JDBC variants (also group oui). */
  static Path extract(Path jar, String entry, Path target) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      ZipEntry e = file.getEntry(entry);
      if (e == null) {
        throw new IllegalStateException(
            jar
                + " has no "
                + entry
                + ": is it the dataset jar it should be? Build it with: "
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
