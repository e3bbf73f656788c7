package dev.datajar.runtime;

/**
 * Told when a {@link DataSets} takes a new version of a dataset ({@link DataSets#reload(String)},
 * or a followed file that changed) and when it refuses one. Register with {@link
 * DataSets#addListener}. Called on the thread that reloads (the caller of {@code reload}, or the
 * {@code datajar-follow} thread), after the switch or refusal; a listener that throws is logged and
 * does not change the outcome. Keep it short: the next reload of the same dataset waits for it.
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
   * A new version of dataset {@code name} was refused: {@code serving} is still served.
   *
   * @param serving the version still served
   * @param reason why the new version was refused, as logged (names the file and the check)
   */
  default void refused(String name, DataSetInfo serving, String reason) {}
}
