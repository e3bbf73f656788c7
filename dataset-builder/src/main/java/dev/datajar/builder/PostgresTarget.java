package dev.datajar.builder;

import dev.datajar.runtime.internal.postgres.JdbcUrls;
import java.util.Objects;

/**
 * A PostgreSQL database to build datasets into, instead of SQLite files in the output folder.
 *
 * <p>Each build of a dataset goes into a new schema named for the dataset, its {@code version} and
 * its content, created and filled in one transaction, so that it appears complete or not at all;
 * earlier schemas stay until removed. Immutable; {@link #toString()} never shows the password.
 *
 * @param url JDBC URL of the database, e.g. {@code jdbc:postgresql://db:5432/reference}
 * @param user user name, or {@code null} for the driver's default (or one in the URL)
 * @param password password, or {@code null}
 * @param version the version of the dataset module, part of the schema name
 */
public record PostgresTarget(String url, String user, String password, String version) {
  public PostgresTarget {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "'"
              + JdbcUrls.redact(url)
              + "' is not a PostgreSQL JDBC URL: expected"
              + " jdbc:postgresql://host:port/database");
    }
    // A password in the URL is taken out of it (and wins, as it would in pgjdbc): the URL is
    // shown in messages and logs, the password never.
    JdbcUrls.Split split = JdbcUrls.split(url);
    url = split.url();
    password = split.password() != null ? split.password() : password;
    version = version == null || version.isBlank() ? "0" : version;
  }

  @Override
  public String toString() {
    return "PostgresTarget[" + url + ", user " + user + ", version " + version + "]";
  }
}
