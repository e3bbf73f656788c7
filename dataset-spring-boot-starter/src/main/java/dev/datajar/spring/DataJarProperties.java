package dev.datajar.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code datajar.*} properties: which datasets to open and where their files are.
 *
 * <pre>
 * datajar.datasets=geo,oui                  # default: every dataset on the class path
 * datajar.paths.geo=/srv/data/geo.sqlite    # read dataset 'geo' from this file (or from the
 *                                          # newest jar of a directory given here)
 * datajar.jdbc.geo=jdbc:postgresql://db/ref # read dataset 'geo' from PostgreSQL (user, password
 *                                          # in the URL or DATAJAR_GEO_JDBC_USER/_PASSWORD)
 * datajar.follow.geo=30s                    # take a new geo file renamed over the path's
 *                                          # file within 30 s, after verifying it
 * datajar.cache-directory=/var/cache/app    # where datasets inside jars are copied
 * datajar.cache-retention=30d               # unused copies there are removed after this
 * datajar.connection-max-lifetime=10m       # PostgreSQL connections are replaced after this
 * datajar.metrics.enabled=false             # no Micrometer meters of store calls
 * </pre>
 *
 * <p>Unset, the runtime's own defaults apply, including its system properties ({@code
 * datajar.<name>.path}, {@code datajar.<name>.jdbc}, {@code datajar.cache.dir}, {@code
 * datajar.cache.retention}, {@code datajar.connection.max.lifetime}) and environment variables. The
 * descriptions of the fields are those of {@code META-INF/spring-configuration-metadata.json},
 * which IDEs show.
 */
@ConfigurationProperties(prefix = DataJarProperties.PREFIX)
public class DataJarProperties {
  static final String PREFIX = "datajar";

  /** The datasets to open; empty for every dataset on the class path. */
  private List<String> datasets = new ArrayList<>();

  /**
   * A file per dataset name, read instead of the dataset on the class path; or a directory where
   * versions of the dataset's jar are dropped, of which the newest (by the Maven version in its
   * pom.properties) that passes every check is read. Drop a jar under a name starting with a dot
   * and rename it to *.jar.
   */
  private Map<String, Path> paths = new LinkedHashMap<>();

  /**
   * A PostgreSQL JDBC URL per dataset name, for datasets built into PostgreSQL (user and password
   * in the URL, or DATAJAR_NAME_JDBC_USER and DATAJAR_NAME_JDBC_PASSWORD).
   */
  private Map<String, String> jdbc = new LinkedHashMap<>();

  /**
   * A poll interval per dataset name: the dataset's file (datajar.paths.NAME) is followed, and a
   * new version renamed over it is verified and then served without a restart; or, for a directory,
   * a newer jar dropped into it; or, for a dataset in PostgreSQL (datajar.jdbc.NAME), a newer
   * schema whose fingerprint matches the entity classes. Replace the file by an atomic rename only,
   * never by writing into it.
   */
  private Map<String, Duration> follow = new LinkedHashMap<>();

  /**
   * Where datasets inside jars are copied to; unset for the runtime's default (datajar.cache.dir,
   * DATAJAR_CACHE_DIR, or ~/.cache/datajar).
   */
  private Path cacheDirectory;

  /**
   * How long a connection to a dataset in PostgreSQL serves before it is replaced; unset for the
   * runtime's default (30 minutes), 0 to keep connections for ever.
   */
  private Duration connectionMaxLifetime;

  /**
   * How long a copy in the cache directory that no running JVM uses is kept before an open removes
   * it; unset for the runtime's default (datajar.cache.retention, DATAJAR_CACHE_RETENTION, or 7
   * days), 0 to keep every copy for ever.
   */
  private Duration cacheRetention;

  private final Metrics metrics = new Metrics();

  /** The Micrometer meters of store calls and row caches. */
  public static class Metrics {
    /**
     * Whether store calls are timed and counted, and row cache hits and misses counted, as
     * Micrometer meters (datajar.store.calls, datajar.store.errors, datajar.store.cache) when
     * Micrometer is on the class path.
     */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The datasets to open; empty for every dataset on the class path. */
  public List<String> getDatasets() {
    return datasets;
  }

  public void setDatasets(List<String> datasets) {
    this.datasets = datasets;
  }

  /**
   * A file per dataset name, read instead of the dataset on the class path; or a directory of the
   * dataset's jars, of which the newest is read.
   */
  public Map<String, Path> getPaths() {
    return paths;
  }

  public void setPaths(Map<String, Path> paths) {
    this.paths = paths;
  }

  /** A PostgreSQL JDBC URL per dataset name, for datasets built into PostgreSQL. */
  public Map<String, String> getJdbc() {
    return jdbc;
  }

  public void setJdbc(Map<String, String> jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A poll interval per dataset name: the dataset's file (or directory of jars, or newest schema in
   * PostgreSQL) is followed, and a new version is verified and then served without a restart.
   */
  public Map<String, Duration> getFollow() {
    return follow;
  }

  public void setFollow(Map<String, Duration> follow) {
    this.follow = follow;
  }

  /** Where datasets inside jars are copied to; unset for the runtime's default. */
  public Path getCacheDirectory() {
    return cacheDirectory;
  }

  public void setCacheDirectory(Path cacheDirectory) {
    this.cacheDirectory = cacheDirectory;
  }

  /**
   * How long a connection to a dataset in PostgreSQL serves before it is replaced (HikariCP's
   * {@code maxLifetime}); unset for the runtime's default (30 minutes), {@code 0} to keep
   * connections for ever.
   */
  public Duration getCacheRetention() {
    return cacheRetention;
  }

  public void setCacheRetention(Duration cacheRetention) {
    this.cacheRetention = cacheRetention;
  }

  public Duration getConnectionMaxLifetime() {
    return connectionMaxLifetime;
  }

  public void setConnectionMaxLifetime(Duration connectionMaxLifetime) {
    this.connectionMaxLifetime = connectionMaxLifetime;
  }

  /** The Micrometer meters of store calls. */
  public Metrics getMetrics() {
    return metrics;
  }
}
