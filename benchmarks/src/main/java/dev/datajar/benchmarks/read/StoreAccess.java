package dev.datajar.benchmarks.read;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.datajar.benchmarks.model.Item;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The {@code Store<Item>} side of the read benchmarks, opened the way a service would: a Guice
 * injector with {@link DataSetModule}, then the injected {@code Store<Item>}. Kept in one place so
 * the JMH classes and the child-JVM probes open the runtime the same way.
 */
final class StoreAccess implements AutoCloseable {
  private static final Key<Store<Item>> ITEMS = Key.get(new TypeLiteral<Store<Item>>() {});

  private final Injector injector;
  private final Store<Item> items;

  private StoreAccess(DataSetModule module) {
    injector = Guice.createInjector(module);
    items = injector.getInstance(ITEMS);
  }

  /** The dataset read in place from {@code file} (its manifest beside it). */
  static StoreAccess open(Path file) {
    return new StoreAccess(DataSetModule.builder().dataSets("bench").path("bench", file).build());
  }

  /**
   * As {@link #open}, with an observer that times no call but has the row caches count their hits
   * and misses (what the Spring Boot starter's meters read): the counting's own cost.
   */
  static StoreAccess openCounted(Path file) {
    return new StoreAccess(
        DataSetModule.builder()
            .dataSets("bench")
            .path("bench", file)
            .observer((dataSet, entity) -> null)
            .build());
  }

  /** The dataset found on the class path (a dataset jar), copied into {@code cacheDir}. */
  static StoreAccess openFromClasspath(Path cacheDir) {
    return new StoreAccess(
        DataSetModule.builder().dataSets("bench").cacheDirectory(cacheDir).build());
  }

  Optional<Item> get(long id) {
    return items.get(id);
  }

  /** Items of one parent: a search on the indexed foreign key. */
  List<Item> byParent(long parentId) {
    return items.search(Query.where(Where.eq("parent.id", parentId)));
  }

  /** Every item through {@code Store.stream()}; returns the count. */
  long streamAll(Consumer<Item> sink) {
    long[] count = {0};
    try (Stream<Item> all = items.stream()) {
      all.forEach(
          item -> {
            sink.accept(item);
            count[0]++;
          });
    }
    return count[0];
  }

  @Override
  public void close() {
    injector.getInstance(DataSets.class).close();
  }
}
