package dev.datajar.benchmarks.build;

import dev.datajar.benchmarks.data.BenchSources;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Prints the medians of a build benchmark run as a Markdown table for docs/benchmarks.md. */
final class Report {
  private Report() {}

  static void print(
      BenchSources sources,
      List<RunResult> baseline,
      List<RunResult> builder,
      String builderMissing) {
    System.out.println();
    System.out.printf(
        Locale.ROOT, "Medians over %,d + %,d rows:%n%n", sources.rows(), sources.parents());
    System.out.println(
        "| variant | runs | rows/s (median) | all runs, rows/s"
            + " | rows per CPU-second (median) | file MB | peak heap MB |");
    System.out.println("|---|---|---|---|---|---|---|");
    line(baseline);
    line(builder);
    if (!baseline.isEmpty() && !builder.isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "%nbuilder / baseline (medians): %.2f× in rows/s," + " %.2f× in rows per CPU-second%n",
          median(builder, RunResult::rowsPerSecond) / median(baseline, RunResult::rowsPerSecond),
          median(builder, RunResult::rowsPerCpuSecond)
              / median(baseline, RunResult::rowsPerCpuSecond));
    }
    if (builderMissing != null) {
      System.out.println("\nbuilder pending: " + builderMissing);
    }
  }

  private static void line(List<RunResult> runs) {
    if (runs.isEmpty()) {
      return;
    }
    StringBuilder all = new StringBuilder();
    for (RunResult r : runs) {
      all.append(all.length() == 0 ? "" : ", ")
          .append(String.format(Locale.ROOT, "%,.0f", r.rowsPerSecond()));
    }
    RunResult last = runs.get(runs.size() - 1);
    long heap = runs.stream().mapToLong(RunResult::heapMb).max().orElse(0);
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %,.0f | %s | %,.0f | %.1f | %,d |%n",
        last.variant(),
        runs.size(),
        median(runs, RunResult::rowsPerSecond),
        all,
        median(runs, RunResult::rowsPerCpuSecond),
        last.bytes() / 1e6,
        heap);
  }

  static double median(List<RunResult> runs, ToDoubleFunction<RunResult> metric) {
    double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }
}
