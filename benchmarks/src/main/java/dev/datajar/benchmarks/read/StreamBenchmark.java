package dev.datajar.benchmarks.read;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Streaming all 1,000,000 items, one object per row handed to a consumer. One operation is a full
 * pass of about a second (several on a loaded machine), so each iteration times exactly one pass
 * (single-shot), and there are enough of them (10 per fork, 2 forks) for an error that can tell
 * 1.2× from 1.4×. {@link StreamRatio} interleaves the sides in one JVM instead, which is what to
 * trust on a shared machine.
 *
 * <p>{@code jdbc} is issue 18's baseline: the item columns, no parent. {@code store}'s items each
 * carry a new {@code Parent} (eager {@code @ManyToOne}) from the runtime's cache of the parent
 * table; {@code jdbcParentMap} does that same work in plain JDBC (a parent object per row, its name
 * from a map of the parent table read once).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(2)
public class StreamBenchmark {
  @Benchmark
  public long jdbc(Sides.Jdbc jdbc, Blackhole sink) throws Exception {
    return jdbc.reader.streamAll(sink::consume);
  }

  @Benchmark
  public long jdbcParentMap(Sides.Jdbc jdbc, Blackhole sink) throws Exception {
    return jdbc.reader.streamAllWithParentMap(sink::consume);
  }

  @Benchmark
  public long store(Sides.Stores stores, Blackhole sink) {
    return stores.store.streamAll(sink::consume);
  }
}
