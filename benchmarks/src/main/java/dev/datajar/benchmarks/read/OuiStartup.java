package dev.datajar.benchmarks.read;

import dev.datajar.benchmarks.data.BenchPaths;
import dev.datajar.benchmarks.data.Machine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The start-up benchmark's group oui (issue 18's bar): the ieee-oui dataset jar with a warm cache,
 * whose entities have an {@code @IdClass} key (prefix and organisation). JVM launch to the first
 * {@code get} of one by its key, and to the first answer of the example service's lookup ({@code
 * OuiLookup.find}, up to four searches by prefix), against plain sqlite-jdbc and the Guice floor on
 * the same file.
 */
final class OuiStartup {
  private static final String ENTITY = "dev.datajar.datasets.oui.LargeBlock";
  private static final String KEY =
      "key:dev.datajar.datasets.oui.Assignment$Key:00000C|Cisco Systems, Inc";
  private static final String SQL =
      "select *, organization_name as name from ma_l where assignment = ? and organization_name = ?";
  private static final String PARTS = "strings:00000C|Cisco Systems, Inc";
  private static final String LOOKUP = "dev.datajar.datasets.oui.OuiLookup";
  private static final String MAC = "00:00:0c:12:34:56";

  private OuiStartup() {}

  /** Group oui; returns the number of failed runs. */
  static int measure(
      StartupBenchmark.Options o, Path jar, Path probe, List<Path> libraries, StringBuilder report)
      throws Exception {
    String loadBefore = Machine.loadAverage();
    Path work = BenchPaths.dataDirectory().resolve("startup").resolve("oui");
    Path cache = work.resolve("cache");
    BenchPaths.deleteTree(cache);
    Path file =
        IsoStartup.extract(
            jar, "META-INF/datasets/ieee-oui.sqlite", work.resolve("ieee-oui.sqlite"));
    List<Path> classPath = new ArrayList<>(List.of(probe, jar));
    classPath.addAll(libraries);
    StartupRunner runner = new StartupRunner(classPath, work);
    Map<String, String> env = DataSetCache.environment(cache);

    System.out.printf(
        Locale.ROOT,
        "%n== oui: %s (%.1f MB), file %.1f MB, warm cache %s%n",
        jar.getFileName(),
        BenchPaths.megabytes(jar),
        BenchPaths.megabytes(file),
        cache);
    List<String> cached = runner.fillCache(env, cache, ENTITY, KEY);
    String expected = runner.expected(env, file, SQL, PARTS);

    String get = "datajar get (@IdClass)";
    String lookup = "datajar OuiLookup.find";
    String plain = "plain JDBC";
    String floor = "Guice + JDBC floor";
    List<StartupRunner.Variant> variants =
        List.of(
            DataSetCache.warm(get, env, cache, cached, "datajar-get", ENTITY, KEY),
            DataSetCache.warm(lookup, env, cache, cached, "datajar-call", LOOKUP, "find", MAC),
            new StartupRunner.Variant(plain, env, "jdbc", file.toString(), SQL, PARTS),
            new StartupRunner.Variant(floor, env, "guice-jdbc", file.toString(), SQL, PARTS));
    StartupTable table = runner.rounds(variants, plain, floor, o.runs(), expected, () -> {});

    report.append("\n### ieee-oui dataset jar (`@IdClass` entities), warm cache\n\n");
    report.append(
        String.format(
            Locale.ROOT,
            "%s (%.1f MB jar, %.1f MB SQLite file); every variant found '%s'. Load average (1 min)"
                + " before → after the group: %s → %s%n%n",
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
            ": `Guice.createInjector(new DataSetModule())`, then"
                + " `Store<LargeBlock>.get(new Assignment.Key(\"00000C\", \"Cisco Systems, Inc\"))`\n");
    report
        .append("- ")
        .append(lookup)
        .append(": the same injector, then `OuiLookup.find(\"")
        .append(MAC)
        .append("\")`, the example service's `/oui` lookup (searches of the 36-, 28- and 24-bit")
        .append(" registries until one matches)\n");
    report.append("- ").append(plain).append(": one sqlite-jdbc connection, `").append(SQL);
    report.append("`\n- ").append(floor).append(": an injector whose eager singleton opens it\n");
    return table.failures();
  }
}
