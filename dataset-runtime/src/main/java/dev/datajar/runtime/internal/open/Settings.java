package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.internal.core.QueryTimeLimit;
import dev.datajar.runtime.internal.postgres.JdbcUrls;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The fixed settings of one {@code DataSetModule}: which datasets, where their files are, where the
 * cache is. Module settings win over system properties, which win over environment variables.
 *
 * @param dataSets the names asked for; empty means every dataset on the class path
 * @param paths file locations set through the module
 * @param jdbcUrls PostgreSQL databases set through the module, by dataset
 * @param cacheDirectory the cache directory set through the module, or {@code null}
 * @param classLoader where manifests, datasets and entity classes are looked up
 * @param systemProperties reads a system property ({@code System::getProperty})
 * @param environment reads an environment variable ({@code System::getenv})
 * @param verifyFully hash every file and compare schemas through Hibernate at start-up
 * @param startHibernate start Hibernate in the background right after opening
 * @param connectionMaxLifetime how long a PostgreSQL connection serves, set through the module, or
 *     {@code null}
 * @param cacheRetention how long an unused cached copy is kept, set through the module, or {@code
 *     null}
 * @param follow how often to look for a new version of a dataset's file, set through the module, by
 *     dataset
 */
public record Settings(
    List<String> dataSets,
    Map<String, Path> paths,
    Map<String, String> jdbcUrls,
    Path cacheDirectory,
    ClassLoader classLoader,
    UnaryOperator<String> systemProperties,
    UnaryOperator<String> environment,
    boolean verifyFully,
    boolean startHibernate,
    Duration connectionMaxLifetime,
    Duration cacheRetention,
    Map<String, Duration> follow) {

  public Settings {
    dataSets = List.copyOf(dataSets);
    paths = Map.copyOf(paths);
    jdbcUrls = Map.copyOf(jdbcUrls);
    follow = Map.copyOf(follow);
  }

  /** Settings that follow no file. */
  public Settings(
      List<String> dataSets,
      Map<String, Path> paths,
      Map<String, String> jdbcUrls,
      Path cacheDirectory,
      ClassLoader classLoader,
      UnaryOperator<String> systemProperties,
      UnaryOperator<String> environment,
      boolean verifyFully,
      boolean startHibernate,
      Duration connectionMaxLifetime,
      Duration cacheRetention) {
    this(
        dataSets,
        paths,
        jdbcUrls,
        cacheDirectory,
        classLoader,
        systemProperties,
        environment,
        verifyFully,
        startHibernate,
        connectionMaxLifetime,
        cacheRetention,
        Map.of());
  }

  /** The system property that makes a dataset follow its file: {@code datajar.<name>.follow}. */
  public static String followProperty(String dataSet) {
    return "datajar." + dataSet + ".follow";
  }

  /** The environment variable of {@link #followProperty}: {@code DATAJAR_<NAME>_FOLLOW}. */
  public static String followVariable(String dataSet) {
    return "DATAJAR_" + dataSet.toUpperCase(Locale.ROOT).replace('-', '_') + "_FOLLOW";
  }

  /**
   * How often to look for a new version of the dataset's file, or {@code null} if it is not
   * followed: module, then system property {@code datajar.<name>.follow}, then environment variable
   * {@code DATAJAR_<NAME>_FOLLOW} (seconds, or an ISO-8601 duration such as {@code PT30S}; 0 or
   * empty: not followed).
   *
   * @throws DataSetException naming the setting if its value is not a duration
   */
  public Duration followInterval(String dataSet) {
    Duration d =
        duration(
            follow.get(dataSet),
            followProperty(dataSet),
            followVariable(dataSet),
            null,
            "a poll interval",
            "seconds (e.g. 10), an ISO-8601 duration (e.g. PT30S), or 0 not to follow the file.");
    return d == null || d.isZero() ? null : d;
  }

  /** The system property that binds a dataset to PostgreSQL: {@code datajar.<name>.jdbc}. */
  public static String jdbcProperty(String dataSet) {
    return "datajar." + dataSet + ".jdbc";
  }

  /** The environment variable that binds a dataset to PostgreSQL: {@code DATAJAR_<NAME>_JDBC}. */
  public static String jdbcVariable(String dataSet) {
    return "DATAJAR_" + dataSet.toUpperCase(Locale.ROOT).replace('-', '_') + "_JDBC";
  }

  /**
   * The PostgreSQL database a dataset is bound to, or {@code null}: module, then system property,
   * then environment. User and password come from the URL or from {@code
   * DATAJAR_<NAME>_JDBC_USER}/{@code _PASSWORD} (or the system properties {@code
   * datajar.<name>.jdbc.user}/{@code .password}).
   */
  public JdbcBinding jdbcBinding(String dataSet) {
    String url = jdbcUrls.get(dataSet);
    // DataSets.builder(), DataSetModule.builder() or the Spring Boot starter's datajar.jdbc.<name>
    String source =
        "jdbc(\""
            + dataSet
            + "\", ...) on the builder, or datajar.jdbc."
            + dataSet
            + " in Spring Boot";
    if (url == null) {
      url = systemProperties.apply(jdbcProperty(dataSet));
      source = "system property " + jdbcProperty(dataSet);
    }
    if (url == null || url.isBlank()) {
      url = environment.apply(jdbcVariable(dataSet));
      source = "environment variable " + jdbcVariable(dataSet);
    }
    if (url == null || url.isBlank()) {
      return null;
    }
    // A password in the URL is taken out of it (and wins, as it would in pgjdbc): the URL is
    // shown in messages and logs, the password never.
    JdbcUrls.Split split = JdbcUrls.split(url.strip());
    return new JdbcBinding(
        split.url(),
        credential(dataSet, "user", "USER"),
        split.password() != null ? split.password() : credential(dataSet, "password", "PASSWORD"),
        source);
  }

  private String credential(String dataSet, String property, String variable) {
    String v = systemProperties.apply(jdbcProperty(dataSet) + "." + property);
    if (v == null || v.isEmpty()) {
      v = environment.apply(jdbcVariable(dataSet) + "_" + variable);
    }
    return v == null || v.isEmpty() ? null : v;
  }

  /** A dataset bound to a PostgreSQL database, and where the binding was given. */
  public record JdbcBinding(String url, String user, String password, String source) {
    @Override
    public String toString() {
      return url + " (from " + source + ")"; // never the password
    }
  }

  /** The system property that overrides a dataset's file: {@code datajar.<name>.path}. */
  public static String pathProperty(String dataSet) {
    return "datajar." + dataSet + ".path";
  }

  /** The environment variable that overrides a dataset's file: {@code DATAJAR_<NAME>_PATH}. */
  public static String pathVariable(String dataSet) {
    return "DATAJAR_" + dataSet.toUpperCase(Locale.ROOT).replace('-', '_') + "_PATH";
  }

  public static final String CACHE_PROPERTY = "datajar.cache.dir";
  public static final String VERIFY_PROPERTY = "datajar.verify";
  public static final String VERIFY_VARIABLE = "DATAJAR_VERIFY";

  /**
   * True if start-up must run the full check: set on the builder, or {@code datajar.verify=full}
   * (system property) or {@code DATAJAR_VERIFY=full} (environment).
   */
  boolean fullCheck() {
    if (verifyFully) {
      return true;
    }
    String v = systemProperties.apply(VERIFY_PROPERTY);
    if (v == null || v.isBlank()) {
      v = environment.apply(VERIFY_VARIABLE);
    }
    return v != null && v.strip().equalsIgnoreCase("full");
  }

  public static final String CACHE_VARIABLE = "DATAJAR_CACHE_DIR";

  public static final String MAX_LIFETIME_PROPERTY = "datajar.connection.max.lifetime";
  public static final String MAX_LIFETIME_VARIABLE = "DATAJAR_CONNECTION_MAX_LIFETIME";

  /** HikariCP's default {@code maxLifetime}. */
  public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);

  /**
   * How long a connection to PostgreSQL serves before it is replaced (module, then system property
   * {@value #MAX_LIFETIME_PROPERTY}, then environment variable {@value #MAX_LIFETIME_VARIABLE},
   * then 30 minutes); {@link Duration#ZERO} for ever.
   *
   * @throws DataSetException naming the setting if its value is not a duration
   */
  public Duration connectionMaxLifetimeOrDefault() {
    return duration(
        connectionMaxLifetime,
        MAX_LIFETIME_PROPERTY,
        MAX_LIFETIME_VARIABLE,
        DEFAULT_MAX_LIFETIME,
        "a connection lifetime",
        "seconds (e.g. 1800), an ISO-8601 duration (e.g. PT30M), or 0 to keep connections for"
            + " ever.");
  }

  /** An overridden file location and where it came from, or {@code null}. */
  PathOverride pathOverride(String dataSet) {
    Path p = paths.get(dataSet);
    if (p != null) {
      return new PathOverride(
          p,
          "path(\""
              + dataSet
              + "\", ...) on the builder, or datajar.paths."
              + dataSet
              + " in Spring Boot");
    }
    String v = systemProperties.apply(pathProperty(dataSet));
    if (v != null && !v.isBlank()) {
      return new PathOverride(Path.of(v), "system property " + pathProperty(dataSet));
    }
    v = environment.apply(pathVariable(dataSet));
    if (v != null && !v.isBlank()) {
      return new PathOverride(Path.of(v), "environment variable " + pathVariable(dataSet));
    }
    return null;
  }

  /**
   * The cache directory in effect and which setting chose it: module, then system property {@value
   * #CACHE_PROPERTY}, then environment variable {@value #CACHE_VARIABLE}, then {@code
   * $XDG_CACHE_HOME/datajar}, then {@code ~/.cache/datajar}.
   */
  public CacheSetting cacheSetting() {
    String xdg = environment.apply("XDG_CACHE_HOME");
    String home = systemProperties.apply("user.home");
    if (home == null) {
      home = System.getProperty("user.home");
    }
    Path defaultDir;
    String defaultSource;
    if (xdg != null && !xdg.isBlank()) {
      defaultDir = Path.of(xdg).resolve("datajar");
      defaultSource = "$XDG_CACHE_HOME/datajar (" + defaultDir + ")";
    } else {
      defaultDir = Path.of(home, ".cache").resolve("datajar");
      defaultSource = "~/.cache/datajar in the home directory user.home=" + home;
    }
    if (cacheDirectory != null) {
      return new CacheSetting(
          cacheDirectory, CacheSetting.Origin.BUILDER, defaultDir, defaultSource);
    }
    String v = systemProperties.apply(CACHE_PROPERTY);
    if (v != null && !v.isBlank()) {
      return new CacheSetting(Path.of(v), CacheSetting.Origin.PROPERTY, defaultDir, defaultSource);
    }
    v = environment.apply(CACHE_VARIABLE);
    if (v != null && !v.isBlank()) {
      return new CacheSetting(Path.of(v), CacheSetting.Origin.VARIABLE, defaultDir, defaultSource);
    }
    return new CacheSetting(defaultDir, CacheSetting.Origin.DEFAULT, defaultDir, defaultSource);
  }

  public static final String RETENTION_PROPERTY = "datajar.cache.retention";
  public static final String RETENTION_VARIABLE = "DATAJAR_CACHE_RETENTION";

  /** How long a cached copy that no JVM uses is kept, by default. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  /**
   * How long a cached copy that no running JVM uses is kept before a later open removes it (module,
   * then system property {@value #RETENTION_PROPERTY}, then environment variable {@value
   * #RETENTION_VARIABLE}, then 7 days); {@link Duration#ZERO} keeps every copy for ever.
   *
   * @throws DataSetException naming the setting if its value is not a duration
   */
  public Duration cacheRetentionOrDefault() {
    return duration(
        cacheRetention,
        RETENTION_PROPERTY,
        RETENTION_VARIABLE,
        DEFAULT_RETENTION,
        "a cache retention",
        "seconds (e.g. 604800), an ISO-8601 duration (e.g. P7D), or 0 to keep every cached copy"
            + " for ever.");
  }

  /**
   * A duration set through the module ({@code module}, if not null), else by the system property,
   * else by the environment variable, else {@code fallback}; a value that is not a duration fails
   * naming where it was set, what it sets and what it accepts.
   */
  private Duration duration(
      Duration module,
      String property,
      String variable,
      Duration fallback,
      String what,
      String accepted) {
    if (module != null) {
      return module;
    }
    String text = systemProperties.apply(property);
    String source = "-D" + property;
    if (text == null || text.isBlank()) {
      text = environment.apply(variable);
      source = variable;
    }
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return QueryTimeLimit.duration(text);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new DataSetException(
          source + "='" + text + "' is not " + what + ": give " + accepted, e);
    }
  }

  /** A file location given outside the class path. */
  record PathOverride(Path path, String source) {}
}
