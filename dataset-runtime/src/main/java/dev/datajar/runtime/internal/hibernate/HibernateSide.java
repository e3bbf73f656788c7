package dev.datajar.runtime.internal.hibernate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.format.HibernateSetup;
import dev.datajar.runtime.format.SchemaModel;
import dev.datajar.runtime.format.SqliteFiles;
import dev.datajar.runtime.internal.core.ClosedDataSet;
import dev.datajar.runtime.internal.core.EntityModel;
import dev.datajar.runtime.internal.core.FastConnections;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionBuilder;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.resource.jdbc.spi.PhysicalConnectionHandlingMode;

/**
 * Hibernate for one dataset, started on first use: a session factory over the dataset's entities,
 * on read-only connections (over a SQLite file, a HikariCP pool of its own; in PostgreSQL, the
 * dataset's one pool, {@link FastConnections#dataSource()}, which the engine closes).
 *
 * <p>Plain lookups never need it, so it stays off the start-up path: the first HQL query, the first
 * read of an entity with collections or embeddables, or the full schema check starts it, and only
 * those wait for it. It starts once; a failure is kept and reported to every later use.
 * Thread-safe.
 */
public final class HibernateSide implements AutoCloseable {
  /** Hibernate's own connections: sessions are short, so a few serve many threads. */
  private static final int POOL_SIZE = Math.max(4, Runtime.getRuntime().availableProcessors());

  private final String name;

  /** The file or schema Hibernate reads, for messages. */
  private final String where;

  private final Supplier<? extends DataSource> poolFactory;

  /** Hibernate's settings, asked for when it starts: they name Hibernate's classes. */
  private final Supplier<Map<String, Object>> settings;

  private final List<Class<?>> entities;
  private final ClassLoader loader;
  private final Map<Class<?>, EntityModel> models = new ConcurrentHashMap<>();
  private volatile HibernateSetup.Booted booted;

  /** HikariCP's pool over a SQLite file, or the dataset's own connections on PostgreSQL. */
  private DataSource pool;

  private RuntimeException failure;
  private boolean closed;

  /** Hibernate over a SQLite file, started on first use. */
  public HibernateSide(String name, Path file, List<Class<?>> entities, ClassLoader loader) {
    this(
        name,
        String.valueOf(file),
        () -> pool(name, file),
        () ->
            Map.of(
                "hibernate.enable_lazy_load_no_trans", "true",
                "hibernate.query.plan_cache_enabled", "true"),
        entities,
        loader);
  }

  /**
   * Hibernate over the connections {@code poolFactory} gives (a dataset in PostgreSQL: those of its
   * plain reads, {@link FastConnections#dataSource()}), started on first use with {@code settings}.
   */
  public HibernateSide(
      String name,
      String where,
      Supplier<? extends DataSource> poolFactory,
      Supplier<Map<String, Object>> settings,
      List<Class<?>> entities,
      ClassLoader loader) {
    this.name = name;
    this.where = where;
    this.poolFactory = poolFactory;
    this.settings = settings;
    this.entities = List.copyOf(entities);
    this.loader = loader;
  }

  /**
   * Hibernate already started over {@code pool}, for a dataset that is not a file (one read from
   * PostgreSQL, {@link FastConnections#dataSource()}); closing it closes Hibernate, not the pool.
   */
  public static HibernateSide started(
      String name,
      List<Class<?>> entities,
      ClassLoader loader,
      HibernateSetup.Booted booted,
      DataSource pool) {
    HibernateSide h = new HibernateSide(name, "PostgreSQL", () -> pool, Map::of, entities, loader);
    h.booted = booted;
    h.pool = pool;
    return h;
  }

  /** True once Hibernate has started (for tests and diagnostics). */
  public boolean started() {
    return booted != null;
  }

  /** Starts Hibernate on a daemon thread, so that its first use finds it ready. */
  public void startInBackground() {
    Thread t =
        new Thread(
            () -> {
              try {
                booted();
              } catch (RuntimeException e) {
                // kept in 'failure' and reported to the first caller that needs Hibernate
              }
            },
            "datajar-hibernate-" + name);
    t.setDaemon(true);
    t.start();
  }

  /**
   * Fails, without starting anything, if Hibernate could not start: it failed already, or the class
   * path lacks the Hibernate and Jakarta Persistence releases it needs ({@link HibernateVersions}).
   * Called before code that names Hibernate's types runs, so that the user gets that message rather
   * than a {@code NoClassDefFoundError}.
   */
  public void checkVersions() {
    if (booted != null) {
      return; // every query() after the first: no lock
    }
    synchronized (this) {
      if (booted != null) {
        return;
      }
      if (failure != null) {
        throw failure;
      }
      try {
        HibernateVersions.checkForRead(name);
      } catch (DataSetException e) {
        failure = e;
        throw e;
      }
    }
  }

