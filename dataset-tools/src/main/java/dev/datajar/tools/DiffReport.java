package dev.datajar.tools;

import dev.datajar.tools.internal.DiffJson;
import dev.datajar.tools.internal.DiffRender;
import java.util.List;

/**
 * What changed between two versions of a dataset: schema changes, and per table the rows added,
 * removed and changed by primary key, with the first few changed values.
 *
 * <p>Totals are exact; the listed rows are capped ({@link #cap()} per table and kind). Values are
 * shown as stored in the file ({@code NULL}, numbers, quoted text, {@code x'…'} for bytes).
 * Immutable.
 *
 * @param name the dataset
 * @param oldSource the earlier version (path or coordinates)
 * @param newSource the later version
 * @param schemaChanges tables, columns, types, keys and indexes added, removed or changed
 * @param tables every table of either version, by name
 * @param cap how many rows of each kind are listed per table
 */
public record DiffReport(
    String name,
    String oldSource,
    String newSource,
    List<SchemaChange> schemaChanges,
    List<TableChanges> tables,
    int cap) {

  public DiffReport {
    schemaChanges = List.copyOf(schemaChanges);
    tables = List.copyOf(tables);
  }

  /** A change to the schema. */
  public record SchemaChange(Kind kind, String table, String detail) {
    public enum Kind {
      TABLE_ADDED,
      TABLE_REMOVED,
      COLUMN_ADDED,
      COLUMN_REMOVED,
      COLUMN_CHANGED,
      KEY_CHANGED,
      INDEX_ADDED,
      INDEX_REMOVED,
      INDEX_CHANGED
    }
  }

  /**
   * The row changes of one table.
   *
   * @param oldRows rows before ({@code 0} if the table is new)
   * @param newRows rows after ({@code 0} if it was removed)
   * @param key the columns rows were matched by
   * @param compared false if rows could not be matched (the key changed); counts are then 0
   * @param changedColumns per column, how many rows changed in it
   */
  public record TableChanges(
      String table,
      long oldRows,
      long newRows,
      List<String> key,
      boolean compared,
      long added,
      long removed,
      long changed,
      List<ColumnCount> changedColumns,
      List<Row> addedRows,
      List<Row> removedRows,
      List<Row> changedRows) {

    public boolean hasChanges() {
      return added + removed + changed > 0 || oldRows != newRows || !compared;
    }
  }

  public record ColumnCount(String column, long rows) {}

  /**
   * One listed row: its key values, and for a changed row the columns that changed; for an added or
   * removed row, its other values as {@code values}.
   */
  public record Row(List<String> key, List<Value> values) {}

  /** A column's value; {@code before} is {@code null} for added and removed rows. */
  public record Value(String column, String before, String after) {}

  /** True if nothing differs, schema or rows. */
  public boolean identical() {
    return schemaChanges.isEmpty() && tables.stream().noneMatch(TableChanges::hasChanges);
  }

  public long added() {
    return tables.stream().mapToLong(TableChanges::added).sum();
  }

  public long removed() {
    return tables.stream().mapToLong(TableChanges::removed).sum();
  }

  public long changed() {
    return tables.stream().mapToLong(TableChanges::changed).sum();
  }

  /** A few lines for a terminal or a build log. */
  public String toText() {
    return DiffRender.text(this);
  }

  /** Markdown fit for release notes. */
  public String toMarkdown() {
    return DiffRender.markdown(this);
  }

  /** JSON, two-space indented, ending with a newline. */
  public String toJson() {
    return DiffJson.write(this);
  }

  /** One line per table with changes, and schema changes: what a failing guard shows. */
  public String summary() {
    return DiffRender.summary(this);
  }
}
