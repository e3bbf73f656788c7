package dev.datajar.benchmarks.read;

import dev.datajar.benchmarks.data.BenchSources;
import dev.datajar.benchmarks.model.Item;
import java.util.List;
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
 * Search on the indexed foreign key {@code item.parent_id}: 1,000,000 items over 10,000 parents, so
 * each search returns ~100 rows scattered over the table.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(2)
public class SearchBenchmark {
  private final long[] parentIds = new long[1 << 12];
  private int next;

  @Setup(Level.Trial)
  public void drawParents() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < parentIds.length; i++) {
      parentIds[i] = 1L + random.nextInt(BenchSources.DEFAULT_PARENTS);
    }
  }

  private long nextParent() {
    return parentIds[next++ & (parentIds.length - 1)];
  }

  @Benchmark
  public List<ItemRow> jdbc(Sides.Jdbc jdbc) throws Exception {
    return jdbc.reader.byParent(nextParent());
  }

  @Benchmark
  public List<Object[]> jdbcWithParent(Sides.Jdbc jdbc) throws Exception {
    return jdbc.reader.byParentWithParent(nextParent());
  }

  @Benchmark
  public List<Item> store(Sides.Stores stores) {
    return stores.store.byParent(nextParent());
  }
}
