package dev.datajar.benchmarks.build;

import dev.datajar.benchmarks.data.BenchPaths;
import dev.datajar.benchmarks.data.BenchSources;
import dev.datajar.benchmarks.data.Machine;
import dev.datajar.builder.BuildLog;
import dev.datajar.builder.BuildResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The build benchmark: loads the same generated CSV with the plain sqlite-jdbc baseline and with
 * the datajar builder, several times, interleaved, and prints rows/s medians and the
 * builder/baseline ratio. No timing is asserted anywhere; the numbers go to {@code
 * docs/benchmarks.md}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.datajar.benchmarks.build.BuildBenchmark \
 *     [--rows 1000000] [--parents 10000] [--runs 5] [--only both|baseline|builder] [--work DIR]
 *     [--verbose]
 * </pre>
 *
 * <p>Rounds alternate which variant goes first, so neither always gets the colder JIT or page
 * cache. Each run writes a new file; rows/s counts the rows of both tables. {@code --verbose}
 * prints the builder's log with elapsed times, to see where a build spends them.
 */
public final class BuildBenchmark {
  private BuildBenchmark() {}

  public static void main(String[] args) throws Exception {
    BuildOptions options = BuildOptions.parse(args);
    Path work =
        options.work() != null ? options.work() : BenchPaths.dataDirectory().resolve("build");
    Files.createDirectories(work);
    System.out.printf(
        Locale.ROOT,
        "datajar build benchmark: %,d rows + %,d parents, %d run(s),"
            + " variants=%s, work %s%n%s%n",
        options.rows(),
        options.parents(),
        options.runs(),
        options.only(),
        work,
        Machine.describe());

    long start = System.nanoTime();
    BenchSources sources =
        new BenchSources(work.resolve("sources"), options.rows(), options.parents())
            .ensureGenerated();
    System.out.printf(
        Locale.ROOT,
        "sources ready in %.1f s: %s (%.1f MB)%n",
        (System.nanoTime() - start) / 1e9,
        sources.itemCsv(),
        BenchPaths.megabytes(sources.itemCsv()));

    List<RunResult> baseline = new ArrayList<>();
    List<RunResult> builder = new ArrayList<>();
    BuilderRun builderRun = options.runsBuilder() ? new BuilderRun(work) : null;
    String builderMissing = null;
    for (int round = 0; round < options.runs(); round++) {
      boolean baselineFirst = round % 2 == 0;
      for (int slot = 0; slot < 2; slot++) {
        boolean isBaseline = (slot == 0) == baselineFirst;
        if (isBaseline && options.runsBaseline()) {
          baseline.add(runBaseline(sources, work.resolve("baseline.sqlite"), round));
        } else if (!isBaseline && builderRun != null && builderMissing == null) {
          try {
            builder.add(
                runBuilder(
                    builderRun,
                    sources,
                    work.resolve("builder-out"),
                    round,
                    options.verbose() ? new TimedLog() : BuildLog.SILENT));
          } catch (IllegalStateException | UnsupportedOperationException e) {
            builderMissing = e.toString();
            System.out.println("builder: not available yet: " + builderMissing);
          }
        }
      }
    }
    Report.print(sources, baseline, builder, builderMissing);
  }

  private static RunResult runBaseline(BenchSources sources, Path file, int round)
      throws Exception {
    RunMeter.reset();
    long cpu0 = RunMeter.processCpuNanos();
    long t0 = System.nanoTime();
    long rows = JdbcBaseline.load(sources, file);
    long nanos = System.nanoTime() - t0;
    long cpuNanos = RunMeter.processCpuNanos() - cpu0;
    RunResult r =
        new RunResult(
            "baseline",
            round,
            rows,
            nanos,
            cpuNanos,
            Files.size(file),
            RunMeter.peakHeapMegabytes(),
            Machine.loadAverage());
    System.out.println(r);
    return r;
  }

  private static RunResult runBuilder(
      BuilderRun run, BenchSources sources, Path out, int round, BuildLog log) throws Exception {
    RunMeter.reset();
    long cpu0 = RunMeter.processCpuNanos();
    long t0 = System.nanoTime();
    BuildResult.DataSetResult result = run.build(sources, out, log);
    long nanos = System.nanoTime() - t0;
    long cpuNanos = RunMeter.processCpuNanos() - cpu0;
    RunResult r =
        new RunResult(
            "builder",
            round,
            result.rows(),
            nanos,
            cpuNanos,
            result.bytes(),
            RunMeter.peakHeapMegabytes(),
            Machine.loadAverage());
    System.out.println(r);
    return r;
  }
}
