package dev.datajar.testing.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A private primary server with streaming standbys, for tests of reads spread over replicas: each
 * server is a cluster of its own on a loopback port (see {@link LocalServer}), started by {@link
 * #start(int)} and deleted by {@link #close()} (or when the JVM exits).
 *
 * <p>The standbys are made without {@code pg_basebackup} (the PostgreSQL that comes through Maven
 * has none): the primary is started once to create a physical replication slot per standby, then
 * stopped cleanly, and each standby's data is a copy of the stopped primary's, with {@code
 * standby.signal}, a {@code primary_conninfo} naming the primary and its own slot, so the primary
 * keeps every WAL record a standby has not received, also while that standby is stopped. Standbys
 * are hot: they answer read-only queries.
 *
 * <p>The servers are always private ones, with the programs {@link TestPostgres} uses ({@code
 * -Ddatajar.test.postgres.bin} or those from Maven); {@code DATAJAR_TEST_JDBC} does not apply.
 *
 * <p>Each server keeps its port across {@link #stopStandby(int)} and {@link #startStandby(int)}, so
 * one JDBC URL can name them all, e.g. {@link #url(String)}. Thread-safe.
 */
public final class ReplicatedPostgres implements AutoCloseable {
  private final LocalServer primary;
  private final List<LocalServer> standbys;
  private final TestPostgres primaryHandle;
  private final List<TestPostgres> standbyHandles;

  private ReplicatedPostgres(LocalServer primary, List<LocalServer> standbys) {
    this.primary = primary;
    this.standbys = standbys;
    this.primaryHandle = TestPostgres.of(primary);
    this.standbyHandles = standbys.stream().map(TestPostgres::of).toList();
  }

  /** Starts a new primary and {@code standbys} streaming standbys of it. */
  public static ReplicatedPostgres start(int standbys) {
    LocalServer primary = LocalServer.create(PostgresPrograms.bin(), LocalServer.defaultOsUser());
    List<LocalServer> copies = new ArrayList<>();
    try {
      primary.initdb();
      primary.configure(
          "wal_level = replica",
          "max_wal_senders = " + (standbys + 5),
          "max_replication_slots = " + (standbys + 5),
          "hot_standby = on",
          "hot_standby_feedback = on");
      primary.start();
      TestPostgres admin = TestPostgres.of(primary);
      try (Connection c = admin.connect(admin.url("postgres"));
          Statement s = c.createStatement()) {
        for (int i = 1; i <= standbys; i++) {
          // true: the slot keeps WAL from now on, before any standby has connected
          s.execute("select pg_create_physical_replication_slot('" + slot(i) + "', true)");
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create replication slots: " + e.getMessage(), e);
      }
      primary.stop();
      for (int i = 1; i <= standbys; i++) {
        LocalServer copy = primary.copyStopped();
        copies.add(copy);
        copy.configure(
            "primary_conninfo = 'host=127.0.0.1 port="
                + primary.port()
                + " user="
                + LocalServer.SUPERUSER
                + " application_name="
                + slot(i)
                + "'",
            "primary_slot_name = '" + slot(i) + "'");
        copy.touch("standby.signal");
      }
      primary.start();
      for (LocalServer copy : copies) {
        copy.start();
      }
      return new ReplicatedPostgres(primary, List.copyOf(copies));
    } catch (RuntimeException e) {
      copies.forEach(LocalServer::destroy);
      primary.destroy();
      throw e;
    }
  }

  /** The primary: the only server that takes writes. */
  public TestPostgres primary() {
    return primaryHandle;
  }

  /** Standby {@code n}, counted from 1. */
  public TestPostgres standby(int n) {
    return standbyHandles.get(n - 1);
  }

  public int standbyCount() {
    return standbys.size();
  }

  /** Stops standby {@code n} (a fast shutdown: its sessions end); the primary keeps its WAL. */
  public void stopStandby(int n) {
    standbys.get(n - 1).stop();
  }

  /** Starts standby {@code n} again on its port; it catches up from where it stopped. */
  public void startStandby(int n) {
    standbys.get(n - 1).start();
  }

  /**
   * A JDBC URL of database {@code name} naming every server, the primary first, e.g. for pgjdbc's
   * {@code targetServerType=preferSecondary&loadBalanceHosts=true}.
   */
  public String url(String name) {
    List<LocalServer> all = new ArrayList<>();
    all.add(primary);
    all.addAll(standbys);
    return "jdbc:postgresql://"
        + all.stream().map(s -> "127.0.0.1:" + s.port()).collect(Collectors.joining(","))
        + "/"
        + name;
  }

  /**
   * Waits until every running standby has replayed all that the primary has written so far, or
   * fails after {@code limit}.
   */
  public void awaitReplay(Duration limit) {
    TestPostgres p = primary();
    String lsn;
    try (Connection c = p.connect(p.url("postgres"));
        Statement s = c.createStatement();
        // The insert position: with synchronous_commit off, a commit may not be written yet.
        ResultSet rs = s.executeQuery("select pg_current_wal_insert_lsn()::text")) {
      rs.next();
      lsn = rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the primary's WAL position", e);
    }
    long deadline = System.nanoTime() + limit.toNanos();
    for (int n = 1; n <= standbys.size(); n++) {
      if (!standbys.get(n - 1).running()) {
        continue;
      }
      TestPostgres standby = standby(n);
      while (!replayed(standby, lsn)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "standby " + n + " has not replayed the primary's WAL up to " + lsn + " in " + limit);
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for standby " + n, e);
        }
      }
    }
  }

  private static boolean replayed(TestPostgres standby, String lsn) {
    try (Connection c = standby.connect(standby.url("postgres"));
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select coalesce(pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn, false)")) {
      rs.next();
      return rs.getBoolean(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot ask standby on port " + standby.port(), e);
    }
  }

  private static String slot(int n) {
    return "standby_" + n;
  }

  /** Stops every server and deletes its data. */
  @Override
  public void close() {
    standbys.forEach(LocalServer::destroy);
    primary.destroy();
  }
}
