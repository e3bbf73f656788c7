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
 * datajar.paths.geo=/srv/data/geo.sqlite    # read dataset 'geo' from this file
 * datajar.jdbc.geo=jdbc:postgresql://db/ref # read dataset 'geo' from PostgreSQL (user, password
 *                                          # in the URL or DATAJAR_GEO_JDBC_USER/_PASSWORD)
 * datajar.cache-directory=/var/cache/app    # where datasets inside jars are copied
 * datajar.connection-max-lifetime=10m       # PostgreSQL connections are replaced after this
 * </pre>
 *
 * <p>Unset, the runtime's own defaults apply, including its system properties ({@code
 * datajar.<name>.path}, {@code datajar.<name>.jdbc}, {@code datajar.cache.dir}, {@code
 * datajar.connection.max.lifetime}) and environment variables.
 */
@ConfigurationProperties(prefix = DataJarProperties.PREFIX)
public class DataJarProperties {
  static final String PREFIX = "datajar";

  private List<String> datasets = new ArrayList<>();
  private Map<String, Path> paths = new LinkedHashMap<>();
  private Map<String, String> jdbc = new LinkedHashMap<>();
  private Path cacheDirectory;
  private Duration connectionMaxLifetime;

  /** The datasets to open; empty for every dataset on the class path. */
  public List<String> getDatasets() {
    return datasets;
  }

  public void setDatasets(List<String> datasets) {
    this.datasets = datasets;
  }

  /** A file per dataset name, read instead of the dataset on the class path. */
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
  public Duration getConnectionMaxLifetime() {
    return connectionMaxLifetime;
  }

  public void setConnectionMaxLifetime(Duration connectionMaxLifetime) {
    this.connectionMaxLifetime = connectionMaxLifetime;
  }
}
