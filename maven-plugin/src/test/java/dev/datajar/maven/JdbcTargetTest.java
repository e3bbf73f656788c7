package dev.datajar.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.PostgresTarget;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JdbcTargetTest {
  private static final String URL = "jdbc:postgresql://db:5432/reference";

  @Test
  void of_withoutUrl_buildsSqliteFiles() throws Exception {
    assertNull(JdbcTarget.of(null, null, null, Map.of(), "1.0"));
    assertNull(JdbcTarget.of(" ", null, null, Map.of(), "1.0"));
  }

  @Test
  void of_takesCredentialsFromTheNamedServer() throws Exception {
    PostgresTarget t =
        JdbcTarget.of(
            URL,
            "refdb",
            new String[] {"loader", "s3cret"},
            Map.of("DATAJAR_JDBC_USER", "other"),
            "1.0");
    assertEquals(new PostgresTarget(URL, "loader", "s3cret", "1.0"), t);
    assertEquals(
        "PostgresTarget[" + URL + ", user loader, version 1.0]",
        t.toString(),
        "the password is never shown");
  }

  @Test
  void of_takesCredentialsFromTheEnvironmentWithoutAServer() throws Exception {
    assertEquals(
        new PostgresTarget(URL, "loader", "pw", "2.0"),
        JdbcTarget.of(
            URL,
            null,
            null,
            Map.of("DATAJAR_JDBC_USER", "loader", "DATAJAR_JDBC_PASSWORD", "pw"),
            "2.0"));
  }

  @Test
  void of_refusesPasswordsInTheUrl_unknownServers_andOtherDatabases() {
    assertEquals(
        "<jdbcUrl> (-Ddataset.jdbc.url) contains a password. Remove it from the URL"
            + " and put it in a <server> of settings.xml named by <jdbcServer>"
            + " (-Ddataset.jdbc.server), or in the environment variable DATAJAR_JDBC_PASSWORD.",
        assertThrows(
                DataSetBuildException.class,
                () -> JdbcTarget.of(URL + "?user=a&password=b", null, null, Map.of(), "1"))
            .getMessage());
    assertEquals(
        "<jdbcServer> (-Ddataset.jdbc.server): settings.xml has no <server> with id"
            + " 'refdb'. Add one with the database user's <username> and <password>, or fix the id.",
        assertThrows(
                DataSetBuildException.class, () -> JdbcTarget.of(URL, "refdb", null, Map.of(), "1"))
            .getMessage());
    assertEquals(
        "<jdbcUrl> (-Ddataset.jdbc.url): 'jdbc:mysql://db/x' is not a PostgreSQL JDBC"
            + " URL. Use jdbc:postgresql://host:port/database.",
        assertThrows(
                DataSetBuildException.class,
                () -> JdbcTarget.of("jdbc:mysql://db/x", null, null, Map.of(), "1"))
            .getMessage());
    assertEquals(
        "<jdbcServer> (-Ddataset.jdbc.server) is 'refdb' but no <jdbcUrl>"
            + " (-Ddataset.jdbc.url) is set. Set the URL of the PostgreSQL database, or remove"
            + " <jdbcServer>.",
        assertThrows(
                DataSetBuildException.class,
                () -> JdbcTarget.of(null, "refdb", null, Map.of(), "1"))
            .getMessage());
  }
}
