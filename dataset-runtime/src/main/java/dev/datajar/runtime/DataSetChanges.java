package dev.datajar.runtime;

import java.util.List;
import java.util.Optional;

/**
 * What changed between two versions of a dataset: schema changes, and per table the rows added,
 * removed and changed, matched by primary key. The one comparison of datajar: what a {@link
 * DataSetListener} is told on a switch ({@link DataSetListener.Changes}), and the counts the tools'
 * {@code diff} (command line and Maven goal) report.
 *
 * <p>Counts are exact; the rows listed are the first few of each kind, as many as asked for. A row
 * is changed when its key is in both versions and a value differs as stored (same storage class and
 * the same bytes: {@code 1.5} and {@code 1.50} in a decimal column differ, as do {@code 0.0} and
 * {@code -0.0}). A table without a primary key is matched on all its columns, so its rows can only
 * be added or removed. Immutable.
 *
 * @param schemaChanges tables, columns, types, keys and indexes added, removed or changed
 * @param tables every table of either version, by name
 */
public record DataSetChanges(List<SchemaChange> schemaChanges, List<TableChanges> tables) {

  public DataSetChanges {
    schemaChanges = List.copyOf(schemaChanges);
    tables = List.copyOf(tables);
  }

  /**
   * A change to the schema.
   *
   * @param kind what changed
   * @param table the table it changed in
   * @param detail one line for a person, e.g. {@code column country.area changed from real to
   *     float}
   */
  public record SchemaChange(Kind kind, String table, String detail) {
    /** What changed. */
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
   * @param table the table's name
   * @param rowsBefore rows before ({@code 0} if the table is new)
   * @param rowsAfter rows after ({@code 0} if it was removed)
   * @param key the columns rows were matched by
   * @param compared false if rows could not be matched (the key changed); the three counts are then
   *     0
   * @param added rows whose key only the later version has (every row of a new table)
   * @param removed rows whose key only the earlier version has (every row of a removed table)
   * @param changed rows whose key both have, with at least one value that differs
   * @param changedColumns per column, in column name order, how many rows changed in it
   * @param addedRows the first rows added, by key, as many as the comparison was asked to list (the
   *     tools' {@code diff}: its row cap; a listener's {@link DataSetListener.Changes}: none)
   * @param removedRows the first rows removed, likewise
   * @param changedRows the first rows changed, likewise, with the values that changed
   */
  public record TableChanges(
      String table,
      long rowsBefore,
      long rowsAfter,
      List<String> key,
      boolean compared,
      long added,
      long removed,
      long changed,
      List<ColumnCount> changedColumns,
      List<Row> addedRows,
      List<Row> removedRows,
      List<Row> changedRows) {

    public TableChanges {
      key = List.copyOf(key);
      changedColumns = List.copyOf(changedColumns);
      addedRows = List.copyOf(addedRows);
      removedRows = List.copyOf(removedRows);
      changedRows = List.copyOf(changedRows);
    }

    /** True if a row was added, removed or changed, or the rows could not be compared. */
    public boolean hasChanges() {
      return added + removed + changed > 0 || rowsBefore != rowsAfter || !compared;
    }
  }

  /**
   * How many changed rows of a table changed in one column.
   *
   * @param column the column
   * @param rows the changed rows whose value in it differs
   */
  public record ColumnCount(String column, long rows) {}

  /**
   * One listed row: its key values, and for a changed row the columns that changed; for an added or
   * removed row, its other values. Values are shown as stored ({@code NULL}, numbers, quoted text,
   * {@code x'…'} for bytes).
   *
   * @param key the key's values, in key order
   * @param values the values listed
   */
  public record Row(List<String> key, List<Value> values) {
    public Row {
      key = List.copyOf(key);
      values = List.copyOf(values);
    }
  }

  /**
   * A column's value in a listed row.
   *
   * @param column the column
   * @param before the value before, {@code null} for an added row
   * @param after the value after, {@code null} for a removed row
   */
  public record Value(String column, String before, String after) {}

  /** The changes of {@code table} (matched ignoring case), if either version has it. */
  public Optional<TableChanges> table(String table) {
    return tables.stream().filter(t -> t.table().equalsIgnoreCase(table)).findFirst();
  }

  /** True if nothing differs, schema or rows. */
  public boolean identical() {
    return schemaChanges.isEmpty() && tables.stream().noneMatch(TableChanges::hasChanges);
  }

  /** Rows added, in every table. */
  public long added() {
    return tables.stream().mapToLong(TableChanges::added).sum();
  }

  /** Rows removed, in every table. */
  public long removed() {
    return tables.stream().mapToLong(TableChanges::removed).sum();
  }

  /** Rows changed, in every table. */
  public long changed() {
    return tables.stream().mapToLong(TableChanges::changed).sum();
  }
}
