package dev.datajar.runtime.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.format.Manifest;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.resource.jdbc.spi.PhysicalConnectionHandlingMode;

/**
 * One opened dataset: its read-only connection pool, its Hibernate session factory and a reader
 * per entity.
 *
 * <p>Created by {@link EngineOpener} after every start-up check passed; immutable until
 * {@link #close()}, then every read fails. Thread-safe.
 */
public final class Engine implements AutoCloseable {
  private final String name;
  private final Path file;
  private final Manifest manifest;
  private final HikariDataSource pool;
  private final SessionFactoryImplementor sessionFactory;
  private final FastConnections fastConnections;
  private final Map<Class<?>, EntityReader<?>> readers = new LinkedHashMap<>();
  private volatile boolean closed;

  Engine(String name, Path file, Manifest manifest, HikariDataSource pool,
      SessionFactoryImplementor sessionFactory, Collection<Class<?>> entities) {
    this.name = name;
    this.file = file;
    this.manifest = manifest;
    this.pool = pool;
    this.sessionFactory = sessionFactory;
    this.fastConnections = new FastConnections(file, EngineOpener.POOL_SIZE);
    Map<Class<?>, RowLoader<?>> loaders = new HashMap<>();
    for (Class<?> e : entities) {
      RowLoader<?> l = RowLoader.create(sessionFactory, fastConnections, e);
      if (l != null) {
        loaders.put(e, l);
      }
    }
    // An entity whose to-one target needs Hibernate needs it too; repeat until nothing changes.
    while (loaders.values().removeIf(l -> !l.link(loaders))) {
      // keep unlinking
    }
    for (Class<?> e : entities) {
      readers.put(e, new EntityReader<>(this, e, loaders.get(e)));
    }
  }

  public String name() {
    return name;
  }

  /** The SQLite file this engine reads (in place, or the cached copy). */
  public Path file() {
    return file;
  }

  public Manifest manifest() {
    return manifest;
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

  SessionFactoryImplementor sessionFactory() {
    return sessionFactory;
  }

  HikariDataSource pool() {
    return pool;
  }

  /**
   * A read-only session that holds one pooled connection from its first statement until it is
   * closed (a session outside a transaction would otherwise fetch a connection per statement).
   */
  Session openSession() {
    checkOpen();
    // Not SessionBuilder.readOnly(true): that flips the JDBC connection's read-only flag on
    // acquire and release, which sqlite-jdbc refuses on an open connection. The connections are
    // read-only already; the session only needs to load entities read-only (no snapshots).
    Session s = sessionFactory.withOptions()
        .flushMode(FlushMode.MANUAL)
        .connectionHandlingMode(PhysicalConnectionHandlingMode.DELAYED_ACQUISITION_AND_HOLD)
        .openSession();
    s.setDefaultReadOnly(true);
    return s;
  }

  void checkOpen() {
    if (closed) {
      throw new DataSetException("dataset '" + name + "' is closed: DataSets.close() was"
          + " called; open the datasets again (a new DataSets or injector) to read it");
    }
  }

  public boolean isClosed() {
    return closed;
  }

  /** Closes the session factory and the pool, releasing every connection and the file. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      sessionFactory.close();
    } finally {
      try {
        fastConnections.close();
      } finally {
        pool.close();
      }
    }
  }
}
