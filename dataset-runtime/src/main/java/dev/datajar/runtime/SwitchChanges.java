package dev.datajar.runtime;

import dev.datajar.runtime.internal.diff.FileComparison;
import dev.datajar.runtime.internal.open.Settings;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The {@link DataSetListener.Changes} of one switch: compares the two versions' files on the first
 * {@link #get()}, while {@link DataSets#reload} holds both versions open, and remembers the result
 * (or why there is none). {@link #close()}d once every listener has returned, before the old
 * version is let go. Thread-safe.
 */
final class SwitchChanges implements DataSetListener.Changes {
  private static final System.Logger LOG = System.getLogger(SwitchChanges.class.getName());

  private final String dataSet;
  private final Path before;
  private final Path after;
  private final boolean beforeInPlace;
  private boolean done;
  private DataSetChanges changes;
  private String unavailable;

  /**
   * @param before the file of the version switched from, {@code null} if it is not a SQLite file
   * @param after the file of the version switched to, likewise
   * @param beforeInPlace the version switched from read the file's own name in place (no private
   *     link could be made), whose content is now the new version's
   */
  SwitchChanges(String dataSet, Path before, Path after, boolean beforeInPlace) {
    this.dataSet = dataSet;
    this.before = before;
    this.after = after;
    this.beforeInPlace = beforeInPlace;
  }

  @Override
  public synchronized Optional<DataSetChanges> get() {
    if (!done) {
      done = true;
      compare();
    }
    return Optional.ofNullable(changes);
  }

  private void compare() {
    if (before == null || after == null) {
      unavailable =
          "dataset '"
              + dataSet
              + "' is not read from a SQLite file: what changed is only compared between two"
              + " SQLite files";
      return;
    }
    if (beforeInPlace) {
      unavailable =
          "dataset '"
              + dataSet
              + "': the version switched from was read in place from "
              + before
              + ", which now holds the new version, so there is nothing left to compare with."
              + " Each version keeps its own bytes when the cache directory (-D"
              + Settings.CACHE_PROPERTY
              + ") is on the file's file system, or when the file is followed";
      return;
    }
    try {
      changes = FileComparison.compare(before, after, 0);
    } catch (SQLException | FileComparison.Incomparable | RuntimeException e) {
      unavailable =
          "dataset '" + dataSet + "': comparing " + before + " with " + after + " failed: " + e;
      LOG.log(System.Logger.Level.WARNING, unavailable, e);
    }
  }

  @Override
  public synchronized String unavailable() {
    return unavailable;
  }

  /** The listeners have returned: the files may go, and a later first {@link #get()} is empty. */
  synchronized void close() {
    if (!done) {
      done = true;
      unavailable =
          "dataset '"
              + dataSet
              + "': the changes were asked for after the listeners had returned; both versions are"
              + " only held while listeners are told (call get() within switched(...))";
    }
  }
}
