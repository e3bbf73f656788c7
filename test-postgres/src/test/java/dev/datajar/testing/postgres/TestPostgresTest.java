package dev.datajar.testing.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestPostgresTest {
  @Test
  void get_startsOneServerOnLoopback_andGivesEachCallerItsOwnDatabase() throws Exception {
    TestPostgres pg = TestPostgres.get();
    assertTrue(pg == TestPostgres.get(), "one server per JVM");
    String a = pg.createDatabase("first");
    String b = pg.createDatabase("first");
    assertNotEquals(a, b);
    try (Connection c = pg.connect(a);
        Statement s = c.createStatement()) {
      s.execute("create table t (v numeric)");
      s.execute("insert into t values (1.50)");
      try (ResultSet rs =
          s.executeQuery(
              "select v::text, inet_server_addr()::text,"
                  + " current_setting('server_encoding') from t")) {
        rs.next();
        assertEquals("1.50", rs.getString(1));
        assertEquals("127.0.0.1/32", rs.getString(2));
        assertEquals("UTF8", rs.getString(3));
      }
    }
    try (Connection c = pg.connect(b);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from pg_tables where tablename = 't'")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "a new database is empty");
    }
  }

  @Test
  void get_byDefault_runsThePostgreSqlThatComesThroughMaven() throws Exception {
    assumeTrue(
        TestPostgres.setting("datajar.test.jdbc", "DATAJAR_TEST_JDBC") == null
            && TestPostgres.setting(PostgresPrograms.PROPERTY, PostgresPrograms.ENV) == null,
        "another server or other programs are configured");
    TestPostgres pg = TestPostgres.get();
    try (Connection c = pg.connect(pg.url("postgres"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select current_setting('server_version')")) {
      rs.next();
      assertTrue(rs.getString(1).startsWith("17.6"), rs.getString(1));
    }
  }

  /** As root, the server runs as 'postgres' where that user exists; this is the other case. */
  @Test
  void localServer_asRoot_runsAsNobody_whenThereIsNoPostgresUser() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    LocalServer server = LocalServer.create(PostgresPrograms.bin(), "nobody");
    try {
      server.initdb();
      server.start();
      assertEquals("nobody", Files.getOwner(server.data()).getName());
      TestPostgres pg = TestPostgres.of(server);
      try (Connection c = pg.connect(pg.createDatabase("as_nobody"));
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select 40 + 2")) {
        rs.next();
        assertEquals(42, rs.getInt(1));
      }
    } finally {
      server.destroy();
    }
    assertTrue(!Files.exists(server.data()), "destroy deletes the cluster");
  }
}
