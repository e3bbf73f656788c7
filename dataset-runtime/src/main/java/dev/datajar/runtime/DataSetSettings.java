package dev.datajar.runtime;

import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.internal.open.Settings;
import dev.datajar.runtime.internal.postgres.JdbcUrls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The settings {@link DataSets.Builder} and {@link DataSetModule.Builder} share: which datasets to
 * open and where their files are. Each setting has a system property and an environment variable
 * too (first match wins: the builder, then the property, then the variable). Written once here so
 * that both builders offer the same settings with the same documentation.
 *
 * @param <B> the builder type, returned by every setter for chaining
 */
abstract class DataSetSettings<B extends DataSetSettings<B>> {
  private final List<String> dataSets = new ArrayList<>();
  private final Map<String, Path> paths = new LinkedHashMap<>();
  private final Map<String, String> jdbcUrls = new LinkedHashMap<>();
  private Path cacheDirectory;
  private ClassLoader classLoader;
  private UnaryOperator<String> systemProperties = System::getProperty;
  private UnaryOperator<String> environment = System::getenv;
  private boolean verifyFully;
  private boolean startHibernate;
  private Duration connectionMaxLifetime;
  private Duration cacheRetention;
  private final Map<String, Duration> follow = new LinkedHashMap<>();
  private StoreObserver observer;
  private int changes;

  DataSetSettings() {}

  /** This builder, as its own type. */
  abstract B self();

  /** Opens only these datasets (and fails if one is missing) instead of every one found. */
  public B dataSets(String... names) {
    for (String n : names) {
      dataSets.add(DataSetLayout.checkName(n));
    }
    return changed();
  }

  /**
   * Reads dataset {@code name} from {@code file} instead of the class path; also system property
   * {@code datajar.<name>.path} or environment variable {@code DATAJAR_<NAME>_PATH}.
   *
   * <p>A directory instead of a file holds versions of the dataset's jar (the artifact its module
   * builds, e.g. {@code geo-data-2026.12.jar}): the newest jar that holds the dataset, by the
   * version in its {@code META-INF/maven/.../pom.properties} in Maven's order, and passes every
   * check, is read (through the cache directory, as a jar on the class path is). Only complete
   * {@code *.jar} names not starting with {@code .} are looked at: drop a jar under another name
   * and rename it into the directory. With {@link #follow} or {@link DataSets#reload(String)}, a
   * newer jar is taken without a restart; a jar refused once is not tried again until it changes.
   * See {@code docs/runtime.md}, "Live data".
   */
  public B path(String name, Path file) {
    paths.put(DataSetLayout.checkName(name), Objects.requireNonNull(file, "file"));
    return changed();
  }