  /** The started session factory and schema model, starting them if needed. */
  HibernateSetup.Booted booted() {
    HibernateSetup.Booted b = booted;
    return b != null ? b : start();
  }

  SessionFactoryImplementor sessionFactory() {
    return booted().sessionFactory();
  }

  public SchemaModel schema() {
    return booted().schema();
  }

  DataSource pool() {
    booted();
    return pool;
  }

  /** The JPA model of an entity, for criteria of entities Hibernate reads. */
  public EntityModel model(Class<?> type) {
    return models.computeIfAbsent(type, t -> Sessions.model(sessionFactory(), t));
  }

  /**
   * Replaces the pool's connections after one was found lost: idle ones are closed now, those in
   * use when they come back, so the next session gets a new one.
   */
  public void replaceConnections() {
    DataSource p;
    synchronized (this) {
      p = pool;
    }
    if (p instanceof HikariDataSource h && h.getHikariPoolMXBean() != null) {
      h.getHikariPoolMXBean().softEvictConnections();
    } else if (p != null && FastConnections.of(p) != null) {
      FastConnections.of(p).evict();
    }
  }

  /**
   * A read-only session (seen by {@code inspector}, if not null) that holds one pooled connection
   * from its first statement until it is closed (a session outside a transaction would otherwise
   * fetch a connection per statement).
   */
  public Session openSession(UnaryOperator<String> inspector) {
    return Sessions.open(sessionFactory(), inspector);
  }

  /**
   * What uses Hibernate's own types, in a class of its own: the JVM loads it (and, verifying it,
   * Hibernate's classes) only when Hibernate is used, so that opening a dataset and its plain reads
   * work whatever Hibernate release is on the class path, or none.
   */
  private static final class Sessions {
    private Sessions() {}

    static EntityModel model(SessionFactoryImplementor sessionFactory, Class<?> type) {
      return EntityModel.of(sessionFactory.getJpaMetamodel().entity(type));
    }

    static Session open(SessionFactoryImplementor sessionFactory, UnaryOperator<String> inspector) {
      // Not SessionBuilder.readOnly(true): that flips the JDBC connection's read-only flag on
      // acquire and release, which sqlite-jdbc refuses on an open connection. The connections are
      // read-only already; the session only needs to load entities read-only (no snapshots).
      SessionBuilder b =
          sessionFactory
              .withOptions()
              .flushMode(FlushMode.MANUAL)
              .connectionHandlingMode(PhysicalConnectionHandlingMode.DELAYED_ACQUISITION_AND_HOLD);
      if (inspector != null) {
        b.statementInspector(inspector);
      }
      Session s = b.openSession();
      s.setDefaultReadOnly(true);
      return s;
    }
  }

  private synchronized HibernateSetup.Booted start() {
    if (closed) {
      throw ClosedDataSet.exception(name);
    }
    if (booted != null) {
      return booted;
    }
    checkVersions();
    DataSource p = null;
    try {
      p = poolFactory.get();
      booted = HibernateSetup.boot(name, entities, p, loader, settings.get());
      pool = p;
      return booted;
    } catch (RuntimeException | LinkageError e) {
      // LinkageError: a Hibernate release the version check let through that still lacks
      // something; kept and reported like any other failure to start.
      if (p instanceof HikariDataSource h) {
        h.close();
      }
      failure =
          new DataSetException(
              "dataset '"
                  + name
                  + "': Hibernate could not start over "
                  + where
                  + ": "
                  + e.getMessage(),
              e);
      throw failure;
    }
  }

  private static HikariDataSource pool(String name, Path file) {
    DataSource ds = SqliteFiles.readOnlyDataSource(file);
    HikariConfig c = new HikariConfig();
    c.setPoolName("datajar-" + name);
    c.setDataSource(ds);
    // sqlite-jdbc refuses setReadOnly on an open connection unless it is read-only already,
    // so HikariCP's readOnly is only asked for when the data source's connections say so.
    c.setReadOnly(reportsReadOnly(name, ds, file));
    c.setAutoCommit(true);
    c.setMaximumPoolSize(POOL_SIZE);
    c.setMinimumIdle(1); // opened as sessions need them, not all at once
    c.setConnectionTimeout(30_000);
    return new HikariDataSource(c);
  }

  private static boolean reportsReadOnly(String name, DataSource ds, Path file) {
    try (Connection c = ds.getConnection()) {
      return c.isReadOnly();
    } catch (SQLException e) {
      throw new DataSetException(
          "dataset '" + name + "': SQLite cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (booted != null) {
      try {
        booted.close();
      } finally {
        if (pool instanceof HikariDataSource h) {
          h.close(); // the connections of a dataset in PostgreSQL are the engine's to close
        }
      }
    }
  }
}
