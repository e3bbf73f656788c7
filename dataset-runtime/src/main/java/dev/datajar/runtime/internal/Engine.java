package dev.datajar.runtime.internal;

import dev.datajar.runtime.format.EntityLayout;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.SqliteFiles;
import dev.datajar.runtime.internal.core.ClosedDataSet;
import dev.datajar.runtime.internal.core.EntityModel;
import dev.datajar.runtime.internal.core.FastConnections;
import dev.datajar.runtime.internal.core.OpenStreams;
import dev.datajar.runtime.internal.core.QueryTimeLimit;
import dev.datajar.runtime.internal.core.ReadPath;
import dev.datajar.runtime.internal.core.SqlFlavour;
import dev.datajar.runtime.internal.core.SqliteFlavour;
import dev.datajar.runtime.internal.hibernate.HibernatePath;
import dev.datajar.runtime.internal.hibernate.HibernateSide;
import dev.datajar.runtime.internal.hibernate.Sessions;
import dev.datajar.runtime.internal.read.Composite;
import dev.datajar.runtime.internal.read.EntityMembers;
import dev.datajar.runtime.internal.read.RowCacheCounts;
import dev.datajar.runtime.internal.read.RowMapper;
import dev.datajar.runtime.internal.read.RowPath;
import dev.datajar.runtime.internal.read.SqlCall;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.hibernate.Session;

/**
 * One opened dataset: its file, a reader per entity, the connections of its plain reads and,
 * started only when needed, Hibernate.
 *
 * <p>Created by {@code EngineOpener} after every start-up check passed. Plain entities (those with
 * a recorded {@link EntityLayout}) read through {@link RowPath}; the others through {@link
 * HibernatePath}. Immutable until {@link #close()}, then every read fails at once. Thread-safe.
 */
