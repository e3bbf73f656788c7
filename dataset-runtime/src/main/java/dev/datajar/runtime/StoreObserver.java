package dev.datajar.runtime;

/**
 * Sees every call of every {@link Store} of a {@link DataSets}: what a metrics library needs to
 * count calls, time them and count failures per store. Set with {@link DataSets.Builder#observer}
 * (or {@link DataSetModule.Builder#observer}); the Spring Boot starter sets one that records
 * Micrometer meters when Micrometer is on the class path.
 *
 * <p>Without an observer the stores run exactly as before: nothing is timed or counted. With one,
 * each call reads the clock twice and calls {@link Calls#record} on the caller's thread once the
 * call returned or failed, and each lookup by id counts a hit or a miss of its row cache ({@link
 * #rowCache}).
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

  /**
   * Hands over the live counts of the row cache of {@code entityType} (see {@link RowCache}), once
   * per entity of every dataset, while the {@link DataSets} opens; keep the reference and read it
   * when the counts are wanted (the Spring Boot starter registers the {@code datajar.store.cache}
   * meters on it). The default ignores it.
   *
   * <p>With an observer, each lookup by id adds one to a {@link
   * java.util.concurrent.atomic.LongAdder LongAdder} (no allocation, no lock); without one, nothing
   * is counted.
   *
   * @param dataSet the entity's dataset
   * @param entityType the entity class
   */
  default void rowCache(String dataSet, Class<?> entityType, RowCache counts) {}

  /**
   * How often the row cache of one entity answered a lookup by id: {@code get} and {@code getAll},
   * and the to-one lookups of entities pointing at it. Counts go up for as long as the {@link
   * DataSets} is open, across {@link DataSets#reload reloads} (a new version's cache starts empty,
   * the counts go on). An entity read only through Hibernate (no recorded layout) has no row cache:
   * its counts stay 0. Lookups by query ({@code search}, {@code first}, ...) do not go through the
   * cache and are not counted. Thread-safe.
   */
  interface RowCache {
    /** Lookups answered from the cache: a row, or an id known to have none. */
    long hits();

    /** Lookups that read the row from the file (or the database). */
    long misses();
  }

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
