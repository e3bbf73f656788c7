package dev.datajar.maven;

import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.PostgresTarget;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@code <jdbcUrl>}/{@code <jdbcServer>} and the environment into a {@link PostgresTarget}.
 *
 * <p>Credentials never come from the pom: the user and password are those of the {@code <server>}
 * in {@code settings.xml} that {@code <jdbcServer>} names, or else the environment variables {@code
 * DATAJAR_JDBC_USER} and {@code DATAJAR_JDBC_PASSWORD}. A URL that carries a password is refused,
 * since it would sit in the pom or in the shell history.
 */
final class JdbcTarget {
  static final String USER_VARIABLE = "DATAJAR_JDBC_USER";
  static final String PASSWORD_VARIABLE = "DATAJAR_JDBC_PASSWORD";

  private JdbcTarget() {}

  /**
   * The target, or {@code null} when no URL is set (the datasets go into SQLite files).
   *
   * @param serverId {@code <jdbcServer>}, or {@code null}
   * @param server user name and password of that server from settings.xml (decrypted), or {@code
   *     null} if settings.xml has no such server
   */
  static PostgresTarget of(
      String url, String serverId, String[] server, Map<String, String> env, String version)
      throws DataSetBuildException {
    if (url == null || url.isBlank()) {
      if (serverId != null && !serverId.isBlank()) {
        throw new DataSetBuildException(
            "<jdbcServer> (-Ddataset.jdbc.server) is '"
                + serverId
                + "' but no <jdbcUrl> (-Ddataset.jdbc.url) is set. Set the URL of the PostgreSQL"
                + " database, or remove <jdbcServer>.");
      }
      return null;
    }
    url = url.strip();
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new DataSetBuildException(
          "<jdbcUrl> (-Ddataset.jdbc.url): '"
              + url
              + "' is not a"
              + " PostgreSQL JDBC URL. Use jdbc:postgresql://host:port/database.");
    }
    if (url.toLowerCase(Locale.ROOT).matches(".*[?&]password=.*")) {
      throw new DataSetBuildException(
          "<jdbcUrl> (-Ddataset.jdbc.url) contains a password."
              + " Remove it from the URL and put it in a <server> of settings.xml named by"
              + " <jdbcServer> (-Ddataset.jdbc.server), or in the environment variable "
              + PASSWORD_VARIABLE
              + ".");
    }
    String user;
    String password;
    if (serverId != null && !serverId.isBlank()) {
      if (server == null) {
        throw new DataSetBuildException(
            "<jdbcServer> (-Ddataset.jdbc.server): settings.xml has"
                + " no <server> with id '"
                + serverId
                + "'. Add one with the database user's"
                + " <username> and <password>, or fix the id.");
      }
      user = server[0];
      password = server[1];
    } else {
      user = env.get(USER_VARIABLE);
      password = env.get(PASSWORD_VARIABLE);
    }
    return new PostgresTarget(url, blankToNull(user), blankToNull(password), version);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
