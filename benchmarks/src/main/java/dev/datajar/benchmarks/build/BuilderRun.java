package dev.datajar.benchmarks.build;

import dev.datajar.benchmarks.data.BenchPaths;
import dev.datajar.benchmarks.data.BenchSources;
import dev.datajar.benchmarks.model.BenchData;
import dev.datajar.benchmarks.model.Item;
import dev.datajar.benchmarks.model.Parent;
import dev.datajar.builder.BuildLog;
import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.BuildResult;
import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.DataSetBuilder;
import dev.datajar.builder.PostgresTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Runs the datajar builder on the {@code bench} sources, as the Maven plugin would.
 *
 * <p>The builder scans a classes directory for entities. This harness may run from a shaded jar, so
 * it writes the three model classes into a folder of their own under the work directory; they are
 * loaded through the harness's own class loader as usual.
 */
public final class BuilderRun {
  private static final List<Class<?>> MODEL = List.of(BenchData.class, Parent.class, Item.class);

  private final Path workDirectory;
  private final Path classesDirectory;

  public BuilderRun(Path workDirectory) {
    this.workDirectory = workDirectory;
    this.classesDirectory = workDirectory.resolve("classes");
    writeModelClasses();
  }

  /** Builds the dataset into {@code outputDirectory} (emptied first); force skips up-to-date. */
  public BuildResult.DataSetResult build(BenchSources sources, Path outputDirectory, BuildLog log)
      throws DataSetBuildException {
    return build(sources, outputDirectory, log, null);
  }

  /**
   * As {@link #build(BenchSources, Path, BuildLog)}, into PostgreSQL when {@code target} is set.
   */
  public BuildResult.DataSetResult build(
      BenchSources sources, Path outputDirectory, BuildLog log, PostgresTarget target)
      throws DataSetBuildException {
    BenchPaths.deleteTree(outputDirectory);
    BuildResult result =
        new DataSetBuilder()
            .build(
                BuildRequest.builder()
                    .classesDirectory(classesDirectory)
                    .classLoader(BuilderRun.class.getClassLoader())
                    .sourceDirectory(sources.sourceDirectory())
                    .outputDirectory(outputDirectory)
                    .workDirectory(workDirectory.resolve("builder-work"))
                    .dataSets(Set.of("bench"))
                    .force(true)
                    .log(log)
                    .postgres(target)
                    .build());
    return result.dataSets().get(0);
  }

  private void writeModelClasses() {
    try {
      for (Class<?> type : MODEL) {
        String resource = type.getName().replace('.', '/') + ".class";
        Path target = classesDirectory.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = BuilderRun.class.getClassLoader().getResourceAsStream(resource)) {
          Files.write(target, in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
