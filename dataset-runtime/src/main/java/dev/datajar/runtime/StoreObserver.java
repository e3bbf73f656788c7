package dev.datajar.runtime;

/**
 * Sees every call of every {@link Store} of a {@link DataSets}: what a metrics library needs to
 * count calls, time them and count failures per store. Set with {@link DataSets.Builder#observer}
 * (or {@link DataSetModule.Builder#observer}); the Spring Boot starter sets one that records
 * Micrometer meters when Micrometer is on the class path.
 *
 * <p>Without an observer the stores run exactly as before: nothing is timed. With one, each call
 * reads the clock twice and calls {@link Calls#record} on the caller's thread once the call
 * returned or failed.
 */
@FunctionalInterface
public interface StoreObserver {

  /**
   * What records the calls of the stores of {@code entityType}, asked once per entity when its
   * first store is made or attached; {@code null} to leave that entity's calls unobserved.
   *
   * @param dataSet the entity's dataset
   * @param entityType the entity class
   */
  Calls calls(String dataSet, Class<?> entityType);

  /** Records the calls of one entity's stores. Must be thread-safe, fast, and never throw. */
  @FunctionalInterface
  interface Calls {
    /**
     * One call has finished.
     *
     * @param operation the {@link Store} method: {@code get}, {@code getAll}, {@code search},
     *     {@code first}, {@code one}, {@code count}, {@code stream} (opening the stream, not
     *     reading it), {@code query} or {@code sql}
     * @param nanos how long it took
     * @param failure what it threw, or {@code null} if it returned
     */
    void record(String operation, long nanos, Throwable failure);
  }
}
