package dev.datajar.runtime.internal;

import dev.datajar.runtime.DataSetException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A few read-only connections of one dataset, each keeping its prepared statements, for the reads
 * that bypass Hibernate.
 *
 * <p>Why not a general pool: sqlite-jdbc does not cache statements, and preparing costs more than a
 * lookup itself, so each connection here is owned by one caller at a time together with its
 * statements: borrow, bind, step, read, give back. Connections open on demand, up to {@code max},
 * so a dataset that is never read holds none (or the one its start-up checks used), and a quiet
 * service holds as many as it ever needed at once. A caller that finds none free waits; {@link
 * #close()} wakes every waiter, which then fails at once with the "closed" message, while calls
 * already holding a connection finish and their connection is closed when given back, so no caller
 * ever sees a driver error about a closed statement.
 */
class FastConnections implements AutoCloseable {
  /**
   * Opens one connection: a read-only SQLite connection to the dataset's file, or a read-only
   * PostgreSQL session in the dataset's schema ({@code PostgresOpener#connect}).
   */
  @FunctionalInterface
  interface Connector {
    Connection open() throws SQLException;
  }

  /** A connection and the statements prepared on it, used by one thread at a time. */
  static final class Slot {
    private static final int MAX_STATEMENTS = 256;

    final Connection connection;

    /** The time limit of the calls on this connection. */
    final QueryTimeLimit limit;

    private final Map<Object, PreparedStatement> statements = new HashMap<>();

    Slot(Connection connection) throws SQLException {
      this.connection = connection;
      this.limit = QueryTimeLimit.on(connection);
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

  private final String dataSet;
  private final String where;
  private final Connector connector;
  private final int max;
  private final String purpose;
  private final long waitMillis;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition returned = lock.newCondition();
  private final ArrayDeque<Slot> free = new ArrayDeque<>();

  /** The open connections, free or borrowed. */
  private final List<Slot> all = new ArrayList<>();

  /** Connections being opened outside the lock: they count towards {@code max}. */
  private int opening;

  private boolean closed;

  /**
   * @param purpose what the connections are for, in the message of a caller that waited too long
   *     ("lookups", "streams")
   * @param where the file or database the connections reach, for messages
   */
  FastConnections(
      String dataSet, String where, Connector connector, int max, String purpose, long waitMillis) {
    this.dataSet = dataSet;
    this.where = where;
    this.connector = connector;
    this.max = max;
    this.purpose = purpose;
    this.waitMillis = waitMillis;
  }

  /**
   * A free connection, a new one if fewer than {@code max} are open, or the next one given back.
   *
   * @throws DataSetException if the dataset is closed, or none came back in time
   */
  Slot borrow() {
    lock.lock();
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
      while (true) {
        checkOpen();
        Slot s = free.pollFirst();
        if (s != null) {
          return s;
        }
        if (all.size() + opening < max) {
          opening++; // the place is taken; the connection is opened outside the lock
          break;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new DataSetException(tooLong());
        }
        returned.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataSetException(
          "dataset '" + dataSet + "': interrupted while waiting for a" + " connection", e);
    } finally {
      lock.unlock();
    }
    return openSlot();
  }

  /**
   * A connection opened now, never one that was idle: for the second try of a read whose connection
   * was lost. Idle ones are closed first (they most likely went with it, e.g. a server restart),
   * which also makes room when all places are taken.
   */
  private Slot borrowNew() {
    List<Slot> idle;
    lock.lock();
    try {
      idle = new ArrayList<>(free);
      free.clear();
      all.removeAll(idle);
    } finally {
      lock.unlock();
    }
    idle.forEach(FastConnections::closeQuietly);
    lock.lock();
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
      while (all.size() + opening >= max) {
        checkOpen();
        Slot s = free.pollFirst();
        if (s != null) {
          all.remove(s); // given back meanwhile: it may be dead too; its place serves
          closeQuietly(s);
          break;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new DataSetException(tooLong());
        }
        returned.awaitNanos(left);
      }
      checkOpen();
      opening++;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataSetException(
          "dataset '" + dataSet + "': interrupted while waiting for a" + " connection", e);
    } finally {
      lock.unlock();
    }
    return openSlot();
  }

  /** Opens the connection whose place {@link #borrow} took. */
  private Slot openSlot() {
    Slot fresh;
    try {
      fresh = slot(connector.open());
    } catch (SQLException | RuntimeException e) {
      lock.lock();
      try {
        opening--;
        returned.signal();
      } finally {
        lock.unlock();
      }
      throw new DataSetException(
          "dataset '" + dataSet + "': cannot connect to " + where + ": " + e.getMessage(), e);
    }
    lock.lock();
    try {
      opening--;
      if (closed) {
        closeQuietly(fresh);
        checkOpen();
      }
      all.add(fresh);
      return fresh;
    } finally {
      lock.unlock();
    }
  }

  private static Slot slot(Connection c) throws SQLException {
    try {
      return new Slot(c);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** What a caller does with a borrowed connection. */
  @FunctionalInterface
  interface Work<R> {
    R run(Slot slot) throws SQLException;
  }

  /**
   * Runs {@code work} on a borrowed connection under the call's {@link QueryTimeLimit} and gives it
   * back. A connection whose call failed with an {@link SQLException} is closed instead (its state
   * is unknown); if the failure says the connection itself was lost (SQLState class 08, or the
   * server ended the session: 57P01–57P03, e.g. a restart or {@code pg_terminate_backend}), the
   * idle connections are closed too (they went the same way) and the read runs once more on a
   * connection opened for it, so a service sees no failed call after its database restarted. A call
   * the time limit stopped fails with {@link QueryTimeLimit.Reached}.
   */
  <R> R use(Work<R> work) throws SQLException {
    return run(work, false);
  }

  /**
   * {@link #use} for work that keeps the connection after it returns (a stream's cursor, which
   * gives it back when it closes): the same retry; a failure of any kind closes the connection.
   */
  <R> R keep(Work<R> work) throws SQLException {
    return run(work, true);
  }

  private <R> R run(Work<R> work, boolean keep) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      Slot slot = attempt == 1 ? borrow() : borrowNew();
      R result;
      slot.limit.begin();
      try {
        result = work.run(slot);
      } catch (SQLException e) {
        slot.limit.end();
        discard(slot);
        // Cancelled though its own limit did not fire (an administrator's pg_cancel_backend):
        // read once more too, as for a lost connection.
        if (attempt == 1 && (lost(e) || ("57014".equals(e.getSQLState()) && !slot.limit.fired()))) {
          continue;
        }
        throw slot.limit.reached(dataSet, e);
      } catch (RuntimeException | Error e) {
        slot.limit.end();
        if (keep) {
          discard(slot); // the work may have changed the connection's state
        } else {
          giveBack(slot);
        }
        throw e;
      }
      slot.limit.end();
      if (!keep) {
        giveBack(slot);
      }
      return result;
    }
  }

  /** True if {@code e} says the connection itself is gone, so a new one may succeed. */
  static boolean lost(SQLException e) {
    String state = e.getSQLState();
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }

  /** Message of a caller that waited {@code waitMillis} in vain; overridden for streams. */
  String tooLong() {
    return "dataset '"
        + dataSet
        + "': all "
        + max
        + " connections for "
        + purpose
        + " of "
        + where
        + " stayed in use for "
        + waitMillis / 1000
        + " s";
  }

  /** True if a caller waits for a connection. */
  boolean hasWaiters() {
    lock.lock();
    try {
      return lock.hasWaiters(returned);
    } finally {
      lock.unlock();
    }
  }

  void giveBack(Slot s) {
    lock.lock();
    try {
      if (closed) {
        all.remove(s);
        closeQuietly(s);
        return;
      }
      free.addFirst(s); // the most recently used one has the warmest statements
      returned.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Closes a connection that must not be reused (its state is unknown) and frees its place. */
  void discard(Slot s) {
    lock.lock();
    try {
      all.remove(s);
      returned.signal();
    } finally {
      lock.unlock();
    }
    closeQuietly(s);
  }

  private void checkOpen() {
    if (closed) {
      throw Engine.closedException(dataSet);
    }
  }

  /** Closes the free connections now, and the borrowed ones as they come back. */
  @Override
  public void close() {
    List<Slot> idle;
    lock.lock();
    try {
      closed = true;
      idle = new ArrayList<>(free);
      free.clear();
      all.removeAll(idle);
      returned.signalAll();
    } finally {
      lock.unlock();
    }
    idle.forEach(FastConnections::closeQuietly);
  }

  private static void closeQuietly(Slot s) {
    try {
      s.connection.close(); // closes its statements too
    } catch (SQLException e) {
      // closing a read-only connection: nothing to lose
    }
  }
}
