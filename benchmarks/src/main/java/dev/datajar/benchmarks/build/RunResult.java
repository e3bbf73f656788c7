package dev.datajar.benchmarks.build;

import java.util.Locale;

/**
 * One measured load: which variant, how many rows, how long, how big, peak heap, and the
 * machine's load average when it ended.
 */
record RunResult(
    String variant, int round, long rows, long nanos, long bytes, long heapMb, String load) {
  double rowsPerSecond() {
    return rows / (nanos / 1e9);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "  round %d %-8s %,d rows in %6.2f s = %,9.0f rows/s, file %6.1f MB, peak heap <= %,d MB,"
        + " load %s", round + 1, variant, rows, nanos / 1e9, rowsPerSecond(), bytes / 1e6,
        heapMb, load);
  }
}
