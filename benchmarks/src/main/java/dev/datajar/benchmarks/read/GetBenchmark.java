package dev.datajar.benchmarks.read;

import dev.datajar.benchmarks.model.Item;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Point lookups by primary key over random ids of the 1,000,000-row {@code item} table: {@code
 * Store.get(id)} against plain JDBC on the same file in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(2)
public class GetBenchmark {
  /** Random ids drawn up front so the benchmark measures lookups, not the generator. */
  private final long[] ids = new long[1 << 16];

  private int next;

  @Setup(Level.Trial)
  public void drawIds() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < ids.length; i++) {
      ids[i] = 1 + random.nextLong(ReadDataSet.ROWS);
    }
  }

  private long nextId() {
    return ids[next++ & (ids.length - 1)];
  }

  @Benchmark
  public ItemRow jdbc(Sides.Jdbc jdbc) throws Exception {
    return jdbc.reader.get(nextId());
  }

  @Benchmark
  public Object[] jdbcWithParent(Sides.Jdbc jdbc) throws Exception {
    return jdbc.reader.getWithParent(nextId());
  }

  @Benchmark
  public Item store(Sides.Stores stores) {
    return stores.store.get(nextId()).orElse(null);
  }

  /** {@link #store} with the row caches counting hits and misses. */
  @Benchmark
  public Item storeCounted(Sides.CountedStores stores) {
    return stores.store.get(nextId()).orElse(null);
  }

  /** Ids 1 to 4096 over and over: every lookup but the first of each id is a cache hit. */
  @Benchmark
  public Item storeCached(Sides.Stores stores) {
    return stores.store.get(1 + (next++ & 4095)).orElse(null);
  }

  /** {@link #storeCached} with the row caches counting: the counters' cost on a hit. */
  @Benchmark
  public Item storeCachedCounted(Sides.CountedStores stores) {
    return stores.store.get(1 + (next++ & 4095)).orElse(null);
  }
}