  /**
   * Reads dataset {@code name} from the PostgreSQL database at {@code url} (e.g. {@code
   * jdbc:postgresql://db:5432/reference}), in the schema its manifest names, instead of from its
   * SQLite file; also system property {@code datajar.<name>.jdbc} or environment variable {@code
   * DATAJAR_<NAME>_JDBC}. User and password: in the URL, or {@code DATAJAR_<NAME>_JDBC_USER}/{@code
   * DATAJAR_<NAME>_JDBC_PASSWORD}.
   */
  public B jdbc(String name, String url) {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "dataset '"
              + name
              + "': '"
              + JdbcUrls.redact(url)
              + "' is not a"
              + " PostgreSQL JDBC URL; expected jdbc:postgresql://host:port/database");
    }
    jdbcUrls.put(DataSetLayout.checkName(name), url);
    return changed();
  }

  /**
   * Where datasets inside jars are copied to; also system property {@code datajar.cache.dir} or
   * environment variable {@code DATAJAR_CACHE_DIR}; default {@code ~/.cache/datajar}.
   */
  public B cacheDirectory(Path dir) {
    this.cacheDirectory = Objects.requireNonNull(dir, "dir");
    return changed();
  }

  /**
   * How long a copy in the cache directory that no running JVM uses is kept; default 7 days, {@link
   * Duration#ZERO} to keep every copy for ever; also system property {@code
   * datajar.cache.retention} or environment variable {@code DATAJAR_CACHE_RETENTION} (seconds, or
   * an ISO-8601 duration such as {@code P30D}). Opening a dataset through the cache removes the
   * copies that no JVM has used for longer: a JVM holds a shared lock on {@code <sha256>.lock}
   * beside each copy it serves, so a copy that any JVM on the machine holds open is never removed
   * (on a network file system, as far as its locks reach). Only datajar's own files ({@code
   * <sha256>.sqlite} and their lock files) are touched. See {@code docs/production.md}.
   */
  public B cacheRetention(Duration retention) {
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative()) {
      throw new IllegalArgumentException(
          "cacheRetention(" + retention + "): give a positive duration, or ZERO for ever");
    }
    this.cacheRetention = retention;
    return changed();
  }

  /** Where to find manifests, dataset files and entity classes (default: context loader). */
  public B classLoader(ClassLoader loader) {
    this.classLoader = Objects.requireNonNull(loader, "loader");
    return changed();
  }

  /**
   * Runs the full start-up check: hashes every dataset file (cached copies included) and compares
   * the entities' schema with the file's through Hibernate. Off by default, where a copy verified
   * when it was cached is trusted and the entity classes are compared by their recorded shape; also
   * system property {@code datajar.verify=full} or environment variable {@code
   * DATAJAR_VERIFY=full}.
   */
  public B verifyFully() {
    this.verifyFully = true;
    return changed();
  }

  /**
   * Starts Hibernate in the background right after opening, so that the first HQL query or read of
   * an entity with collections does not wait for it. Plain lookups never need it.
   */
  public B startHibernateInBackground() {
    this.startHibernate = true;
    return changed();
  }

  /**
   * How long a connection to a dataset in PostgreSQL serves before it is replaced by a new one
   * (what HikariCP calls {@code maxLifetime}); default 30 minutes, {@link Duration#ZERO} to keep
   * connections for ever; also system property {@code datajar.connection.max.lifetime} or
   * environment variable {@code DATAJAR_CONNECTION_MAX_LIFETIME} (seconds, or an ISO-8601 duration
   * such as {@code PT10M}). Each connection's life is drawn between three quarters of it and all of
   * it, so that they are not replaced together; one is never replaced while a call uses it, and its
   * replacement opens in the background. With a URL naming several servers (read replicas), this is
   * how long a standby that was stopped and started again may wait to get its share of reads back.
   * Datasets in SQLite files ignore it.
   */
  public B connectionMaxLifetime(Duration lifetime) {
    Objects.requireNonNull(lifetime, "lifetime");
    if (lifetime.isNegative()) {
      throw new IllegalArgumentException(
          "connectionMaxLifetime(" + lifetime + "): give a positive duration, or ZERO for ever");
    }
    this.connectionMaxLifetime = lifetime;
    return changed();
  }

  /**
   * Follows dataset {@code name}'s file (given by {@link #path}, {@code -Ddatajar.<name>.path} or
   * {@code DATAJAR_<NAME>_PATH}): every {@code pollInterval} its identity (file key, modification
   * time, size, and those of the manifest beside it) is compared with the version served, and a
   * change is taken as {@link DataSets#reload(String)} takes it: verified in full, then served, or
   * refused with a logged reason while the current version keeps serving. For a directory of jars,
   * its listing of complete jars is compared, and a change makes the newest jar not refused before
   * served. For a dataset in PostgreSQL ({@link #jdbc}), every {@code pollInterval} the newest
   * schema of {@code datajar.datasets} whose fingerprint matches the running entity classes is
   * looked for and served. Also system property {@code datajar.<name>.follow} or environment
   * variable {@code DATAJAR_<NAME>_FOLLOW} (seconds, or an ISO-8601 duration such as {@code
   * PT30S}); {@link Duration#ZERO} does not follow.
   *
   * <p>Replace the file by renaming a complete file over it ({@code mv}, on the same file system),
   * never by writing into it: truncating or copying over a file SQLite has mapped into memory kills
   * the JVM with SIGBUS. A followed file is read through a private hard link (or copy) in the cache
   * directory, so each version keeps reading the file it was verified from.
   */
  public B follow(String name, Duration pollInterval) {
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (pollInterval.isNegative()) {
      throw new IllegalArgumentException(
          "follow(\"" + name + "\", " + pollInterval + "): give a positive interval, or ZERO");
    }
    follow.put(DataSetLayout.checkName(name), pollInterval);
    return changed();
  }

  /**
   * Lets {@code observer} see every store call (operation, time, failure), for metrics; see {@link
   * StoreObserver}. None by default, and then nothing is timed.
   */
  public B observer(StoreObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
    return self(); // nothing that is located or opened depends on it
  }

  /** The observer of store calls, or {@code null}. */
  final StoreObserver observer() {
    return observer;
  }

  /** Replaces environment variable lookups (tests cannot set real ones). */
  B environment(UnaryOperator<String> env) {
    this.environment = env;
    return changed();
  }

  B systemProperties(UnaryOperator<String> props) {
    this.systemProperties = props;
    return changed();
  }

  /** How many times a setting was changed: what was worked out from older settings is stale. */
  final int changes() {
    return changes;
  }

  /** Gives {@code to} every setting of this builder. */
  final void copyTo(DataSetSettings<?> to) {
    to.dataSets.addAll(dataSets);
    to.paths.putAll(paths);
    to.jdbcUrls.putAll(jdbcUrls);
    to.cacheDirectory = cacheDirectory;
    to.classLoader = classLoader;
    to.systemProperties = systemProperties;
    to.environment = environment;
    to.verifyFully = verifyFully;
    to.startHibernate = startHibernate;
    to.connectionMaxLifetime = connectionMaxLifetime;
    to.cacheRetention = cacheRetention;
    to.follow.putAll(follow);
    to.observer = observer;
    to.changes++;
  }

  /** The settings as the runtime reads them, with the class loader defaulted. */
  final Settings settings() {
    ClassLoader cl = classLoader;
    if (cl == null) {
      cl = Thread.currentThread().getContextClassLoader();
    }
    if (cl == null) {
      cl = DataSets.class.getClassLoader();
    }
    return new Settings(
        dataSets,
        paths,
        jdbcUrls,
        cacheDirectory,
        cl,
        systemProperties,
        environment,
        verifyFully,
        startHibernate,
        connectionMaxLifetime,
        cacheRetention,
        follow);
  }

  private B changed() {
    changes++;
    return self();
  }
}
