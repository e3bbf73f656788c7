package dev.datajar.runtime;

import dev.datajar.runtime.internal.Engine;
import dev.datajar.runtime.internal.EntityReader;
import dev.datajar.runtime.internal.Served;
import dev.datajar.runtime.internal.VersionedReader;
import dev.datajar.runtime.internal.open.EngineOpener;
import dev.datajar.runtime.internal.open.Located;
import dev.datajar.runtime.internal.read.RowCacheCounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

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
  private static final System.Logger LOG = System.getLogger(DataSets.class.getName());

  private final Map<String, Served> served;
  private final Map<Class<?>, Served> byEntity = new HashMap<>();
  private final Map<Class<?>, Store<?>> stores = new ConcurrentHashMap<>();
  private final EngineOpener.Plan plan;
  private final StoreObserver observer;
  private final Map<Class<?>, EntityReader<?>> readers = new ConcurrentHashMap<>();
  private final List<DataSetListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, List<Class<?>>> entities = new HashMap<>();
  private final Follower follower;

  /** Per dataset, each entity's row cache counts (with an observer only), kept across versions. */
  private final Map<String, Map<Class<?>, RowCacheCounts>> cacheCounts = new HashMap<>();

  DataSets(Map<String, Engine> engines, EngineOpener.Plan plan, StoreObserver observer) {
    this.plan = plan;
    this.observer = observer;
    Map<String, Served> all = new LinkedHashMap<>();
    for (Engine e : engines.values()) {
      if (observer != null) {
        Map<Class<?>, RowCacheCounts> counts = new LinkedHashMap<>();
        for (Class<?> c : e.entities()) {
          RowCacheCounts n = new RowCacheCounts();
          counts.put(c, n);
          observer.rowCache(e.name(), c, n);
        }
        cacheCounts.put(e.name(), Map.copyOf(counts));
        e.countRowCaches(counts);
      }
      Served s = new Served(e.name(), version(plan.located(e.name()), e));
      all.put(e.name(), s);
      entities.put(e.name(), List.copyOf(e.entities()));
      for (Class<?> c : e.entities()) {
        byEntity.put(c, s);
      }
    }
    this.served = Map.copyOf(all);
    this.follower = Follower.start(this, plan);
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
    return served.keySet();
  }

  /**
   * The SQLite file a dataset is read from: in place (a class folder), its copy in the cache
   * directory (a jar), or, for a file given by a setting, the private link to it in the cache
   * directory's {@code pinned/} folder that the version reads (the file itself where no link can be
   * made); {@code null} for a dataset read from PostgreSQL ({@link Builder#jdbc}).
   */
  public Path file(String dataSet) {
    return served(dataSet).current().engine().file();
  }

  /**
   * Which version of every opened dataset is served, by name: coordinates, checksum, rows, where
   * from and since when. The first call reads each dataset jar's {@code pom.properties}.
   */
  public List<DataSetInfo> info() {
    List<DataSetInfo> all = new ArrayList<>();
    for (String name : new TreeSet<>(served.keySet())) {
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
    return served(dataSet).current().info();
  }

  /**
   * Takes the version of {@code dataSet} found now where it was found at start-up (for now: the
   * file given by {@code path(...)}, {@code -Ddatajar.<name>.path} or {@code DATAJAR_<NAME>_PATH},
   * or the newest jar of the directory they give, skipping jars refused before and unchanged since;
   * or, in PostgreSQL, the newest schema in {@code datajar.datasets} whose fingerprint matches the
   * running entity classes; nothing changes when there is nothing newer), after verifying it in
   * full against the running entity classes: header, sha256 against the manifest beside the file
   * (if there is one), schema fingerprint, and entity shape (or, when the shape differs, the schema
   * through Hibernate): the checks of start-up. Then it is served at once: calls already running,
   * and open streams, finish on the version they started on, which closes (connections, caches,
   * Hibernate, its private link to the file) when the last of them is done. Listeners are told
   * ({@link #addListener}), on this thread after the switch, and may ask what changed ({@link
   * DataSetListener.Changes}): the old version stays open until they have returned, and its file is
   * compared with the new one only if one of them asks. Reloads of one dataset run one at a time.
   *
   * <p>A file with the sha256 of the version served (as the manifests beside both record it, and as
   * opening verified) is not switched to: the reload logs that at INFO, tells no listener and
   * returns what is served. A file without a manifest is always switched to.
   *
   * @return what is served now
   * @throws DataSetOpenException if the new version fails a check (logged, and listeners told): the
   *     current version keeps serving
   * @throws IllegalArgumentException if no dataset of that name is open
   */
  public DataSetInfo reload(String dataSet) {
    // In a directory of jars, a refused jar is remembered: try the next newest, until one is
    // served, the served one is reached (then the refusal is thrown), or none is refused anew.
    Served.Version serving = served(dataSet).current();
    DataSetOpenException refused = null;
    for (int tries = 0; ; tries++) {
      int refusedBefore = plan.refusals().count(dataSet);
      DataSetInfo now;
      try {
        now = reloadOnce(dataSet);
      } catch (DataSetOpenException e) {
        if (tries >= 64 || plan.refusals().count(dataSet) == refusedBefore) {
          throw refused != null ? refused : e;
        }
        refused = refused != null ? refused : e;
        continue;
      }
      if (refused != null && served(dataSet).current() == serving) {
        throw refused;
      }
      return now;
    }
  }

  private DataSetInfo reloadOnce(String dataSet) {
    Served s = served(dataSet);
    synchronized (s) {
      Served.Version old = s.current();
      EngineOpener.Reopened r;
      try {
        r = EngineOpener.reopen(plan, dataSet, entities.get(dataSet), old.engine().manifest());
      } catch (RuntimeException e) {
        String reason =
            "dataset '"
                + dataSet
                + "': a new version was refused, the version served since "
                + old.info().servedSince()
                + " (sha256 "
                + old.info().sha256()
                + ") keeps serving: "
                + EngineOpener.withoutPrefix(dataSet, e.getMessage());
        LOG.log(System.Logger.Level.WARNING, reason);
        tell(l -> l.refused(dataSet, old.info(), reason));
        throw DataSetOpenException.withMessage(dataSet, reason, e);
      }
      if (r.engine() == null) { // the newest jar holds the file served, or no newer schema
        LOG.log(
            System.Logger.Level.INFO,
            "dataset ''{0}'': nothing newer to take: still serving sha256 {1} from {2}",
            dataSet,
            old.info().sha256(),
            old.info().source());
        return old.info();
      }
      if (sameFile(old.engine(), r.engine())) {
        r.engine().close();
        LOG.log(
            System.Logger.Level.INFO,
            "dataset ''{0}'': {1} is the version served (sha256 {2}): nothing to switch",
            dataSet,
            r.located().file(),
            old.info().sha256());
        return old.info();
      }
      r.engine().countRowCaches(cacheCounts.getOrDefault(dataSet, Map.of()));
      Served.Version next = version(r.located(), r.engine());
      // Held (not closed) until the listeners have returned: what changed is compared from it.
      Served.Version held = s.serve(next);
      try {
        DataSetInfo now = next.info();
        LOG.log(
            System.Logger.Level.INFO,
            "dataset ''{0}'': now serving sha256 {1} from {2} (was {3})",
            dataSet,
            now.sha256(),
            now.source(),
            old.info().sha256());
        SwitchChanges changes =
            new SwitchChanges(
                dataSet,
                held.engine().file(),
                next.engine().file(),
                held.engine().file() != null && held.engine().file().equals(r.located().file()));
        try {
          tell(l -> l.switched(dataSet, old.info(), now, changes));
        } finally {
          changes.close();
        }
        return now;
      } finally {
        s.release(held);
      }
    }
  }

  /**
   * True if both engines read the same bytes: their manifests record one sha256, which opening
   * checked against each file. A file without a manifest (no sha256) is never the same.
   */
  private static boolean sameFile(Engine served, Engine next) {
    String was = served.manifest() == null ? null : served.manifest().sha256();
    String now = next.manifest() == null ? null : next.manifest().sha256();
    return was != null && was.equals(now);
  }

  /** A version of the dataset {@code l} names, described (when first asked) from where it was. */
  private static Served.Version version(Located l, Engine e) {
    return new Served.Version(e, (engine, since) -> EngineOpener.describe(l, engine, since));
  }

  /** Tells every listener; one that throws is logged and the others are still told. */
  private void tell(Consumer<DataSetListener> news) {
    for (DataSetListener l : listeners) {
      try {
        news.accept(l);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a DataSetListener failed", e);
      }
    }
  }

  /** Tells {@code listener} of every new version served and every version refused from now on. */
  public void addListener(DataSetListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Stops telling {@code listener}. */
  public void removeListener(DataSetListener listener) {
    listeners.remove(listener);
  }

  /**
   * True until {@link #close()}; the datasets were opened and checked when this instance was made,
   * so a {@code DataSets} that exists and is open serves every one of {@link #names()}.
   */
  public boolean isOpen() {
    for (Served s : served.values()) {
      if (s.isClosed() || s.current().engine().isClosed()) {
        return false;
      }
    }
    return true;
  }

  /** The entity classes of a dataset. */
  public List<Class<?>> entities(String dataSet) {
    served(dataSet);
    return entities.get(dataSet);
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
    follower.close();
    RuntimeException failure = null;
    for (Served s : served.values()) {
      try {
        s.close();
      } catch (RuntimeException ex) {
        failure = failure == null ? ex : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  <T> EntityReader<T> reader(Class<T> type) {
    Served s = byEntity.get(type);
    if (s == null) {
      throw new IllegalArgumentException(
          type.getName()
              + " is not an entity of an opened"
              + " dataset (opened: "
              + opened()
              + "). Check that its dataset's jar is on the class"
              + " path and that the dataset is among those opened.");
    }
    @SuppressWarnings("unchecked")
    EntityReader<T> r =
        (EntityReader<T>)
            readers.computeIfAbsent(
                type,
                t -> {
                  EntityReader<?> versioned = new VersionedReader<>(s, t);
                  StoreObserver.Calls calls = observer == null ? null : observer.calls(s.name(), t);
                  return calls == null ? versioned : versioned.observed(calls);
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
    return served(dataSet).current().engine().hibernateStarted();
  }

  /** Streams of {@code dataSet} not yet closed (tests: leaks are reclaimed). */
  int openStreams(String dataSet) {
    return served(dataSet).current().engine().openStreamCount();
  }

  /** The engine that serves {@code dataSet} now (tests: what a switched-out version leaves). */
  Engine servingEngine(String dataSet) {
    return served(dataSet).current().engine();
  }

  /** True if a reader of {@code dataSet} is waiting for a stream connection (tests). */
  boolean hasWaitingReaders(String dataSet) {
    return served(dataSet).current().engine().hasWaitingReaders();
  }

  /**
   * Versions of {@code dataSet} not yet closed: the served one and older ones still read (tests).
   */
  int liveVersions(String dataSet) {
    return served(dataSet).liveVersions();
  }

  String opened() {
    return String.join(", ", new TreeSet<>(served.keySet()));
  }

  private Served served(String dataSet) {
    Served e = served.get(dataSet);
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
