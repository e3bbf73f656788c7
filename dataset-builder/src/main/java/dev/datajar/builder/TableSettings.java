package dev.datajar.builder;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Overrides for where and how one table's rows are read, for when the convention ({@code
 * <sourceDirectory>/<dataset>/<table>.csv|.json|.jsonl}, or a folder {@code
 * <sourceDirectory>/<dataset>/<table>/} of such files) is not enough.
 *
 * @param dataSet the dataset the table belongs to
 * @param table the table, as Hibernate names it
 * @param file the source file; relative paths resolve against the dataset's source folder; {@code
 *     null} keeps the convention (or uses {@code files})
 * @param files several source files whose rows together make the table, read in this order;
 *     relative paths resolve as for {@code file}; empty or {@code null} for none. Set either {@code
 *     file} or {@code files}.
 * @param format {@code csv}, {@code json} or {@code jsonl}; {@code null} takes it from each file
 *     name's extension
 * @param jsonPointer for JSON, an RFC 6901 pointer to the array of rows inside the document (e.g.
 *     {@code /3166-1}); {@code null} or empty means the document is the array
 * @param defaults column (or attribute) name to the text of its default value, used where a row has
 *     no value for it (a source without a {@code country} column can give every row {@code country
 *     = NL})
 * @param maxFieldSize the longest CSV field, in characters, that may be read; {@code null} for the
 *     default of 16,777,216
 */
public record TableSettings(
    String dataSet,
    String table,
    Path file,
    List<Path> files,
    String format,
    String jsonPointer,
    Map<String, String> defaults,
    Integer maxFieldSize) {
  public TableSettings {
    Objects.requireNonNull(dataSet, "dataSet");
    Objects.requireNonNull(table, "table");
    files = files == null ? List.of() : List.copyOf(files);
    defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
  }

  /** Settings with at most one file and the default field size limit. */
  public TableSettings(
      String dataSet,
      String table,
      Path file,
      String format,
      String jsonPointer,
      Map<String, String> defaults) {
    this(dataSet, table, file, List.of(), format, jsonPointer, defaults, null);
  }
}
