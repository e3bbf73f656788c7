package dev.datajar.runtime.internal.read;

import dev.datajar.runtime.StoreObserver;
import java.util.concurrent.atomic.LongAdder;

/**
 * The hits and misses of one entity's row cache, summed over every version of its dataset served
 * (each new version's mapper counts into the same instance). One {@link LongAdder} increment per
 * lookup: no allocation once its cells exist, no contention between threads. Thread-safe.
 */
public final class RowCacheCounts implements StoreObserver.RowCache {
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  void hit() {
    hits.increment();
  }

  void miss() {
    misses.increment();
  }

  @Override
  public long hits() {
    return hits.sum();
  }

  @Override
  public long misses() {
    return misses.sum();
  }
}
