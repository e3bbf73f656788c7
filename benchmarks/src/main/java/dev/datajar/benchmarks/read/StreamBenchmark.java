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
 * pass of several seconds, so each iteration times exactly one pass (single-shot).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(2)
public class StreamBenchmark {
  @Benchmark
  public long jdbc(Sides.Jdbc jdbc, Blackhole sink) throws Exception {
    return jdbc.reader.streamAll(sink::consume);
  }

  @Benchmark
  public long store(Sides.Stores stores, Blackhole sink) {
    return stores.store.streamAll(sink::consume);
  }
}
