package dev.datajar.tools;

import dev.datajar.runtime.internal.diff.FileComparison;
import java.sql.SQLException;

/**
 * Compares two versions of a dataset: schema changes, and per table the rows added, removed and
 * changed, matched by primary key.
 *
 * <p>The comparison is the runtime's, the one whose counts a {@code DataSetListener} is told on a
 * switch ({@link dev.datajar.runtime.DataSetChanges}): both files are attached to one read-only
 * SQLite connection and SQLite matches the rows through the key indexes, so memory stays constant;
 * only the first {@code cap} rows of each kind per table are kept for the report. Needs no entity
 * classes. Stateless and thread-safe.
 *
 * <pre>{@code
 * try (DataSetInput before = DataSetInput.open(oldJar, null, null, "1.3.0");
 *     DataSetInput after = DataSetInput.open(newJar, null, null, "1.4.0")) {
 *   System.out.print(new Differ().diff(before, after, 20).toMarkdown());
 * }
 * }</pre>
 */
public final class Differ {

  /**
   * Compares {@code before} with {@code after}.
   *
   * @param cap how many rows of each kind (added, removed, changed) to list per table
   * @throws ToolException if the two are different datasets or different storage formats
   */
  public DiffReport diff(DataSetInput before, DataSetInput after, int cap) throws ToolException {
    if (!before.name().equals(after.name())) {
      throw new ToolException(
          "cannot compare dataset '"
              + before.name()
              + "' ("
              + before.label()
              + ") with dataset '"
              + after.name()
              + "' ("
              + after.label()
              + "): expected two"
              + " versions of the same dataset");
    }
    try {
      return new DiffReport(
          after.name(),
          before.label(),
          after.label(),
          FileComparison.compare(before.file(), after.file(), cap),
          cap);
    } catch (FileComparison.Incomparable e) {
      throw new ToolException(
          "cannot compare "
              + before.label()
              + " (storage format "
              + e.before()
              + ") with "
              + after.label()
              + " (storage format "
              + e.after()
              + "):"
              + " rows are stored differently. Expected two versions built with the same storage"
              + " format; rebuild the older one with the current datajar");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "comparing " + before + " with " + after + " failed: " + e, e);
    }
  }
}
