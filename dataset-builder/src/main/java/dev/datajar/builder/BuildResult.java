package dev.datajar.builder;

import java.nio.file.Path;
import java.util.List;

/** What a build produced: one entry per dataset, in name order. */
public record BuildResult(List<DataSetResult> dataSets) {
  public BuildResult {
    dataSets = List.copyOf(dataSets);
  }

  /**
   * One dataset's outcome.
   *
   * @param name the dataset
   * @param tables number of tables
   * @param rows rows over all tables
   * @param bytes size of the SQLite file
   * @param millis time spent building it; 0 when it was up to date
   * @param file the SQLite file written (or left in place)
   * @param upToDate true if nothing changed since the last build and the file was kept
   * @param postgresSchema the PostgreSQL schema the dataset was loaded into ({@code file} is then
   *     {@code null}), or {@code null}
   */
  public record DataSetResult(
      String name,
      int tables,
      long rows,
      long bytes,
      long millis,
      Path file,
      boolean upToDate,
      String postgresSchema) {

    /** The outcome of a dataset built into a SQLite file. */
    public DataSetResult(
        String name, int tables, long rows, long bytes, long millis, Path file, boolean upToDate) {
      this(name, tables, rows, bytes, millis, file, upToDate, null);
    }
  }
}
