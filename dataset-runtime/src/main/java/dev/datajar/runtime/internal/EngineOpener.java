package dev.datajar.runtime.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.format.DataSetMembership;
import dev.datajar.runtime.format.HibernateSetup;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.SqliteFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Opens one located dataset, checking everything that can be wrong before the first read: the
 * file's checksum, that it is a datajar SQLite file, that its entity classes are present and
 * that their schema is the one the file was built from.
 */
public final class EngineOpener {
  /** Connections per dataset: reads are short, so a few serve many threads. */
  static final int POOL_SIZE = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);

  private EngineOpener() {}

  /** Opens every dataset the settings ask for; on a failure, closes those already opened. */
  public static Map<String, Engine> openAll(Settings settings) {
    Map<String, Engine> engines = new LinkedHashMap<>();
    try {
      for (Located l : DataSetCatalog.locate(settings)) {
        engines.put(l.name(), open(l, settings));
      }
      return engines;
    } catch (RuntimeException | Error e) {
      engines.values().forEach(Engine::close);
      throw e;
    }
  }

  /** The entity classes of every dataset the settings ask for, without opening anything. */
  public static Map<String, List<Class<?>>> entities(Settings settings) {
    Map<String, List<Class<?>>> out = new LinkedHashMap<>();
    for (Located l : DataSetCatalog.locate(settings)) {
      out.put(l.name(), entityClasses(l, settings.classLoader()));
    }
    return out;
  }

  static Engine open(Located l, Settings settings) {
    try {
      return open(l, settings, false);
    } catch (StaleCopy e) {
      // The cached copy did not match its name: it was replaced; open the fresh one.
      return open(l, settings, true);
    }
  }

  /** A cached copy turned out not to match its manifest and was deleted. */
  private static final class StaleCopy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StaleCopy() {
      super(null, null, false, false);
    }
  }

  private static Engine open(Located l, Settings settings, boolean recopy) {
    String name = l.name();
    Manifest m = l.manifest();
    Path file;
    boolean cached = false;
    try {
      if (l.file() != null) {
        file = l.file();
      } else if ("file".equals(l.resource().getProtocol())) {
        file = Path.of(l.resource().toURI()); // a class folder (tests, IDE): read in place
      } else {
        Path dir = settings.cacheDirectoryOrDefault();
        file = recopy ? null : FileCache.cachedCopy(name, dir, m.sha256());
        cached = file != null;
        if (!cached) {
          file = FileCache.materialize(name, l.resource(), m.sha256(), m.bytes(), dir);
        }
      }
    } catch (URISyntaxException e) {
      throw new DataSetOpenException(name, "dataset '" + name + "': cannot read " + l.where()
          + ": " + e, e);
    }
    try {
      FileHeader.check(name, file);
    } catch (DataSetOpenException e) {
      if (cached) {
        FileCache.discard(name, file, "its header is damaged");
        throw new StaleCopy();
      }
      throw e;
    }
    // Hashing a large file takes a while; Hibernate's boot takes longer. Do both at once: the
    // file is only read by the schema check, which waits for the hash.
    Path hashed = file;
    CompletableFuture<String> hash = m.sha256() == null || (l.resource() != null && !cached
        && !"file".equals(l.resource().getProtocol()))
        ? CompletableFuture.completedFuture(null) // no checksum, or just copied and verified
        : CompletableFuture.supplyAsync(() -> sha256(name, hashed), EngineOpener::daemon);
    List<Class<?>> entities = entityClasses(l, settings.classLoader());
    HikariDataSource pool = null;
    SessionFactoryImplementor sf = null;
    boolean hashChecked = false;
    try {
      pool = pool(name, file);
      sf = HibernateSetup.buildSessionFactory(name, entities, pool, settings.classLoader(),
          Map.of("hibernate.enable_lazy_load_no_trans", "true",
              "hibernate.query.plan_cache_enabled", "true"));
      hashChecked = true;
      checkHash(name, file, m, cached, hash.join());
      SchemaCheck.check(name, file, m, sf, pool);
      return new Engine(name, file, m, pool, sf, entities);
    } catch (RuntimeException | Error e) {
      if (sf != null) {
        sf.close();
      }
      if (pool != null) {
        pool.close();
      }
      if (!hashChecked) {
        // SQLite may refuse a damaged file (a truncated copy: SQLITE_CORRUPT) before the hash
        // is compared; the checksum is the better answer: a cached copy is copied again, any
        // other file fails with the message that says it was changed.
        checkHash(name, file, m, cached, hash.exceptionally(x -> null).join());
      }
      if (e instanceof CompletionException c && c.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "datajar-sha256");
    t.setDaemon(true);
    t.start();
  }

  private static String sha256(String name, Path file) {
    try {
      return Checksums.sha256(file);
    } catch (IOException e) {
      throw new DataSetOpenException(name, "dataset '" + name + "': cannot read " + file + ": "
          + e, e);
    }
  }

  /**
   * Fails (or, for a cached copy, throws {@link StaleCopy} so it is copied again) when the file's
   * sha256 is not the manifest's; {@code actual} is null when it could not be computed.
   */
  private static void checkHash(String name, Path file, Manifest m, boolean cached,
      String actual) {
    if (actual == null || actual.equals(m.sha256())) {
      return;
    }
    if (cached) {
      FileCache.discard(name, file, "its sha256 is " + actual);
      throw new StaleCopy();
    }
    throw new DataSetOpenException(name, Checksums.mismatch(name, file.toString(), actual,
        size(file), m.sha256(), m.bytes()));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  private static List<Class<?>> entityClasses(Located l, ClassLoader loader) {
    List<Class<?>> out = new ArrayList<>();
    for (String className : l.manifest().entities()) {
      Class<?> c;
      try {
        c = Class.forName(className, false, loader);
      } catch (ClassNotFoundException e) {
        throw new DataSetOpenException(l.name(), "dataset '" + l.name() + "': entity class "
            + className + " (listed in the manifest of " + l.where() + ") is not on the class"
            + " path. Put the dataset module's classes on the class path with its file.");
      }
      String actual = DataSetMembership.nameOf(c).orElse(null);
      if (!l.name().equals(actual)) {
        throw new DataSetOpenException(l.name(), "dataset '" + l.name() + "': entity class "
            + className + " belongs to " + (actual == null ? "no dataset" : "dataset '" + actual + "'")
            + " on the class path, but " + l.where() + " was built with it. Rebuild the dataset"
            + " with the current classes.");
      }
      out.add(c);
    }
    if (out.isEmpty()) {
      throw new DataSetOpenException(l.name(), "dataset '" + l.name() + "': its manifest ("
          + l.where() + ") lists no entity classes. Rebuild the dataset.");
    }
    return out;
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
    c.setMinimumIdle(POOL_SIZE);
    c.setConnectionTimeout(30_000);
    return new HikariDataSource(c);
  }

  private static boolean reportsReadOnly(String name, DataSource ds, Path file) {
    try (Connection c = ds.getConnection()) {
      return c.isReadOnly();
    } catch (SQLException e) {
      throw new DataSetOpenException(name, "dataset '" + name + "': SQLite cannot open " + file
          + ": " + e.getMessage(), e);
    }
  }
}
