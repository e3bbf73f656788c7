package dev.datajar.tools;

import dev.datajar.runtime.DataSetChanges;
import dev.datajar.tools.internal.DiffJson;
import dev.datajar.tools.internal.DiffRender;
import java.util.List;

/**
 * What changed between two versions of a dataset, for a person: the counts of {@link
 * DataSetChanges} (the runtime's comparison, the one a {@code DataSetListener} is told on a
 * switch), where the two versions came from, and per table the first few rows added, removed and
 * changed with their values.
 *
 * <p>Totals are exact; the listed rows are capped ({@link #cap()} per table and kind). Values are
 * shown as stored in the file ({@code NULL}, numbers, quoted text, {@code x'…'} for bytes).
 * Immutable.
 *
 * @param name the dataset
 * @param oldSource the earlier version (path or coordinates)
 * @param newSource the later version
 * @param changes schema changes, and per table the rows added, removed and changed
 * @param rows per table of {@code changes.tables()}, in the same order, the rows listed
 * @param cap how many rows of each kind are listed per table
 */
public record DiffReport(
    String name,
    String oldSource,
    String newSource,
    DataSetChanges changes,
    List<TableRows> rows,
    int cap) {

  public DiffReport {
    rows = List.copyOf(rows);
  }

  /**
   * The rows listed of one table, up to {@link #cap()} of each kind.
   *
   * @param table the table
   * @param added rows added, by key
   * @param removed rows removed, by key
   * @param changed rows changed, by key, with the values that changed
   */
  public record TableRows(String table, List<Row> added, List<Row> removed, List<Row> changed) {
    public TableRows {
      added = List.copyOf(added);
      removed = List.copyOf(removed);
      changed = List.copyOf(changed);
    }

    /** True if no row is listed. */
    public boolean isEmpty() {
      return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
  }

  /**
   * One listed row: its key values, and for a changed row the columns that changed; for an added or
   * removed row, its other values as {@code values}.
   */
  public record Row(List<String> key, List<Value> values) {}

  /** A column's value; {@code before} is {@code null} for added and removed rows. */
  public record Value(String column, String before, String after) {}

  /** Tables, columns, types, keys and indexes added, removed or changed. */
  public List<DataSetChanges.SchemaChange> schemaChanges() {
    return changes.schemaChanges();
  }

  /** Every table of either version, by name, with its counts. */
  public List<DataSetChanges.TableChanges> tables() {
    return changes.tables();
  }

  /** True if nothing differs, schema or rows. */
  public boolean identical() {
    return changes.identical();
  }

  public long added() {
    return changes.added();
  }

  public long removed() {
    return changes.removed();
  }

  public long changed() {
    return changes.changed();
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
