package dev.datajar.tools;

import java.nio.file.Path;
import java.util.List;

/**
 * What a dump wrote.
 *
 * @param dataSet the dataset's name
 * @param directory the dataset's source folder, {@code <output>/src/main/datasets/<name>}
 * @param tables one entry per table written, in the dataset's load order
 */
public record DumpResult(String dataSet, Path directory, List<Table> tables) {
  public DumpResult {
    tables = List.copyOf(tables);
  }

  /** One table's file and its row count. */
  public record Table(String name, Path file, long rows) {}

  public long rows() {
    return tables.stream().mapToLong(Table::rows).sum();
  }
}
