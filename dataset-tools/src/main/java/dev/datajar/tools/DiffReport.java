package dev.datajar.tools;

import dev.datajar.runtime.DataSetChanges;
import dev.datajar.tools.internal.DiffJson;
import dev.datajar.tools.internal.DiffRender;
import java.util.List;

/**
 * What changed between two versions of a dataset, for a person: the {@link DataSetChanges} of the
 * runtime's comparison (the one a {@code DataSetListener} is told on a switch), with per table the
 * first few rows added, removed and changed and their values, and where the two versions came from.
 *
 * <p>Totals are exact; the listed rows are capped ({@link #cap()} per table and kind). Values are
 * shown as stored in the file ({@code NULL}, numbers, quoted text, {@code x'…'} for bytes).
 * Immutable.
 *
 * @param name the dataset
 * @param oldSource the earlier version (path or coordinates)
 * @param newSource the later version
 * @param changes schema changes, and per table the rows added, removed and changed, the first
 *     {@code cap} of each kind listed
 * @param cap how many rows of each kind are listed per table
 */
public record DiffReport(
    String name, String oldSource, String newSource, DataSetChanges changes, int cap) {

  /** Tables, columns, types, keys and indexes added, removed or changed. */
  public List<DataSetChanges.SchemaChange> schemaChanges() {
    return changes.schemaChanges();
  }

  /** Every table of either version, by name, with its counts and listed rows. */
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
