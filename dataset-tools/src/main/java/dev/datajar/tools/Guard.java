package dev.datajar.tools;

import dev.datajar.runtime.DataSetChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A release check over a {@link DiffReport}: refuses a new version that removes or changes more
 * than a share of any table's previous rows, or drops a column or a table, so that a truncated
 * source file cannot ship silently.
 *
 * <p>The share is checked per table, not over the whole dataset, so a small table emptied by
 * mistake is caught even next to a large one.
 *
 * @param maxChangedShare largest allowed (removed + changed) / previous rows of a table, 0 to 1
 * @param allowDroppedColumns whether removing a column (or a table) is allowed
 */
public record Guard(double maxChangedShare, boolean allowDroppedColumns) {

  public Guard {
    if (!(maxChangedShare >= 0 && maxChangedShare <= 1)) {
      throw new IllegalArgumentException(
          "the guard's share of changed rows must be between 0"
              + " and 1 (0.1 = 10%), got "
              + maxChangedShare);
    }
  }

  /**
   * Why {@code diff} fails the guard (one line per reason), or empty if it passes; the advice names
   * the Maven goal's properties.
   */
  public Optional<String> check(DiffReport diff) {
    return check(diff, "dataset.guard.maxChangedShare", "dataset.guard.allowDroppedColumns");
  }

  /**
   * As {@link #check(DiffReport)}, with the advice naming the settings the caller has for the limit
   * and for dropped columns (the command line's options, say).
   */
  public Optional<String> check(DiffReport diff, String limitSetting, String droppedSetting) {
    List<String> reasons = new ArrayList<>();
    for (DataSetChanges.SchemaChange c : diff.schemaChanges()) {
      boolean dropped =
          c.kind() == DataSetChanges.SchemaChange.Kind.COLUMN_REMOVED
              || c.kind() == DataSetChanges.SchemaChange.Kind.TABLE_REMOVED;
      if (dropped && !allowDroppedColumns) {
        reasons.add(c.detail());
      }
    }
    for (DataSetChanges.TableChanges t : diff.tables()) {
      if (t.rowsBefore() == 0 || !t.compared()) {
        continue;
      }
      double share = (double) (t.removed() + t.changed()) / t.rowsBefore();
      if (share > maxChangedShare) {
        reasons.add(
            String.format(
                Locale.ROOT,
                "table %s: %,d of %,d previous rows removed or"
                    + " changed (%.1f%%, more than the %.1f%% allowed)",
                t.table(),
                t.removed() + t.changed(),
                t.rowsBefore(),
                share * 100,
                maxChangedShare * 100));
      }
    }
    if (reasons.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "dataset '"
            + diff.name()
            + "' changed more than the release guard allows"
            + " against "
            + diff.oldSource()
            + ":\n  "
            + String.join("\n  ", reasons)
            + "\nIf the change is intended, raise the limit ("
            + limitSetting
            + ") or allow dropped columns ("
            + droppedSetting
            + "). The diff:\n"
            + diff.summary());
  }
}
