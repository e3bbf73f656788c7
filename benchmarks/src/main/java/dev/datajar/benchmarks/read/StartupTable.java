package dev.datajar.benchmarks.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The measurements of one group of start-up variants, round by round, and the Markdown table made
 * of them. Ratios and differences against the baseline (plain JDBC) and the floor (Guice + plain
 * JDBC) are taken pair by pair within a round, then their median: two runs of the same round saw
 * the same machine load, so their ratio is steadier than a ratio of medians.
 */
final class StartupTable {
  /** One measured child JVM. */
  record Run(double wallMs, double rssMb, double cpuSeconds, double mainMs) {}

  private final String baseline;
  private final String floor;
  private final Map<String, Run[]> runs = new LinkedHashMap<>();
  private final Map<String, Integer> failures = new LinkedHashMap<>();
  private final int rounds;

  /** {@code floor} may be {@code null} where the group has none. */
  StartupTable(List<String> variants, String baseline, String floor, int rounds) {
    this.baseline = baseline;
    this.floor = floor;
    this.rounds = rounds;
    for (String v : variants) {
      runs.put(v, new Run[rounds]);
      failures.put(v, 0);
    }
  }

  void add(String variant, int round, Run run) {
    runs.get(variant)[round] = run;
  }

  void failed(String variant) {
    failures.merge(variant, 1, Integer::sum);
  }

  int failures() {
    return failures.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Median over the rounds where {@code variant} succeeded; NaN if none did. */
  double median(String variant, ToDoubleFunction<Run> metric) {
    return median(
        Arrays.stream(runs.get(variant)).filter(r -> r != null).mapToDouble(metric).toArray());
  }

  /** Median of {@code f(variant's run, other's run)} over the rounds where both succeeded. */
  double pairedMedian(String variant, String other, PairMetric f) {
    List<Double> values = new ArrayList<>();
    Run[] a = runs.get(variant);
    Run[] b = runs.get(other);
    for (int i = 0; i < rounds; i++) {
      if (a[i] != null && b[i] != null) {
        values.add(f.apply(a[i], b[i]));
      }
    }
    return median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  interface PairMetric {
    double apply(Run run, Run other);
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** The table, then one line per variant with every round's wall time and RSS. */
  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| variant | runs | wall ms (median) | × plain JDBC |")
        .append(floor == null ? "" : " × Guice + JDBC floor |")
        .append(" peak RSS MB (median) | Δ RSS vs plain JDBC, MB | CPU s, user+sys (median)")
        .append(" | CPU × plain JDBC | in main → result, ms (median) |\n");
    out.append("|---|---|---|---|")
        .append(floor == null ? "" : "---|")
        .append("---|---|---|---|---|\n");
    for (String v : runs.keySet()) {
      long ok = Arrays.stream(runs.get(v)).filter(r -> r != null).count();
      out.append("| ").append(v).append(" | ").append(ok);
      if (failures.get(v) > 0) {
        out.append(" (").append(failures.get(v)).append(" failed)");
      }
      out.append(" | ").append(format("%.0f", median(v, Run::wallMs)));
      out.append(" | ")
          .append(format("%.2f×", pairedMedian(v, baseline, (r, b) -> r.wallMs() / b.wallMs())));
      if (floor != null) {
        out.append(" | ")
            .append(format("%.2f×", pairedMedian(v, floor, (r, f) -> r.wallMs() / f.wallMs())));
      }
      out.append(" | ").append(format("%.0f", median(v, Run::rssMb)));
      out.append(" | ")
          .append(format("%+.0f", pairedMedian(v, baseline, (r, b) -> r.rssMb() - b.rssMb())));
      out.append(" | ").append(format("%.2f", median(v, Run::cpuSeconds)));
      out.append(" | ")
          .append(
              format(
                  "%.2f×", pairedMedian(v, baseline, (r, b) -> r.cpuSeconds() / b.cpuSeconds())));
      out.append(" | ").append(format("%.0f", median(v, Run::mainMs))).append(" |\n");
    }
    out.append('\n');
    for (String v : runs.keySet()) {
      out.append("- ")
          .append(v)
          .append(": wall ms ")
          .append(each(v, Run::wallMs, "%.0f"))
          .append("; RSS MB ")
          .append(each(v, Run::rssMb, "%.0f"))
          .append('\n');
    }
    return out.toString();
  }

  private String each(String variant, ToDoubleFunction<Run> metric, String pattern) {
    List<String> parts = new ArrayList<>();
    for (Run r : runs.get(variant)) {
      parts.add(r == null ? "–" : format(pattern, metric.applyAsDouble(r)));
    }
    return String.join(" / ", parts);
  }

  private static String format(String pattern, double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, pattern, value);
  }
}
