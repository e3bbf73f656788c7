package dev.datajar.benchmarks.read;

import dev.datajar.benchmarks.build.BuilderRun;
import dev.datajar.benchmarks.data.BenchPaths;
import dev.datajar.benchmarks.data.BenchSources;
import dev.datajar.benchmarks.data.CodeStamp;
import dev.datajar.builder.BuildLog;
import dev.datajar.builder.DataSetBuildException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The 1,000,000-row {@code bench} dataset that the read-path benchmarks query, built once by the
 * datajar builder and cached under {@code target/bench-data/read-<rows>/} (built again when the
 * datajar code changed: {@link CodeStamp}).
 *
 * <p>{@code -Ddatajar.bench.sqlite=/path/file.sqlite} uses an existing file instead (for trying the
 * JDBC side on another layout); the official numbers use the builder's file.
 */
public final class ReadDataSet {
  public static final long ROWS = 1_000_000;

  private ReadDataSet() {}

  /** The output folder of the build: {@code bench.sqlite}, its manifest and {@code index}. */
  public static Path outputDirectory(long rows) {
    return BenchPaths.dataDirectory().resolve("read-" + rows).resolve("out");
  }

  /** The dataset file with {@code rows} items, building it first if needed. */
  public static synchronized Path ensure(long rows) throws DataSetBuildException {
    String override = System.getProperty("datajar.bench.sqlite");
    if (override != null && !override.isBlank()) {
      return Path.of(override).toAbsolutePath();
    }
    Path out = outputDirectory(rows);
    Path file = out.resolve("bench.sqlite");
    Path work = out.getParent();
    // Built by other datajar code (before a change of the builder or the runtime): build again.
    if (Files.exists(file)
        && Files.exists(out.resolve("bench.manifest.json"))
        && CodeStamp.matches(work)) {
      return file;
    }
    BenchSources sources =
        new BenchSources(work.resolve("sources"), rows, BenchSources.DEFAULT_PARENTS)
            .ensureGenerated();
    new BuilderRun(work).build(sources, out, BuildLog.SILENT);
    CodeStamp.write(work);
    return file;
  }

  public static Path ensure() throws DataSetBuildException {
    return ensure(ROWS);
  }
}