public final class Engine implements AutoCloseable, Sessions {
  /**
   * On SQLite, connections for lookups and for streams, each opened on demand up to this many; on
   * PostgreSQL, the unit of the dataset's one pool ({@link Reach#pool}).
   */
  static final int MAX_CONNECTIONS = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);

  /** How long a read waits for a connection before it fails. */
  static final long WAIT_MILLIS = 30_000;

  private final String name;
  private final Path file;
  private final Manifest manifest;
  private final SqlFlavour flavour;
  private final FastConnections lookups;
  private final FastConnections streams;
  private final OpenStreams openStreams;
  private final HibernateSide hibernate;
  private final Map<Class<?>, EntityReader<?>> readers = new LinkedHashMap<>();

  /** {@code Store.sql()} on the row path's connections. */
  private final SqlCall sqlCall;

  /** The row path's mappers, by entity class name (none for an entity read through Hibernate). */
  private final Map<String, RowMapper<?>> mappers;

  private volatile boolean closed;
  private final List<Runnable> releases = new ArrayList<>();

  /**
   * Held shared by every read through a Hibernate session of its own, and exclusively by {@link
   * #close()} while it closes Hibernate and its pool: a read in progress finishes before they
   * close, so it never meets a closed session or a pool that is shutting down (where a connection
   * request would wait out its 30 s timeout); a read that starts later gets the closed message.
   */
  private final ReentrantReadWriteLock hibernateReads = new ReentrantReadWriteLock();

  /**
   * How the plain reads reach the data: the engine's SQL flavour, and what opens a connection to
   * the file or schema {@code where} names.
   */
  public record Reach(SqlFlavour flavour, String where, FastConnections.Connector connector) {
    /** Read-only connections to a SQLite file. */
    public static Reach sqlite(Path file) {
      return new Reach(
          SqliteFlavour.INSTANCE, file.toString(), () -> SqliteFiles.openReadOnly(file));
    }

    public FastConnections connections(String dataSet, String purpose) {
      return new FastConnections(
          dataSet, where, connector, flavour, MAX_CONNECTIONS, purpose, WAIT_MILLIS);
    }

    /**
     * The one pool of a dataset in PostgreSQL, for lookups, streams and Hibernate alike: up to
     * {@code 3 × MAX_CONNECTIONS} (what the three pools it replaces could hold together), of which
     * streams, plain or Hibernate's, hold at most two thirds (as many as before: a thread may hold
     * one of each), so that streams never starve the other calls.
     */
    public FastConnections pool(String dataSet) {
      return new FastConnections(
          dataSet,
          where,
          connector,
          flavour,
          3 * MAX_CONNECTIONS,
          2 * MAX_CONNECTIONS,
          "lookups, streams and Hibernate",
          WAIT_MILLIS);
    }
  }

  public Engine(
      String name,
      Path file,
      Manifest manifest,
      List<Class<?>> entities,
      ClassLoader loader,
      Reach reach,
      FastConnections lookups,
      HibernateSide hibernate) {
    this(name, file, manifest, entities, loader, reach, lookups, null, hibernate);
  }

  /**
   * @param streams the connections of streams: {@code lookups} (one pool for every read, as on
   *     PostgreSQL), or {@code null} for connections of their own
   */
  public Engine(
      String name,
      Path file,
      Manifest manifest,
      List<Class<?>> entities,
      ClassLoader loader,
      Reach reach,
      FastConnections lookups,
      FastConnections streams,
      HibernateSide hibernate) {
    this.name = name;
    this.file = file;
    this.manifest = manifest;
    this.flavour = reach.flavour();
    this.lookups = lookups;
    this.openStreams = new OpenStreams(name);
    this.streams =
        streams != null
            ? streams
            : new FastConnections(
                name,
                reach.where(),
                reach.connector(),
                reach.flavour(),
                MAX_CONNECTIONS,
                "streams",
                WAIT_MILLIS);
    OpenStreams open = openStreams;
    boolean shared = streams != null;
    this.streams.advice(
        () ->
            shared && open.size() == 0
                ? ""
                : ": streams left open? Close every Store.stream()"
                    + " (try-with-resources). "
                    + open.size()
                    + " are open; the oldest was"
                    + " opened"
                    + open.oldest());
    this.hibernate = hibernate;
    this.mappers = mappers(manifest, entities, loader, reach.flavour());
    for (Class<?> e : entities) {
      readers.put(e, reader(e, mappers.get(e.getName())));
    }
    this.sqlCall =
        new SqlCall(
            name,
            flavour,
            lookups,
            mappers,
            Set.copyOf(entities),
            () -> closed,
            (type, text, values) -> new HibernatePath<>(this, type).sql(text, values));
  }

  /**
   * {@code Store.sql()}: on the row path's connections, without Hibernate ({@link SqlCall}); an
   * entity result the row path cannot build is read through Hibernate for that call.
   */
  public <R> List<R> sql(String sql, Class<R> resultType, Object[] params) {
    checkOpen();
    return sqlCall.run(sql, resultType, params);
  }

  /** The mappers of the entities with layouts, linked to their to-one targets. */
  private static Map<String, RowMapper<?>> mappers(
      Manifest manifest, List<Class<?>> entities, ClassLoader loader, SqlFlavour flavour) {
    Map<String, Class<?>> byName = new HashMap<>();
    entities.forEach(e -> byName.put(e.getName(), e));
    Map<String, EntityLayout> layouts = new HashMap<>();
    Map<String, EntityModel> models = new HashMap<>();
    Map<String, RowMapper<?>> mappers = new HashMap<>();
    if (manifest == null) {
      return mappers;
    }
    for (EntityLayout l : manifest.layouts()) {
      if (byName.containsKey(l.entity())) {
        layouts.put(l.entity(), l);
      }
    }
    Map<String, Map<String, EntityMembers.Member>> members = new HashMap<>();
    Map<String, Composite> keys = new HashMap<>();
    Map<String, Map<String, Composite>> embeddables = new HashMap<>();
    // The paths of a to-one part's target's id columns: its key's paths ("nearest.code").
    Function<String, List<String>> targetIds = t -> Composite.idPaths(layouts.get(t), layouts::get);
    for (EntityLayout l : layouts.values()) {
      Map<String, EntityModel.Attr> attrs = new HashMap<>();
      Map<String, String> targets = new HashMap<>();
      Map<String, Composite> embedded = new HashMap<>();
      l.attributes().forEach(a -> targets.put(a.attribute(), a.target()));
      for (EntityLayout.Member a : l.attributes()) {
        if (a.isComposite()) {
          embedded.put(a.attribute(), new Composite(a, loader, flavour, false, targetIds));
        }
      }
      Composite key =
          l.id().isComposite()
              ? new Composite(l.id(), loader, flavour, l.idClass(), targetIds)
              : null;
      if (key != null && !l.idClass()) {
        embedded.put(l.id().attribute(), key);
      } else if (key != null) {
        attrs.putAll(key.attributes());
      }
      keys.put(l.entity(), key);
      embeddables.put(l.entity(), embedded);
      members.put(l.entity(), EntityMembers.of(l, loader));
      members
          .get(l.entity())
          .forEach(
              (attribute, member) -> {
                String target = targets.get(attribute);
                Composite c = embedded.get(attribute);
                Function<Class<?>, EntityModel> next =
                    c != null ? x -> c.model() : target == null ? null : t -> models.get(target);
                attrs.put(attribute, new EntityModel.Attr(attribute, member.type(), next));
              });
      for (EntityLayout.CollectionLayout c : l.collections()) {
        // for the names' check (a path into a collection is refused, docs/queries.md); the inverse
        // side of a one-to-one leads to its target, as a to-one does
        Class<?> type =
            EntityMembers.member(
                    new EntityLayout.Member(
                        c.attribute(), null, null, null, c.declaringClass(), c.setter(), c.field()),
                    loader)
                .type();
        String target = c.element().target();
        Function<Class<?>, EntityModel> next =
            c.kind().equals(EntityLayout.CollectionLayout.ONE) ? t -> models.get(target) : null;
        attrs.put(c.attribute(), new EntityModel.Attr(c.attribute(), type, next));
      }
      models.put(
          l.entity(), new EntityModel(byName.get(l.entity()), null, l.id().attribute(), attrs));
    }
    Map<String, Long> rows = new HashMap<>();
    manifest.tables().forEach(t -> rows.put(t.name(), t.rows()));
    Set<String> targets = new HashSet<>();
    layouts.values().forEach(l -> targets.addAll(l.targets()));
    for (EntityLayout l : layouts.values()) {
      mappers.put(
          l.entity(),
          new RowMapper<>(
              byName.get(l.entity()),
              l,
              members.get(l.entity()),
              loader,
              models.get(l.entity()),
              flavour,
              RowMapper.cacheSize(targets.contains(l.entity()), rows.getOrDefault(l.table(), 0L)),
              keys.get(l.entity()),
              embeddables.get(l.entity()),
              targetIds));
    }
    for (EntityLayout l : layouts.values()) {
      mappers.get(l.entity()).link(mappers, l);
    }
    return mappers;
  }

  @SuppressWarnings("unchecked")
  private <T> EntityReader<T> reader(Class<T> type, RowMapper<?> mapper) {
    HibernatePath<T> hql = new HibernatePath<>(this, type);
    ReadPath<T> path =
        mapper == null
            ? hql
            : new RowPath<>((RowMapper<T>) mapper, lookups, streams, openStreams, hql);
    return new EntityReader<>(this, type, path);
  }

  /**
   * Counts the lookups by id of each entity's row cache into its {@code counts} (by entity class)
   * from now on; call before this engine serves. An entity read only through Hibernate has no row
   * cache and counts nothing.
   */
  public void countRowCaches(Map<Class<?>, RowCacheCounts> counts) {
    counts.forEach(
        (type, c) -> {
          RowMapper<?> m = mappers.get(type.getName());
          if (m != null) {
            m.countWith(c);
          }
        });
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * The SQLite file this engine reads (in place, or the cached copy); {@code null} for a dataset
   * read from PostgreSQL.
   */
  public Path file() {
    return file;
  }

  public Manifest manifest() {
    return manifest;
  }

  /** The engine the dataset lives in (the HQL writer's few engine-specific expressions too). */
  @Override
  public SqlFlavour flavour() {
    return flavour;
  }

  /** The entity classes of this dataset. */
  public Collection<Class<?>> entities() {
    return readers.keySet();
  }

  /** The reader of {@code type}, or {@code null} if it is not an entity of this dataset. */
  @SuppressWarnings("unchecked")
  public <T> EntityReader<T> reader(Class<T> type) {
    return (EntityReader<T>) readers.get(type);
  }

  /** True once Hibernate has started for this dataset. */
  public boolean hibernateStarted() {
    return hibernate.started();
  }

  /** How many streams are open (not closed, read to their end or reclaimed). */
  public int openStreamCount() {
    return openStreams.size();
  }

  /** True if a reader waits for a stream connection. */
  public boolean hasWaitingReaders() {
    return streams.hasWaiters();
  }

  /** The streams of this dataset that are still open. */
  @Override
  public OpenStreams openStreams() {
    return openStreams;
  }

  @Override
  public HibernateSide hibernate() {
    checkOpen();
    return hibernate;
  }

  /** A read-only Hibernate session holding one pooled connection until it is closed. */
  @Override
  public Session openSession() {
    return hibernate().openSession(null);
  }

  /**
   * Opens a Hibernate stream: the connection its session takes counts among those streams hold (on
   * PostgreSQL, where they come from the dataset's one pool).
   */
  @Override
  public <R> R openingStream(Supplier<R> open) {
    return FastConnections.keeping(open);
  }

  /** {@link #inSession(String, String, UnaryOperator, Function)} of a Store call. */
  @Override
  public <R> R inSession(String call, Function<Session, R> read) {
    return inSession(call, null, null, read);
  }

  /**
   * Runs one read in a read-only session of its own (see {@link #openSession()}), closed after it;
   * {@link #close()} waits for it. The read runs under the {@link QueryTimeLimit} and ends by
   * rolling back its transaction (on PostgreSQL, where the pool's connections are not in
   * auto-commit mode), so nothing it did to its session outlives it. If its connection was lost
   * (see {@link FastConnections#connectionLost}), the pool's connections are replaced and it runs
   * once more.
   *
   * @param call what the read is, for the time limit's message ({@code "search of Airport"})
   * @param statement the caller's statement, for that message, or {@code null}
   * @param inspector sees every SQL statement before it is prepared, or {@code null}
   */
  @Override
  public <R> R inSession(
      String call, String statement, UnaryOperator<String> inspector, Function<Session, R> read) {
    for (int attempt = 1; ; attempt++) {
      try {
        return beforeClose(
            () -> {
              try (Session s = hibernate().openSession(inspector)) {
                return timed(s, call, statement, read);
              }
            });
      } catch (RuntimeException e) {
        if (attempt == 1 && !closed && FastConnections.connectionLost(e)) {
          hibernate.replaceConnections();
          continue;
        }
        throw e;
      }
    }
  }

  private <R> R timed(Session s, String call, String statement, Function<Session, R> read) {
    QueryTimeLimit limit = s.doReturningWork(c -> QueryTimeLimit.start(c, flavour));
    try {
      return read.apply(s);
    } catch (RuntimeException e) {
      if (limit.fired()) {
        throw limit.exception(name, call, statement, e);
      }
      throw e;
    } finally {
      s.doWork(
          c -> {
            try {
              limit.close();
              if (!c.getAutoCommit()) {
                c.rollback();
              }
            } catch (SQLException e) {
              // A lost or broken connection: the pool closes it; the call's outcome stands.
            }
          });
    }
  }

  /** Runs a Hibernate read that {@link #close()} waits for (a stream: while it opens). */
  @Override
  public <R> R beforeClose(Supplier<R> read) {
    Lock shared = hibernateReads.readLock();
    shared.lock();
    try {
      return read.get();
    } finally {
      shared.unlock();
    }
  }

  void checkOpen() {
    if (closed) {
      throw ClosedDataSet.exception(name);
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  /**
   * Closes Hibernate (if it started) once the Hibernate reads in progress have finished, and the
   * connections: idle ones now, those in use when their call gives them back. Reads waiting for a
   * connection, and reads that start later, fail at once with the closed message.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Lock exclusive = hibernateReads.writeLock();
    exclusive.lock(); // after the Hibernate reads in progress (new ones fail: closed is set)
    try {
      hibernate.close();
    } finally {
      exclusive.unlock();
      try {
        streams.close();
      } finally {
        try {
          lookups.close();
        } finally {
          releases.forEach(Runnable::run);
        }
      }
    }
  }

  /**
   * Runs {@code release} when this engine closes, after its connections: the lock that keeps the
   * cache clean-up of every JVM from removing its file, or the deletion of the private link a
   * reloaded version read. At once if it is closed already.
   */
  public synchronized void releaseOnClose(Runnable release) {
    if (closed) {
      release.run();
    } else {
      releases.add(release);
    }
  }
}
