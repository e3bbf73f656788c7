package dev.datajar.benchmarks.build;

import java.util.Locale;

/**
 * One measured load: which variant, how many rows, how long (wall clock and this process's CPU
 * time), how big, peak heap, and the machine's load average when it ended.
 *
 * <p>CPU time is reported beside wall time because the benchmark machine is shared: when other jobs
 * take the cores, wall time stretches but the CPU time a load needs stays about the same.
 */
record RunResult(
    String variant,
    int round,
    long rows,
    long nanos,
    long cpuNanos,
    long bytes,
    long heapMb,
    String load) {
  double rowsPerSecond() {
    return rows / (nanos / 1e9);
  }

  double rowsPerCpuSecond() {
    return rows / (cpuNanos / 1e9);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "  round %d %-8s %,d rows in %6.2f s = %,9.0f rows/s (cpu %6.2f s = %,9.0f rows/cpu-s),"
            + " file %6.1f MB, peak heap <= %,d MB, load %s",
        round + 1,
        variant,
        rows,
        nanos / 1e9,
        rowsPerSecond(),
        cpuNanos / 1e9,
        rowsPerCpuSecond(),
        bytes / 1e6,
        heapMb,
        load);
  }
}
