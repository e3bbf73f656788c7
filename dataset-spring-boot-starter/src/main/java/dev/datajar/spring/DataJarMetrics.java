package dev.datajar.spring;

import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.StoreObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of store calls, per dataset, entity and {@link dev.datajar.runtime.Store}
 * method:
 *
 * <ul>
 *   <li>{@code datajar.store.calls}: a timer (count, total time, max) tagged {@code dataset},
 *       {@code entity} (class name), {@code operation} ({@code get}, {@code search}, ...) and
 *       {@code outcome} ({@code success} or {@code error});
 *   <li>{@code datajar.store.errors}: a counter of failed calls, tagged as above with {@code
 *       exception} (the simple class name) instead of {@code outcome};
 *   <li>{@code datajar.store.cache}: counters of the lookups by id ({@code get}, {@code getAll},
 *       to-ones) that the entity's row cache answered, tagged {@code dataset}, {@code entity} and
 *       {@code result} ({@code hit} or {@code miss}); see {@link StoreObserver.RowCache}.
 * </ul>
 *
 * <p>Stores can be made before Spring Boot binds this to its registry: the meters live in a
 * composite registry of their own, which each registry given to {@link #bindTo} joins. The meters
 * of a store are looked up once per operation and outcome, not on every call. Plain Java: pass one
 * to {@code DataSets.builder().observer(...)} and call {@link #bindTo} with a registry.
 */
public class DataJarMetrics implements StoreObserver, MeterBinder {
  static final String CALLS = "datajar.store.calls";
  static final String ERRORS = "datajar.store.errors";
  static final String CACHE = "datajar.store.cache";

  /** The operations {@link StoreObserver.Calls#record} names, in a fixed order. */
  private static final List<String> OPERATIONS =
      List.of("get", "getAll", "search", "first", "one", "count", "stream", "query", "sql");

  private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
  private final Map<MeterRegistry, Boolean> bound = new ConcurrentHashMap<>();

  @Override
  public void bindTo(MeterRegistry registry) {
    if (bound.putIfAbsent(registry, Boolean.TRUE) == null) {
      meters.add(registry);
    }
  }

  @Override
  public Calls calls(String dataSet, Class<?> entityType) {
    return new StoreMeters(meters, tags(dataSet, entityType));
  }

  /**
   * Registers the two {@code datajar.store.cache} counters of one entity's row cache, read from
   * {@code counts} when the registry publishes: nothing is done per lookup here (the runtime adds
   * to its own counters). The meters hold {@code counts} weakly, as Micrometer does; the {@link
   * DataSets} holds it while open.
   */
  @Override
  public void rowCache(String dataSet, Class<?> entityType, RowCache counts) {
    Tags tags = tags(dataSet, entityType);
    FunctionCounter.builder(CACHE, counts, c -> c.hits())
        .description("Lookups by id answered by a datajar row cache")
        .tags(tags)
        .tag("result", "hit")
        .register(meters);
    FunctionCounter.builder(CACHE, counts, c -> c.misses())
        .description("Lookups by id that read the row, missing a datajar row cache")
        .tags(tags)
        .tag("result", "miss")
        .register(meters);
  }

  private static Tags tags(String dataSet, Class<?> entityType) {
    return Tags.of("dataset", dataSet, "entity", entityType.getName());
  }

  /** The meters of one entity's stores, made on first use. */
  private static final class StoreMeters implements Calls {
    private final MeterRegistry registry;
    private final Tags tags;

    /** Per operation: the timer of successes, then of errors; filled on first use. */
    private final Timer[] timers = new Timer[OPERATIONS.size() * 2];

    StoreMeters(MeterRegistry registry, Tags tags) {
      this.registry = registry;
      this.tags = tags;
    }

    @Override
    public void record(String operation, long nanos, Throwable failure) {
      int op = OPERATIONS.indexOf(operation);
      if (op < 0) {
        return; // an operation of a later runtime: not ours to name
      }
      int slot = op * 2 + (failure == null ? 0 : 1);
      Timer t = timers[slot];
      if (t == null) {
        // Racing threads register the same meter: the registry returns one instance for an id.
        t =
            Timer.builder(CALLS)
                .description("Calls of datajar stores")
                .tags(tags)
                .tag("operation", operation)
                .tag("outcome", failure == null ? "success" : "error")
                .register(registry);
        timers[slot] = t;
      }
      t.record(nanos, TimeUnit.NANOSECONDS);
      if (failure != null) {
        Counter.builder(ERRORS)
            .description("Failed calls of datajar stores")
            .tags(tags)
            .tag("operation", operation)
            .tag("exception", failure.getClass().getSimpleName())
            .register(registry)
            .increment();
      }
    }
  }
}
