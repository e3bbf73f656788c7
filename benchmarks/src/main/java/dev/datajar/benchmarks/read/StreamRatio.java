package dev.datajar.benchmarks.read;

import com.sun.management.ThreadMXBean;
import dev.datajar.benchmarks.data.Machine;
import dev.datajar.runtime.format.SqliteFiles;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code Store.stream()} against plain sqlite-jdbc, interleaved in one JVM so that a shared
 * machine's load falls on both sides alike: each round streams all 1,000,000 items once per side,
 * the sides in a rotating order, and the result is the median over the rounds of each round's ratio
 * (with its quartiles), not a ratio of two means measured minutes apart.
 *
 * <p>Sides: {@code jdbc} is the bar's baseline (issue 18: {@code select id, name, note, score,
 * parent_id from item}, one record per row, no parent read); {@code store} is {@link
 * StoreAccess#streamAll}, whose items each carry a new {@code Parent} (an eager {@code @ManyToOne}:
 * id and name) from the runtime's cache of the parent table. The same work in plain JDBC: {@code
 * jdbc+map} builds a parent object per row from a map of the parent table read once, {@code
 * jdbc+join} reads the parent by a join (not run unless asked: several times slower). {@code
 * tuned+map} is {@code jdbc+map} on a connection opened as the runtime opens its own ({@link
 * SqliteFiles#openReadOnly}: {@code immutable=1}, {@code mmap_size} 1 GiB, {@code cache_size} 16
 * MiB), which the JDBC sides otherwise do not get (not run unless asked). Each pass also reports
 * the bytes it allocated per row (this thread's allocation counter) and its CPU time (ratios of
 * both are printed: wall time is the bar's, CPU time the steadier on a shared machine).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.datajar.benchmarks.read.StreamRatio \
 *     [--warmup 5] [--rounds 15] [--sides jdbc,store,jdbc+map,jdbc+join,tuned+map]</pre>
 */
public final class StreamRatio {
  private static final String JDBC = "jdbc";
  private static final String JDBC_MAP = "jdbc+map";
  private static final String JDBC_JOIN = "jdbc+join";
  private static final String TUNED_MAP = "tuned+map";
  private static final String STORE = "store";
  private static final List<String> DEFAULT_SIDES = List.of(JDBC, STORE, JDBC_MAP);

  private StreamRatio() {}

  public static void main(String[] args) throws Exception {
    int warmup = 5;
    int rounds = 15;
    List<String> sides = DEFAULT_SIDES;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--sides" -> sides = List.of(args[++i].split(",")); // e.g. store alone, to profile
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path file = ReadDataSet.ensure();
    System.out.println(Machine.describe());
    long[] sink = {0};
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    Map<String, List<Double>> cpuMillis = new LinkedHashMap<>();
    Map<String, List<Double>> bytesPerRow = new LinkedHashMap<>();
    sides.forEach(s -> millis.put(s, new ArrayList<>()));
    sides.forEach(s -> cpuMillis.put(s, new ArrayList<>()));
    sides.forEach(s -> bytesPerRow.put(s, new ArrayList<>()));
    try (JdbcReader jdbc = new JdbcReader(file);
        JdbcReader tuned = new JdbcReader(SqliteFiles.openReadOnly(file));
        StoreAccess store = StoreAccess.open(file)) {
      for (int round = -warmup; round < rounds; round++) {
        StringBuilder line = new StringBuilder(round < 0 ? "warm-up" : "round " + (round + 1));
        for (int k = 0; k < sides.size(); k++) {
          String side = sides.get(Math.floorMod(round + k, sides.size()));
          long allocated = allocatedBytes();
          long cpu0 = cpuNanos();
          long t0 = System.nanoTime();
          long rows =
              switch (side) {
                case JDBC -> jdbc.streamAll(r -> sink[0] += r.id());
                case JDBC_MAP -> jdbc.streamAllWithParentMap(r -> sink[0] += r.parent().id());
                case JDBC_JOIN -> jdbc.streamAllWithParent(r -> sink[0] += r.parent().id());
                case TUNED_MAP -> tuned.streamAllWithParentMap(r -> sink[0] += r.parent().id());
                case STORE -> store.streamAll(item -> sink[0] += item.getParent().getId());
                default -> throw new IllegalArgumentException("unknown side " + side);
              };
          double ms = (System.nanoTime() - t0) / 1e6;
          double cpuMs = (cpuNanos() - cpu0) / 1e6;
          double perRow = (allocatedBytes() - allocated) / (double) rows;
          if (rows != ReadDataSet.ROWS) {
            throw new IllegalStateException(side + " streamed " + rows + " rows");
          }
          line.append(
              String.format(
                  Locale.ROOT, "  %s %.0f ms (cpu %.0f) %.0f B/row", side, ms, cpuMs, perRow));
          if (round >= 0) {
            millis.get(side).add(ms);
            cpuMillis.get(side).add(cpuMs);
            bytesPerRow.get(side).add(perRow);
          }
        }
        System.out.println(line);
      }
    }
    System.out.printf(Locale.ROOT, "checksum %d%n", sink[0]);
    System.out.printf(Locale.ROOT, "medians over %d rounds (after %d warm-up):%n", rounds, warmup);
    for (String side : sides) {
      System.out.printf(
          Locale.ROOT,
          "  %-12s %7.0f ms per pass (thread cpu %5.0f ms)  %5.0f B/row%n",
          side,
          median(millis.get(side)),
          median(cpuMillis.get(side)),
          median(bytesPerRow.get(side)));
    }
    for (Map<String, List<Double>> times : List.of(millis, cpuMillis)) {
      System.out.println(times == millis ? "wall time:" : "this thread's CPU time:");
      for (String other : List.of(JDBC, JDBC_MAP, JDBC_JOIN, TUNED_MAP)) {
        if (sides.containsAll(List.of(STORE, other))) {
          ratio(times, STORE, other);
        }
      }
    }
  }

  /**
   * The median of the per-round ratios and their quartiles (each round has both sides). Wall time
   * is what the bar is about; the thread's CPU time leaves out the time the pass waited for a core,
   * which on a shared machine is most of the noise, and the garbage collector's threads (the store
   * allocates ~15 % more per row), so it reads the store slightly low.
   */
  private static void ratio(Map<String, List<Double>> millis, String a, String b) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < millis.get(a).size(); i++) {
      ratios.add(millis.get(a).get(i) / millis.get(b).get(i));
    }
    Collections.sort(ratios);
    System.out.printf(
        Locale.ROOT,
        "  %s / %s: %.2fx (median of rounds' ratios; quartiles %.2f-%.2f, min %.2f, max %.2f)%n",
        a,
        b,
        quantile(ratios, 0.5),
        quantile(ratios, 0.25),
        quantile(ratios, 0.75),
        ratios.get(0),
        ratios.get(ratios.size() - 1));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return quantile(sorted, 0.5);
  }

  /** Linear interpolation between the closest ranks of a sorted list. */
  private static double quantile(List<Double> sorted, double q) {
    double at = q * (sorted.size() - 1);
    int lo = (int) Math.floor(at);
    int hi = Math.min(sorted.size() - 1, lo + 1);
    return sorted.get(lo) + (at - lo) * (sorted.get(hi) - sorted.get(lo));
  }

  private static long cpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static long allocatedBytes() {
    return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }
}
