package dev.datajar.benchmarks.read;

import dev.datajar.benchmarks.data.Machine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs {@link StartupProbe} variants of one group in fresh JVMs under {@code /usr/bin/time -v},
 * round by round, and fills a {@link StartupTable}. Each child's output and time report are kept in
 * {@code <work>/logs/}; a failed run prints the end of its output and counts as failed.
 */
final class StartupRunner {
  /**
   * One variant: its table label, JVM flags, environment (a {@code null} value removes a variable),
   * probe arguments, something to do before each run and a check after it (returns a problem, or
   * {@code null}).
   */
  record Variant(
      String label,
      List<String> jvmArgs,
      Map<String, String> environment,
      List<String> args,
      Runnable before,
      Supplier<String> check) {
    Variant(String label, Map<String, String> environment, String... args) {
      this(label, List.of(), environment, List.of(args), () -> {}, () -> null);
    }
  }

  /** One finished child: how it ended, what it printed, what {@code time -v} saw. */
  record Measured(ChildJvm.Outcome outcome, GnuTime.Report time, Path log) {
    String result(String key) {
      return outcome.result(key);
    }
  }

  private final List<Path> classPath;
  private final Path work;
  private int sequence;

  StartupRunner(List<Path> classPath, Path work) {
    this.classPath = List.copyOf(classPath);
    this.work = work;
  }

  /** One child JVM running the probe; {@code id} names its log files. */
  Measured launch(
      String id, List<String> jvmArgs, Map<String, String> environment, List<String> args) {
    String name = String.format(Locale.ROOT, "%03d-%s", ++sequence, id);
    Path logs = work.resolve("logs");
    Path log = logs.resolve(name + ".log");
    Path report = logs.resolve(name + ".time");
    Map<String, String> env = new HashMap<>(environment);
    ChildJvm.Outcome outcome =
        ChildJvm.run(
            new ChildJvm.Launch(
                GnuTime.prefix(report),
                jvmArgs,
                classPath,
                StartupProbe.class.getName(),
                args,
                env,
                work,
                log));
    GnuTime.Report time = Files.exists(report) ? GnuTime.read(report) : null;
    return new Measured(outcome, time, log);
  }

  Measured launch(String id, Variant v) {
    v.before().run();
    return launch(id, v.jvmArgs(), v.environment(), v.args());
  }

  /**
   * Why {@code m} does not count, or {@code null}: a non-zero exit, no result, or a value other
   * than {@code expected} (when given).
   */
  /**
   * Fills a warm cache with one unmeasured datajar run reading {@code key} of {@code entity}, and
   * returns the dataset files it left there (a warm run must leave exactly these).
   */
  List<String> fillCache(Map<String, String> env, Path cache, String entity, String key) {
    Measured fill = launch("fill-cache", List.of(), env, List.of("datajar-get", entity, key));
    print("datajar get (fills cache)", fill, problem(fill, null));
    return sqliteFiles(cache);
  }

  /**
   * Runs plain JDBC once on {@code file} ({@code sql} with {@code key}) and returns the value every
   * variant must then report; fails if plain JDBC does not get one.
   */
  String expected(Map<String, String> env, Path file, String sql, String key) {
    Measured jdbc = launch("expected", List.of(), env, List.of("jdbc", file.toString(), sql, key));
    String expected = jdbc.result("value");
    if (problem(jdbc, null) != null || expected == null) {
      throw new IllegalStateException("plain JDBC on " + file + " failed: " + problem(jdbc, null));
    }
    return expected;
  }

  static String problem(Measured m, String expected) {
    if (m.outcome().exitCode() != 0 || m.time() == null) {
      return "exit code " + m.outcome().exitCode() + tail(m.log());
    }
    String value = m.result("value");
    if (value == null) {
      return "no RESULT line" + tail(m.log());
    }
    if (expected != null && !expected.equals(value)) {
      return "found '" + value + "', plain JDBC found '" + expected + "'" + tail(m.log());
    }
    return null;
  }

  /**
   * Runs every variant once, unmeasured (fills caches, the OS page cache, sqlite-jdbc's native
   * library), then {@code rounds} rounds of all variants in order, one JVM each; {@code afterRound}
   * runs after each measured round. Returns the filled table.
   */
  StartupTable rounds(
      List<Variant> variants,
      String baseline,
      String floor,
      int rounds,
      String expected,
      Runnable afterRound) {
    List<String> labels = variants.stream().map(Variant::label).toList();
    StartupTable table = new StartupTable(labels, baseline, floor, rounds);
    System.out.println("warm-up round (not counted):");
    for (Variant v : variants) {
      Measured m = launch(slug(v.label()) + "-warmup", v);
      String problem = problemOrCheck(m, expected, v);
      print(v.label(), m, problem);
    }
    for (int round = 0; round < rounds; round++) {
      System.out.printf(Locale.ROOT, "round %d of %d:%n", round + 1, rounds);
      for (Variant v : variants) {
        Measured m = launch(slug(v.label()) + "-r" + (round + 1), v);
        String problem = problemOrCheck(m, expected, v);
        print(v.label(), m, problem);
        if (problem == null) {
          table.add(
              v.label(),
              round,
              new StartupTable.Run(
                  m.time().elapsedMillis(),
                  m.time().maxRssMb(),
                  m.time().cpuSeconds(),
                  Double.parseDouble(m.result("mainMs"))));
        } else {
          table.failed(v.label());
        }
      }
      afterRound.run();
    }
    return table;
  }

  private static String problemOrCheck(Measured m, String expected, Variant v) {
    String problem = problem(m, expected);
    String check = v.check().get();
    return problem != null ? problem : check;
  }

  static void print(String label, Measured m, String problem) {
    if (problem != null) {
      System.out.printf(Locale.ROOT, "  %-28s FAILED: %s%n", label, problem);
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "  %-28s wall %6d ms (harness: %.0f), RSS %4.0f MB,"
            + " CPU %5.2f s, main→result %5s ms, load %s%n",
        label,
        m.time().elapsedMillis(),
        m.outcome().wallNanos() / 1e6,
        m.time().maxRssMb(),
        m.time().cpuSeconds(),
        m.result("mainMs"),
        Machine.loadAverage());
  }

  /** The last lines the child printed, indented, for a failure message. */
  static String tail(Path log) {
    try {
      List<String> lines =
          new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      List<String> last =
          new ArrayList<>(lines.subList(Math.max(0, lines.size() - 25), lines.size()));
      return "; output (" + log + "), last lines:\n      | " + String.join("\n      | ", last);
    } catch (IOException e) {
      return "; no output in " + log;
    }
  }

  /** Every {@code *.sqlite} file under {@code dir}, with its size and modification time. */
  static List<String> sqliteFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".sqlite"))
          .map(
              f -> {
                try {
                  return f + " " + Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String slug(String label) {
    return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
  }
}
