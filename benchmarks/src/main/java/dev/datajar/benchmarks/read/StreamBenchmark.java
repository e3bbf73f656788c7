package dev.datajar.benchmarks.read;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Streaming all 1,000,000 items, one object per row handed to a consumer. Each operation is
 * one full pass, so iterations are few and long.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(2)
public class StreamBenchmark {
  private JdbcReader jdbc;

  @Setup(Level.Trial)
  public void open() throws Exception {
    jdbc = new JdbcReader(ReadDataSet.ensure());
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    jdbc.close();
  }

  @Benchmark
  public long jdbc(Blackhole sink) throws Exception {
    return jdbc.streamAll(sink::consume);
  }
}
