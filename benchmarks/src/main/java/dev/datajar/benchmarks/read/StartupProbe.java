package dev.datajar.benchmarks.read;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Child-JVM side of {@link StartupBenchmark}: from injector creation to the first result, once.
 * Prints {@code RESULT firstResultMs=… jvmUptimeMs=…}.
 *
 * <p>Arguments: {@code store <cacheDir>} (dataset jar on the class path, found through its
 * manifest) or {@code jdbc <sqliteFile>} (plain sqlite-jdbc on a file already on disk).
 */
public final class StartupProbe {
  private StartupProbe() {}

  public static void main(String[] args) throws Exception {
    String variant = args[0];
    Path path = Path.of(args[1]);
    long t0 = System.nanoTime();
    String first;
    switch (variant) {
      case "store" -> {
        // Not closed: the process exits right after, as a measured start-up would go on serving.
        StoreAccess store = StoreAccess.openFromClasspath(path);
        first = store.get(1).orElseThrow().getName();
      }
      case "jdbc" -> {
        try (JdbcReader reader = new JdbcReader(path)) {
          first = reader.get(1).name();
        }
      }
      default -> throw new IllegalArgumentException("variant must be store or jdbc: " + variant);
    }
    double millis = (System.nanoTime() - t0) / 1e6;
    System.out.printf(Locale.ROOT, "RESULT variant=%s first=%s firstResultMs=%.0f"
        + " jvmUptimeMs=%d%n", variant, first, millis,
        ManagementFactory.getRuntimeMXBean().getUptime());
    // Exit even if the runtime left non-daemon threads behind; closing is measured elsewhere.
    System.exit(0);
  }
}
