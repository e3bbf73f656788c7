package dev.datajar.benchmarks.build;

import dev.datajar.benchmarks.data.BenchSources;
import java.nio.file.Path;

/** Command-line options of {@link BuildBenchmark}. */
record BuildOptions(long rows, int parents, int runs, String only, Path work, boolean verbose) {

  @SuppressWarnings("IncrementInForLoopAndHeader") // the body also steps over an option's value
  static BuildOptions parse(String[] args) {
    long rows = 1_000_000;
    int parents = BenchSources.DEFAULT_PARENTS;
    int runs = 5;
    String only = "both";
    Path work = null;
    boolean verbose = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--verbose")) {
        verbose = true;
        continue;
      }
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--rows" -> rows = Long.parseLong(require(args[i], value).replace("_", ""));
        case "--parents" -> parents = Integer.parseInt(require(args[i], value));
        case "--runs" -> runs = Integer.parseInt(require(args[i], value));
        case "--only" -> only = require(args[i], value);
        case "--work" -> work = Path.of(require(args[i], value)).toAbsolutePath();
        default ->
            throw new IllegalArgumentException(
                "unknown option '"
                    + args[i]
                    + "'; valid: --rows N, --parents N, --runs N, --only both|baseline|builder,"
                    + " --work DIR, --verbose");
      }
      i++;
    }
    if (!only.equals("both") && !only.equals("baseline") && !only.equals("builder")) {
      throw new IllegalArgumentException(
          "--only must be both, baseline or builder, not '" + only + "'");
    }
    return new BuildOptions(rows, parents, runs, only, work, verbose);
  }

  private static String require(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException("option " + option + " needs a value");
    }
    return value;
  }

  boolean runsBaseline() {
    return !only.equals("builder");
  }

  boolean runsBuilder() {
    return !only.equals("baseline");
  }
}
