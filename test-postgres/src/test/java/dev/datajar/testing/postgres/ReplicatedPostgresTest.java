package dev.datajar.testing.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicatedPostgresTest {
  private static final Duration LIMIT = Duration.ofMinutes(2);

  @Test
  void start_givesStandbysThatReceiveThePrimarysRows_alsoAfterARestart() throws Exception {
    try (ReplicatedPostgres servers = ReplicatedPostgres.start(2)) {
      String url = servers.primary().createDatabase("replicated");
      String db = url.substring(url.lastIndexOf('/') + 1);
      execute(servers.primary(), db, "create table t (id int primary key, v text)");
      execute(servers.primary(), db, "insert into t values (1, 'one')");
      servers.awaitReplay(LIMIT);
      for (int n = 1; n <= 2; n++) {
        assertEquals(List.of("true", "1 one"), read(servers.standby(n), db), "standby " + n);
      }

      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> execute(servers.standby(1), db, "insert into t values (9, 'nine')"));
      assertEquals("25006", refused.getSQLState(), "read-only transaction: " + refused);

      servers.stopStandby(1);
      execute(servers.primary(), db, "insert into t values (2, 'two')");
      servers.awaitReplay(LIMIT);
      assertEquals(List.of("true", "1 one", "2 two"), read(servers.standby(2), db));
      assertThrows(SQLException.class, () -> read(servers.standby(1), db), "standby 1 is down");

      servers.startStandby(1);
      servers.awaitReplay(LIMIT);
      assertEquals(List.of("true", "1 one", "2 two"), read(servers.standby(1), db));

      // One URL names all three; pgjdbc picks a standby for targetServerType=secondary.
      try (Connection c =
              servers.primary().connect(servers.url(db) + "?targetServerType=secondary");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select pg_is_in_recovery()")) {
        rs.next();
        assertTrue(rs.getBoolean(1));
      }
    }
  }

  private static void execute(TestPostgres server, String db, String sql) throws SQLException {
    try (Connection c = server.connect(server.url(db));
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Whether the server is a standby, then the rows of t. */
  private static List<String> read(TestPostgres server, String db) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = server.connect(server.url(db));
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select pg_is_in_recovery()")) {
        rs.next();
        out.add(String.valueOf(rs.getBoolean(1)));
      }
      try (ResultSet rs = s.executeQuery("select id, v from t order by id")) {
        while (rs.next()) {
          out.add(rs.getInt(1) + " " + rs.getString(2));
        }
      }
    }
    return out;
  }
}
