package dev.datajar.spring;

import dev.datajar.runtime.StoreObserver;
import io.micrometer.core.instrument.Counter;
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
 *       exception} (the simple class name) instead of {@code outcome}.
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
    return new StoreMeters(meters, Tags.of("dataset", dataSet, "entity", entityType.getName()));
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
