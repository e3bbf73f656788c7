package dev.datajar.builder;

import dev.datajar.builder.internal.DataSetJob;

/**
 * Main entry point: builds every dataset a module declares into read-only SQLite files with
 * manifests.
 *
 * <p>For each {@code @DataSet} name found among the module's entities: creates the schema from the
 * entities through Hibernate's SQLite dialect, loads the source files in foreign-key order, checks
 * every relationship and constraint, builds indexes, runs {@code ANALYZE} and {@code VACUUM}, and
 * moves the file and its manifest into place atomically. A failed build leaves the previous
 * artifacts as they were.
 *
 * <pre>{@code
 * BuildResult result = new DataSetBuilder().build(BuildRequest.builder()
 *     .classesDirectory(Path.of("target/classes"))
 *     .classLoader(loader)
 *     .sourceDirectory(Path.of("src/main/datasets"))
 *     .outputDirectory(Path.of("target/classes/META-INF/datasets"))
 *     .workDirectory(Path.of("target/datajar"))
 *     .build());
 * }</pre>
 *
 * <p>Stateless and thread-safe; separate builds may run at once if their output directories differ.
 */
public final class DataSetBuilder {

  /**
   * Builds the datasets the request names (or all).
   *
   * @throws DataSetBuildException for problems in the data, entities or configuration; the message
   *     is complete and names where
   * @throws java.io.UncheckedIOException if a file cannot be read or written (not a problem in the
   *     data: the cause says what the file system refused)
   * @throws IllegalStateException if SQLite fails for a reason other than the data
   */
  public BuildResult build(BuildRequest request) throws DataSetBuildException {
    return new BuildResult(DataSetJob.buildAll(request));
  }
}
