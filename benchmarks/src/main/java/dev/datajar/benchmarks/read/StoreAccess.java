package dev.datajar.benchmarks.read;

import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * The {@code Store<Item>} side of the read benchmarks, kept in one place so the JMH classes and
 * the probes open the runtime the same way.
 *
 * <p>Pending: the runtime ({@code Store}, {@code DataSetModule}) is not on main yet.
 */
final class StoreAccess {
  private StoreAccess() {}

  static long streamAll(Path file, LongConsumer ids) {
    throw new UnsupportedOperationException("the datajar runtime (Store) is not on main yet");
  }

  /**
   * Creates an injector over the datasets found on the class path (cache directory
   * {@code cacheDir}), looks up item {@code id} and returns its name.
   */
  static String firstResultFromClasspath(Path cacheDir, long id) {
    throw new UnsupportedOperationException("the datajar runtime (Store) is not on main yet");
  }
}
