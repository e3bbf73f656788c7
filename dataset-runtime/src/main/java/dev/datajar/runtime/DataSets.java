package dev.datajar.runtime;

import dev.datajar.runtime.internal.Engine;
import dev.datajar.runtime.internal.EntityReader;
import dev.datajar.runtime.internal.open.EngineOpener;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The opened datasets of a service: the entry point that hands out {@link Store}s, with or without
 * a dependency-injection framework.
 *
 * <pre>{@code
 * try (DataSets dataSets = DataSets.open()) {             // every dataset jar on the class path
 *   Store<Country> countries = dataSets.store(Country.class);
 *   CountryStore byCode = dataSets.attach(new CountryStore());
 *   countries.get("DE").ifPresent(System.out::println);
 * }
 * }</pre>
 *
 * <p>Opening runs every start-up check and fails with a {@link DataSetOpenException} naming the
 * dataset and the file. {@link DataSetModule} binds one instance as an eager singleton, so with
 * Guice this happens while the injector is created; close it when the service stops. After {@link
 * #close()} every store read fails at once. Thread-safe; stores are cheap and may be kept for the
 * life of the instance.
 */
public final class DataSets implements AutoCloseable {
  private final Map<String, Engine> engines;
  private final Map<Class<?>, Engine> byEntity = new HashMap<>();
  private final Map<Class<?>, Store<?>> stores = new ConcurrentHashMap<>();
  private final EngineOpener.Plan plan;
  private final Instant servedSince;
  private final Map<String, DataSetInfo> infos = new ConcurrentHashMap<>();
  private final StoreObserver observer;
  private final Map<Class<?>, EntityReader<?>> observed = new ConcurrentHashMap<>();

  DataSets(Map<String, Engine> engines, EngineOpener.Plan plan, StoreObserver observer) {
    this.engines = Map.copyOf(engines);
    this.plan = plan;
    this.servedSince = Instant.now();
    this.observer = observer;
    for (Engine e : engines.values()) {
      for (Class<?> c : e.entities()) {
        byEntity.put(c, e);
      }
    }
  }

  /** Opens every dataset listed in a {@code META-INF/datasets/index} of the class path. */
  public static DataSets open() {
    return builder().open();
  }

  /** Settings for opening some datasets, or datasets from other places. */
  public static Builder builder() {
    return new Builder();
  }

  /** The names of the opened datasets. */
  public Set<String> names() {
    return engines.keySet();
  }

  /**
   * The SQLite file a dataset is read from: in place, or its copy in the cache directory; {@code
   * null} for a dataset read from PostgreSQL ({@link Builder#jdbc}).
   */
  public Path file(String dataSet) {
    return engine(dataSet).file();
  }

  /**
   * Which version of every opened dataset is served, by name: coordinates, checksum, rows, where
   * from and since when. The first call reads each dataset jar's {@code pom.properties}.
   */
  public List<DataSetInfo> info() {
    List<DataSetInfo> all = new ArrayList<>();
    for (String name : new TreeSet<>(engines.keySet())) {
      all.add(info(name));
    }
    return all;
  }

  /**
   * Which version of {@code dataSet} is served; see {@link DataSetInfo}.
   *
   * @throws IllegalArgumentException if no dataset of that name is open
   */
  public DataSetInfo info(String dataSet) {
    Engine e = engine(dataSet);
    return infos.computeIfAbsent(dataSet, n -> plan.describe(e, servedSince));
  }

  /**
   * True until {@link #close()}; the datasets were opened and checked when this instance was made,
   * so a {@code DataSets} that exists and is open serves every one of {@link #names()}.
   */
  public boolean isOpen() {
    for (Engine e : engines.values()) {
      if (e.isClosed()) {
        return false;
      }
    }
    return true;
  }

  /** The entity classes of a dataset. */
  public List<Class<?>> entities(String dataSet) {
    return List.copyOf(engine(dataSet).entities());
  }

  /**
   * The store of {@code entityType}; the same instance on every call.
   *
   * @throws IllegalArgumentException if no opened dataset holds that entity
   */
  @SuppressWarnings("unchecked")
  public <T> Store<T> store(Class<T> entityType) {
    Objects.requireNonNull(entityType, "entityType");
    return (Store<T>) stores.computeIfAbsent(entityType, t -> new Store<>(reader(t)));
  }

  /**
   * Attaches a store of your own (a subclass of {@link Store} made with {@code new}, or a bean of
   * another container) to the dataset of its entity, and returns it.
   *
   * @throws IllegalArgumentException if no opened dataset holds the store's entity
   */
  public <S extends Store<?>> S attach(S store) {
    Objects.requireNonNull(store, "store").attach(this);
    return store;
  }

  /** Closes every dataset: connections, files, and Hibernate where it was started. Idempotent. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (Engine e : engines.values()) {
      try {
        e.close();
      } catch (RuntimeException ex) {
        failure = failure == null ? ex : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  <T> EntityReader<T> reader(Class<T> type) {
    Engine e = byEntity.get(type);
    if (e == null) {
      throw new IllegalArgumentException(
          type.getName()
              + " is not an entity of an opened"
              + " dataset (opened: "
              + opened()
              + "). Check that its dataset's jar is on the class"
              + " path and that the dataset is among those opened.");
    }
    if (observer == null) {
      return e.reader(type);
    }
    @SuppressWarnings("unchecked")
    EntityReader<T> r =
        (EntityReader<T>)
            observed.computeIfAbsent(
                type,
                t -> {
                  StoreObserver.Calls calls = observer.calls(e.name(), t);
                  return calls == null ? e.reader(t) : e.reader(t).observed(calls);
                });
    return r;
  }

  /**
   * A store of {@code type} that reads through Hibernate even where the row path would (tests: the
   * two paths' answers compared).
   */
  <T> Store<T> storeThroughHibernate(Class<T> type) {
    return new Store<>(reader(type).throughHibernate());
  }

  /** True once Hibernate has started for {@code dataSet} (tests: what the fast path avoided). */
  boolean hibernateStarted(String dataSet) {
    return engine(dataSet).hibernateStarted();
  }

  /** Streams of {@code dataSet} not yet closed (tests: leaks are reclaimed). */
  int openStreams(String dataSet) {
    return engine(dataSet).openStreamCount();
  }

  /** True if a reader of {@code dataSet} is waiting for a stream connection (tests). */
  boolean hasWaitingReaders(String dataSet) {
    return engine(dataSet).hasWaitingReaders();
  }

  String opened() {
    return String.join(", ", new TreeSet<>(engines.keySet()));
  }

  private Engine engine(String dataSet) {
    Engine e = engines.get(dataSet);
    if (e == null) {
      throw new IllegalArgumentException(
          "dataset '" + dataSet + "' is not open (open: " + opened() + ")");
    }
    return e;
  }

  /**
   * Which datasets to open and where their files are; each setting has a system property and an
   * environment variable too (first match wins: this builder, then the property, then the
   * variable). Not thread-safe; settings are fixed once {@link #open()} is called.
   */
  public static final class Builder extends DataSetSettings<Builder> {
    private EngineOpener.Plan plan;
    private int plannedAt = -1;

    Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** Opens the datasets, running every start-up check. */
    public DataSets open() {
      EngineOpener.Plan p = plan();
      return new DataSets(EngineOpener.openAll(p), p, observer());
    }

    /**
     * The entity classes of each dataset {@link #open()} would open, read from the manifests on the
     * class path; nothing is opened (for containers that register beans before opening).
     */
    public Map<String, List<Class<?>>> entities() {
      return plan().entities();
    }

    /** Located once, for {@link #entities()} and then {@link #open()} (a module does both). */
    private synchronized EngineOpener.Plan plan() {
      if (plan == null || plannedAt != changes()) {
        plan = EngineOpener.plan(settings());
        plannedAt = changes();
      }
      return plan;
    }
  }
}
