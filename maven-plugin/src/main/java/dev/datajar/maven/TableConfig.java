package dev.datajar.maven;

import java.util.List;
import java.util.Map;

/**
 * One {@code <table>} element of the build goal's {@code <tables>} parameter: where and how one
 * table's rows are read when the convention is not enough. Mirrors the builder's {@code
 * TableSettings}.
 *
 * <pre>{@code
 * <tables>
 *   <table>
 *     <dataSet>geo</dataSet>
 *     <table>airport</table>
 *     <file>airports-2026.csv</file>          <!-- or <files><file>…</file>…</files> -->
 *     <defaults><country>NL</country></defaults>
 *   </table>
 * </tables>
 * }</pre>
 *
 * <p>Maven fills the fields by name; they stay package-private so that the unit tests can too.
 */
public class TableConfig {
  /** The dataset the table belongs to. Required. */
  String dataSet;

  /** The table, as Hibernate names it. Required. */
  String table;

  /**
   * The source file. Kept as text rather than {@code File} because Maven would resolve a relative
   * {@code File} against the project directory, while the builder resolves it against the dataset's
   * source folder ({@code src/main/datasets/<dataSet>/}).
   */
  String file;

  /**
   * Several source files whose rows together make the table, read in the order listed ({@code
   * <files><file>a.csv</file><file>b.csv</file></files>}); instead of {@code <file>}.
   */
  List<String> files;

  /** {@code csv}, {@code json} or {@code jsonl}; taken from the file's extension when absent. */
  String format;

  /** For JSON: an RFC 6901 pointer to the array of rows inside the document. */
  String jsonPointer;

  /** Column (or attribute) name to the text of the value used where a row has none. */
  Map<String, String> defaults;

  /** The longest CSV field that may be read, in characters; 16777216 when absent. */
  Integer maxFieldSize;

  @Override
  public String toString() {
    return "<table> for dataSet '" + dataSet + "', table '" + table + "'";
  }
}
