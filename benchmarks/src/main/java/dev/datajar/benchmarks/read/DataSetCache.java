package dev.datajar.benchmarks.read;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime's file cache as the start-up children see it: the environment variable that points it
 * at a directory of the benchmark's, and the check that a warm run left that directory alone.
 */
final class DataSetCache {
  /** Where the runtime copies dataset files out of their jars. */
  static final String VARIABLE = "DATAJAR_CACHE_DIR";

  private DataSetCache() {}

  /**
   * A datajar variant on a warm cache: fails a run that changed what the cache held after the
   * warm-up (the runtime copied again, or used another directory).
   */
  static StartupRunner.Variant warm(
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
                + VARIABLE
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
  static Map<String, String> environment(Path cache) {
    Map<String, String> env = new HashMap<>();
    for (String name : System.getenv().keySet()) {
      if (name.startsWith("DATAJAR_")) {
        env.put(name, null);
      }
    }
    env.put(VARIABLE, cache.toString());
    return env;
  }
}
