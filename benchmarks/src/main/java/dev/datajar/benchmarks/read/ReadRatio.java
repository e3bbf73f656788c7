package dev.datajar.benchmarks.read;

import dev.datajar.benchmarks.data.BenchSources;
import dev.datajar.benchmarks.data.Machine;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code Store.get} and the ~100-row {@code search} against plain sqlite-jdbc, interleaved in one
 * JVM as {@link StreamRatio} does for streams: each round times {@code --ops} calls of each of the
 * four sides (the ids and parents of {@link GetBenchmark} and {@link SearchBenchmark}: random ids,
 * random parents), in a rotating order, and the result is the median of the rounds' ratios.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.datajar.benchmarks.read.ReadRatio \
 *     [--warmup 3] [--rounds 10] [--ops 20000]</pre>
 */
public final class ReadRatio {
  private static final List<String> SIDES =
      List.of("jdbc get", "store get", "jdbc search", "store search");

  private ReadRatio() {}

  public static void main(String[] args) throws Exception {
    int warmup = 3;
    int rounds = 10;
    int ops = 20_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--ops" -> ops = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path file = ReadDataSet.ensure();
    System.out.println(Machine.describe());
    SplittableRandom random = new SplittableRandom(7);
    List<List<Double>> micros = new ArrayList<>();
    List<List<Double>> cpuMicros = new ArrayList<>();
    SIDES.forEach(s -> micros.add(new ArrayList<>()));
    SIDES.forEach(s -> cpuMicros.add(new ArrayList<>()));
    long sink = 0;
    try (JdbcReader jdbc = new JdbcReader(file);
        StoreAccess store = StoreAccess.open(file)) {
      for (int round = -warmup; round < rounds; round++) {
        StringBuilder line = new StringBuilder(round < 0 ? "warm-up" : "round " + (round + 1));
        for (int k = 0; k < SIDES.size(); k++) {
          int side = Math.floorMod(round + k, SIDES.size());
          boolean search = side >= 2;
          int n = search ? Math.max(1, ops / 100) : ops; // a search reads ~100 rows
          long[] keys = new long[n];
          for (int i = 0; i < n; i++) {
            keys[i] =
                search
                    ? 1L + random.nextInt(BenchSources.DEFAULT_PARENTS)
                    : 1L + random.nextLong(ReadDataSet.ROWS);
          }
          long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          for (long key : keys) {
            sink +=
                switch (side) {
                  case 0 -> jdbc.get(key).id();
                  case 1 -> store.get(key).orElseThrow().getId();
                  case 2 -> jdbc.byParent(key).size();
                  default -> store.byParent(key).size();
                };
          }
          double us = (System.nanoTime() - t0) / 1e3 / n;
          double cpuUs =
              (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e3 / n;
          line.append(
              String.format(Locale.ROOT, "  %s %.1f µs (cpu %.1f)", SIDES.get(side), us, cpuUs));
          if (round >= 0) {
            micros.get(side).add(us);
            cpuMicros.get(side).add(cpuUs);
          }
        }
        System.out.println(line);
      }
    }
    System.out.printf(Locale.ROOT, "checksum %d%n", sink);
    System.out.printf(Locale.ROOT, "medians over %d rounds (after %d warm-up):%n", rounds, warmup);
    for (int s = 0; s < SIDES.size(); s++) {
      System.out.printf(
          Locale.ROOT,
          "  %-13s %9.1f µs/op (thread cpu %9.1f µs/op)%n",
          SIDES.get(s),
          median(micros.get(s)),
          median(cpuMicros.get(s)));
    }
    System.out.println("wall time:");
    ratio("get", micros.get(1), micros.get(0));
    ratio("search", micros.get(3), micros.get(2));
    System.out.println("this thread's CPU time (leaves out waiting for a core; see StreamRatio):");
    ratio("get", cpuMicros.get(1), cpuMicros.get(0));
    ratio("search", cpuMicros.get(3), cpuMicros.get(2));
  }

  private static void ratio(String what, List<Double> store, List<Double> jdbc) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < store.size(); i++) {
      ratios.add(store.get(i) / jdbc.get(i));
    }
    Collections.sort(ratios);
    System.out.printf(
        Locale.ROOT,
        "  store / jdbc %s: %.2fx (median of rounds' ratios; quartiles %.2f-%.2f)%n",
        what,
        median(ratios),
        ratios.get(ratios.size() / 4),
        ratios.get((3 * ratios.size()) / 4));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
