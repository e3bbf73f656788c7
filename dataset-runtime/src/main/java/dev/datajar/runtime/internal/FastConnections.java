package dev.datajar.runtime.internal;

import dev.datajar.runtime.format.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few read-only connections of one dataset, each keeping its prepared statements, for the
 * lookups by id that bypass Hibernate ({@link RowLoader}).
 *
 * <p>Why not the HikariCP pool: a pooled connection is shared with Hibernate, which closes the
 * statements it prepares, and sqlite-jdbc does not cache statements. Preparing costs more than
 * the lookup itself, so each connection here is owned by one caller at a time together with its
 * statements: borrow, bind, step, read, give back. Connections open on demand, up to
 * {@code max}; a caller that finds none free waits for one.
 */
final class FastConnections implements AutoCloseable {
  /** A connection and the statements prepared on it, used by one thread at a time. */
  static final class Slot {
    private static final int MAX_STATEMENTS = 256;

    final Connection connection;
    private final Map<Object, PreparedStatement> statements = new HashMap<>();

    Slot(Connection connection) {
      this.connection = connection;
    }

    PreparedStatement statement(Object key, String sql) throws SQLException {
      PreparedStatement ps = statements.get(key);
      if (ps == null) {
        if (statements.size() >= MAX_STATEMENTS) {
          // Searches with many shapes (in-lists of every length): start again rather than grow.
          for (PreparedStatement old : statements.values()) {
            old.close();
          }
          statements.clear();
        }
        ps = connection.prepareStatement(sql);
        statements.put(key, ps);
      }
      return ps;
    }
  }

  private final Path file;
  private final int max;
  private final BlockingQueue<Slot> free;
  private final AtomicInteger opened = new AtomicInteger();
  private final List<Slot> all = new ArrayList<>();
  private volatile boolean closed;

  FastConnections(Path file, int max) {
    this.file = file;
    this.max = max;
    this.free = new ArrayBlockingQueue<>(max);
  }

  Slot borrow() throws SQLException {
    Slot s = free.poll();
    if (s != null) {
      return s;
    }
    if (opened.incrementAndGet() <= max) {
      Slot fresh = new Slot(SqliteFiles.openReadOnly(file));
      synchronized (all) {
        all.add(fresh);
      }
      return fresh;
    }
    opened.decrementAndGet();
    try {
      s = free.poll(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a connection", e);
    }
    if (s == null) {
      throw new SQLException("all " + max + " connections of " + file + " stayed in use for"
          + " 30 s: are streams left open? Close every Store.stream() (try-with-resources)");
    }
    return s;
  }

  void giveBack(Slot s) {
    if (closed) {
      closeQuietly(s);
    } else {
      free.offer(s);
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (all) {
      all.forEach(FastConnections::closeQuietly);
      all.clear();
    }
  }

  private static void closeQuietly(Slot s) {
    try {
      s.connection.close(); // closes its statements too
    } catch (SQLException e) {
      // closing a read-only connection: nothing to lose
    }
  }
}
