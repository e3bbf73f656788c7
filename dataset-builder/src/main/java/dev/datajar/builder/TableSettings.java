package dev.datajar.builder;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Overrides for where and how one table's rows are read, for when the convention
 * ({@code <sourceDirectory>/<dataset>/<table>.csv|.json|.jsonl}) is not enough.
 *
 * @param dataSet the dataset the table belongs to
 * @param table the table, as Hibernate names it
 * @param file the source file; relative paths resolve against the dataset's source folder;
 *     {@code null} keeps the convention
 * @param format {@code csv}, {@code json} or {@code jsonl}; {@code null} takes it from the file
 *     name's extension
 * @param jsonPointer for JSON, an RFC 6901 pointer to the array of rows inside the document
 *     (e.g. {@code /3166-1}); {@code null} or empty means the document is the array
 * @param defaults column (or attribute) name to the text of its default value, used where a row
 *     has no value for it (a source without a {@code country} column
 *     can give every row {@code country = NL})
 */
public record TableSettings(
    String dataSet, String table, Path file, String format, String jsonPointer,
    Map<String, String> defaults) {
  public TableSettings {
    Objects.requireNonNull(dataSet, "dataSet");
    Objects.requireNonNull(table, "table");
    defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
  }
}
