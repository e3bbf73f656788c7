package dev.datajar.benchmarks.read;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Child-JVM side of {@link SmallHeapStream}: streams every item of a dataset file once and prints
 * {@code RESULT rows=… seconds=… peakHeapMb=…}. Exits non-zero if it fails (for example with an
 * {@code OutOfMemoryError}).
 *
 * <p>Arguments: {@code jdbc|store <file>}.
 */
public final class StreamProbe {
  private StreamProbe() {}

  public static void main(String[] args) throws Exception {
    String variant = args[0];
    Path file = Path.of(args[1]);
    long[] checksum = {0};
    long t0 = System.nanoTime();
    long rows;
    switch (variant) {
      case "jdbc" -> {
        try (JdbcReader reader = new JdbcReader(file)) {
          rows = reader.streamAll(row -> checksum[0] += row.id());
        }
      }
      case "store" -> {
        try (StoreAccess store = StoreAccess.open(file)) {
          rows = store.streamAll(item -> checksum[0] += item.getId());
        }
      }
      default -> throw new IllegalArgumentException("variant must be jdbc or store: " + variant);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "RESULT variant=%s rows=%d checksum=%d seconds=%.2f" + " peakHeapMb=%d maxHeapMb=%d%n",
        variant,
        rows,
        checksum[0],
        seconds,
        peakHeapMb(),
        Runtime.getRuntime().maxMemory() >> 20);
  }

  private static long peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes >> 20;
  }
}
