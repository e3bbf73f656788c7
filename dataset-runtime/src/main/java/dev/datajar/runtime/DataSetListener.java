package dev.datajar.runtime;

import java.util.Optional;

/**
 * Told when a {@link DataSets} takes a new version of a dataset ({@link DataSets#reload(String)},
 * or a followed file that changed) and when it refuses one. Register with {@link
 * DataSets#addListener}. Called on the thread that reloads (the caller of {@code reload}, or the
 * {@code datajar-follow} thread), after the switch or refusal; a listener that throws is logged and
 * does not change the outcome. Keep it short: the next reload of the same dataset waits for it.
 *
 * <pre>{@code
 * dataSets.addListener(new DataSetListener() {
 *   @Override
 *   public void switched(String name, DataSetInfo old, DataSetInfo now, Changes changes) {
 *     changes.get().ifPresent(c -> c.tables().stream()
 *         .filter(DataSetChanges.TableChanges::hasChanges)
 *         .forEach(t -> log.info("{}.{}: {} added, {} removed, {} changed",
 *             name, t.table(), t.added(), t.removed(), t.changed())));
 *   }
 * });
 * }</pre>
 */
public interface DataSetListener {
  /**
   * The dataset {@code name} now serves {@code now}; calls in flight on {@code old} finish on it.
   *
   * @param old the version served until now
   * @param now the version served from now on
   */
  default void switched(String name, DataSetInfo old, DataSetInfo now) {}

  /**
   * The dataset {@code name} now serves {@code now}, and {@code changes} can tell what changed: the
   * method {@link DataSets} calls. Override it to read the changes; the default calls {@link
   * #switched(String, DataSetInfo, DataSetInfo)}, so a listener that overrides only that one is
   * told as before (and no comparison runs for it).
   *
   * @param old the version served until now
   * @param now the version served from now on
   * @param changes what changed between the two, computed only if asked for ({@link
   *     Changes#get()}), while this call runs
   */
  default void switched(String name, DataSetInfo old, DataSetInfo now, Changes changes) {
    switched(name, old, now);
  }

  /**
   * A new version of dataset {@code name} was refused: {@code serving} is still served.
   *
   * @param serving the version still served
   * @param reason why the new version was refused, as logged (names the file and the check)
   */
  default void refused(String name, DataSetInfo serving, String reason) {}

  /**
   * What changed on a switch, computed on demand: the switch itself never waits for a comparison.
   * One instance per switch, shared by every listener told of it, so the comparison runs at most
   * once however many listeners ask. Thread-safe.
   */
  interface Changes {
    /**
     * What changed between the old version and the new one ({@link DataSetChanges}: schema changes,
     * and per table the rows added, removed and changed).
     *
     * <p>The first call compares the two files, on the calling thread (the reloading thread, while
     * listeners are told): it reads both files through, about 5 s of CPU for a table of a million
     * rows, in constant memory; later calls return the same result. Both versions are held open
     * until every listener has returned, so a call in a listener always finds them; a call after
     * that gets the result if a listener had asked for it, else an empty one.
     *
     * @return the changes, or empty when they are not available ({@link #unavailable()} says why):
     *     a dataset read from PostgreSQL (only SQLite files are compared), a call after the
     *     listeners returned, or a comparison that failed (logged)
     */
    Optional<DataSetChanges> get();

    /**
     * Why {@link #get()} is empty, or {@code null} while it is not known to be (not asked yet) or
     * it is not empty.
     */
    String unavailable();
  }
}
