package dev.datajar.runtime.internal.core;

import dev.datajar.runtime.DataSetException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

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
public class FastConnections implements AutoCloseable {
  /**
   * Opens one connection: a read-only SQLite connection to the dataset's file, or a read-only
   * PostgreSQL session in the dataset's schema ({@code PostgresOpener#connect}).
   */
  @FunctionalInterface
  public interface Connector {
    Connection open() throws SQLException;
  }

  /** A connection and the statements prepared on it, used by one thread at a time. */
  public static final class Slot {
    private static final int MAX_STATEMENTS = 256;

    final Connection connection;

    /** The time limit of the calls on this connection. */
    final QueryTimeLimit limit;

    /** The {@link #evict} generation it was opened in; an older one is closed when given back. */
    private int generation;

    /** True while a caller that keeps it (a stream) holds it; guarded by the pool's lock. */
    private boolean kept;

    /**
     * When it is retired ({@link System#nanoTime()}): its pool's maximum life, shortened by a
     * random part, after it joined the pool, unless it is {@code ageless} (no maximum life);
     * guarded by the pool's lock.
     */
    private long retireAt;

    private boolean ageless = true;

    /** Set by the caller holding it when its session may keep state of that caller's: retired. */
    private boolean retire;

    private final Map<Object, PreparedStatement> statements = new HashMap<>();

    Slot(Connection connection, SqlFlavour flavour) throws SQLException {
      this.connection = connection;
      this.limit = QueryTimeLimit.on(connection, flavour);
    }

    /** The JDBC connection, for work that is not a cached statement. */
    public Connection connection() {
      return connection;
    }

    /**
     * Retires this connection when its caller gives it back, rather than lending it again: for a
     * call that may leave state in its session that a rollback does not undo ({@code sql()}).
     */
    public void retireWhenReturned() {
      retire = true;
    }

    public PreparedStatement statement(Object key, String sql) throws SQLException {
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

  /** The engine's seam: how a call's time limit stops a statement. */
  private final SqlFlavour flavour;

  private final int max;

  /** How many of the {@code max} connections callers that keep one (streams) may hold at once. */
  private final int keepMax;

  private final String purpose;
  private final long waitMillis;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition returned = lock.newCondition();
  private final ArrayDeque<Slot> free = new ArrayDeque<>();

  /** The open connections, free or borrowed. */
  private final List<Slot> all = new ArrayList<>();

  /** Connections being opened outside the lock: they count towards {@code max}. */
  private int opening;

  /** Set under the lock by {@link #close}; volatile so that {@link #failIfClosed} needs none. */
  private volatile boolean closed;

  /** Bumped by {@link #evict}: connections opened before are not lent again. */
  private int generation;

  /** How many connections callers that keep one hold now. */
  private int kept;

  /**
   * The longest a connection serves, in nanoseconds; 0 for ever. Each connection's own life is
   * drawn between three quarters of it and all of it, so connections opened together do not all go
   * at once.
   */
  private volatile long maxLifeNanos;

  /** Closes retired connections and opens their replacements, off the callers' threads. */
  private static final ThreadPoolExecutor BACKGROUND = background();

  /** What a caller that waited too long is told to look at (the open streams), or null. */
  private volatile Supplier<String> advice;

  /** Set while this thread opens a Hibernate stream: its session's connection is kept. */
  private static final ThreadLocal<Boolean> KEEPING = new ThreadLocal<>();

  /**
   * @param purpose what the connections are for, in the message of a caller that waited too long
   *     ("lookups", "streams")
   * @param where the file or database the connections reach, for messages
   */
  public FastConnections(
      String dataSet,
      String where,
      Connector connector,
      SqlFlavour flavour,
      int max,
      String purpose,
      long waitMillis) {
    this(dataSet, where, connector, flavour, max, max, purpose, waitMillis);
  }

  /**
   * A pool whose callers that keep a connection (streams, see {@link #keep}) may hold at most
   * {@code keepMax} of its {@code max} connections, so that the others always serve short calls.
   */
  public FastConnections(
      String dataSet,
      String where,
      Connector connector,
      SqlFlavour flavour,
      int max,
      int keepMax,
      String purpose,
      long waitMillis) {
    this.dataSet = dataSet;
    this.where = where;
    this.connector = connector;
    this.flavour = flavour;
    this.max = max;
    this.keepMax = keepMax;
    this.purpose = purpose;
    this.waitMillis = waitMillis;
  }

  /**
   * A free connection, a new one if fewer than {@code max} are open, or the next one given back.
   *
   * @throws DataSetException if the dataset is closed, or none came back in time
   */
  public Slot borrow() {
    return borrow(false);
  }

  private Slot borrow(boolean keep) {
    lock.lock();
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
      while (true) {
        checkOpen();
        if (!keep || kept < keepMax) {
          Slot s = free.pollFirst();
          // One past its life is retired if another is free; the last one free serves this call
          // and is retired when it comes back, so no call waits for a connection to open.
          while (s != null && !free.isEmpty() && expired(s, System.nanoTime())) {
            retire(s);
            s = free.pollFirst();
          }
          if (s != null) {
            markKept(s, keep);
            return s;
          }
          if (all.size() + opening < max) {
            opening++; // the place is taken; the connection is opened outside the lock
            if (keep) {
              kept++; // counted now, so that no other keeper takes it meanwhile
            }
            break;
          }
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
    return openSlot(keep);
  }

  private void markKept(Slot s, boolean keep) {
    if (keep) {
      s.kept = true;
      kept++;
    }
  }

  /** Frees a kept slot's share of {@code keepMax}; under the lock. */
  private void unmarkKept(Slot s) {
    if (s.kept) {
      s.kept = false;
      kept--;
    }
  }

  /**
   * A connection opened now, never one that was idle: for the second try of a read whose connection
   * was lost. Idle ones are closed first (they most likely went with it, e.g. a server restart),
   * which also makes room when all places are taken.
   */
  private Slot borrowNew(boolean keep) {
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
      while (all.size() + opening >= max || (keep && kept >= keepMax)) {
        checkOpen();
        if (all.size() + opening < max) {
          // Room, but the keepers' share is taken: wait for a keeper to give one back.
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new DataSetException(tooLong());
          }
          returned.awaitNanos(left);
          continue;
        }
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
      if (keep) {
        kept++;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataSetException(
          "dataset '" + dataSet + "': interrupted while waiting for a" + " connection", e);
    } finally {
      lock.unlock();
    }
    return openSlot(keep);
  }

  /** Opens the connection whose place {@link #borrow} took. */
  private Slot openSlot(boolean keep) {
    Slot fresh;
    try {
      fresh = slot(connector.open());
    } catch (SQLException | RuntimeException e) {
      lock.lock();
      try {
        opening--;
        if (keep) {
          kept--;
        }
        returned.signalAll();
      } finally {
        lock.unlock();
      }
      throw new DataSetException(
          "dataset '" + dataSet + "': cannot connect to " + where + ": " + e.getMessage(), e);
    }
    lock.lock();
    try {
      opening--;
      fresh.generation = generation;
      fresh.kept = keep;
      born(fresh);
      if (closed) {
        if (keep) {
          kept--;
        }
        closeQuietly(fresh);
        checkOpen();
      }
      all.add(fresh);
      return fresh;
    } finally {
      lock.unlock();
    }
  }

  private Slot slot(Connection c) throws SQLException {
    try {
      return new Slot(c, flavour);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** What a caller does with a borrowed connection. */
  @FunctionalInterface
  public interface Work<R> {
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
  public <R> R use(Work<R> work) throws SQLException {
    return run(work, false);
  }

  /**
   * {@link #use} for work that keeps the connection after it returns (a stream's cursor, which
   * gives it back when it closes): the same retry; a failure of any kind closes the connection.
   */
  public <R> R keep(Work<R> work) throws SQLException {
    return run(work, true);
  }

  private <R> R run(Work<R> work, boolean keep) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      Slot slot = attempt == 1 ? borrow(keep) : borrowNew(keep);
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

  /**
   * True if {@code e} or a cause says the connection was lost (a restart, a terminated session).
   */
  public static boolean connectionLost(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && lost(s)) {
        return true;
      }
    }
    return false;
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
        + " s"
        + (advice == null ? "" : advice.get());
  }

  /** Adds what {@code advice} says to the message of a caller that waited too long. */
  public void advice(Supplier<String> advice) {
    this.advice = advice;
  }

  /** True if a caller waits for a connection. */
  public boolean hasWaiters() {
    lock.lock();
    try {
      return lock.hasWaiters(returned);
    } finally {
      lock.unlock();
    }
  }

  public void giveBack(Slot s) {
    lock.lock();
    try {
      unmarkKept(s);
      if (closed || s.generation != generation) {
        all.remove(s);
        closeQuietly(s);
        returned.signalAll();
        return;
      }
      if (s.retire || expired(s, System.nanoTime())) {
        retire(s);
        returned.signalAll();
        return;
      }
      free.addFirst(s); // the most recently used one has the warmest statements
      returned.signalAll(); // a keeper may wait for a share, a short call for any connection
    } finally {
      lock.unlock();
    }
  }

  /**
   * Retires every connection once it has served for {@code maxLife} (with a random quarter taken
   * off each one's, so they do not go together): it is closed when it comes back, or when a caller
   * finds it idle and another one free, and a new one is opened in its place in the background. Not
   * while a call uses it, so retiring never fails or delays a call. Connections then follow what
   * the URL says: with several servers, a standby that came back gets its share again as
   * connections are replaced. {@code Duration.ZERO}: connections serve for ever.
   */
  public void maxLife(Duration maxLife) {
    lock.lock();
    try {
      maxLifeNanos = maxLife.toNanos();
      all.forEach(this::born);
    } finally {
      lock.unlock();
    }
  }

  /** Sets {@code s}'s retirement time from now; under the lock. */
  private void born(Slot s) {
    long life = maxLifeNanos;
    s.ageless = life <= 0;
    if (!s.ageless) {
      s.retireAt = System.nanoTime() + life - ThreadLocalRandom.current().nextLong(life / 4 + 1);
    }
  }

  private static boolean expired(Slot s, long now) {
    return !s.ageless && now - s.retireAt >= 0;
  }

  /**
   * Takes {@code s} out of the pool (a caller gave it back, or it is idle and past its life) and
   * has it closed and a new connection opened in its place, both in the background; under the lock.
   */
  private void retire(Slot s) {
    all.remove(s);
    boolean replace = !closed && all.size() + opening < max;
    if (replace) {
      opening++; // its place, as borrow() takes one
    }
    BACKGROUND.execute(
        () -> {
          closeQuietly(s);
          if (replace) {
            openInBackground();
          }
        });
  }

  /** Opens a connection for the place {@link #retire} took and adds it to the free ones. */
  private void openInBackground() {
    Slot fresh = null;
    try {
      fresh = slot(connector.open());
    } catch (SQLException | RuntimeException e) {
      // The next caller that needs one opens it and reports why it cannot.
    }
    lock.lock();
    try {
      opening--;
      if (fresh != null) {
        if (closed) {
          closeQuietly(fresh);
        } else {
          fresh.generation = generation;
          born(fresh);
          all.add(fresh);
          free.addLast(fresh);
        }
      }
      returned.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes the pooled connection behind {@code c} (one {@link #dataSource()} lent) be retired when
   * it is given back rather than lent again: for a call that may have left state in its session
   * that a rollback does not undo ({@code sql()}). Does nothing for another connection.
   */
  public static void retireWhenReturned(Connection c) {
    if (Proxy.isProxyClass(c.getClass()) && Proxy.getInvocationHandler(c) instanceof Lent l) {
      l.slot.retireWhenReturned();
    }
  }

  private static ThreadPoolExecutor background() {
    ThreadPoolExecutor e =
        new ThreadPoolExecutor(
            1,
            1,
            10,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "datajar-connections");
              t.setDaemon(true);
              return t;
            });
    e.allowCoreThreadTimeOut(true);
    return e;
  }

  /** Closes a connection that must not be reused (its state is unknown) and frees its place. */
  public void discard(Slot s) {
    lock.lock();
    try {
      unmarkKept(s);
      all.remove(s);
      returned.signalAll();
    } finally {
      lock.unlock();
    }
    closeQuietly(s);
  }

  /**
   * Replaces every connection after one was found lost: idle ones are closed now, those in use when
   * they are given back, so the next caller gets a new one (what HikariCP calls a soft eviction).
   */
  public void evict() {
    List<Slot> idle;
    lock.lock();
    try {
      generation++;
      idle = new ArrayList<>(free);
      free.clear();
      all.removeAll(idle);
      returned.signalAll();
    } finally {
      lock.unlock();
    }
    idle.forEach(FastConnections::closeQuietly);
  }

  /**
   * Runs {@code open} (the opening of a Hibernate stream) so that the connection its session takes
   * counts as kept, like a plain stream's.
   */
  public static <R> R keeping(Supplier<R> open) {
    KEEPING.set(Boolean.TRUE);
    try {
      return open.get();
    } finally {
      KEEPING.remove();
    }
  }

  /**
   * These connections as a {@link DataSource} for Hibernate: a connection it gets is taken out of
   * auto-commit mode (being read-only, pgjdbc then begins each transaction {@code READ ONLY}), and
   * when Hibernate closes it, it is rolled back, put back in auto-commit mode and given back; if
   * that fails, it is closed instead.
   */
  public DataSource dataSource() {
    return new PooledSource(this);
  }

  /** A connection lent to Hibernate, as {@link #dataSource()} describes. */
  Connection lend() throws SQLException {
    Slot slot;
    try {
      slot = borrow(Boolean.TRUE.equals(KEEPING.get()));
    } catch (DataSetException e) {
      throw new SQLException(e.getMessage(), "08001", e);
    }
    try {
      slot.connection.setAutoCommit(false);
    } catch (SQLException | RuntimeException e) {
      discard(slot);
      throw e;
    }
    return (Connection)
        Proxy.newProxyInstance(
            FastConnections.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new Lent(this, slot));
  }

  /** Hands a slot's connection to Hibernate until it closes it. */
  private static final class Lent implements InvocationHandler {
    private final FastConnections pool;
    private final Slot slot;
    private volatile boolean released;

    Lent(FastConnections pool, Slot slot) {
      this.pool = pool;
      this.slot = slot;
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
      switch (m.getName()) {
        case "close":
          release();
          return null;
        case "isClosed":
          return released || slot.connection.isClosed();
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "datajar connection " + System.identityHashCode(proxy);
        default:
          if (released) {
            throw new SQLException("connection closed", "08003");
          }
          try {
            return m.invoke(slot.connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
      }
    }

    private synchronized void release() {
      if (released) {
        return;
      }
      released = true;
      try {
        if (!slot.connection.getAutoCommit()) {
          slot.connection.rollback();
          slot.connection.setAutoCommit(true);
        }
      } catch (SQLException | RuntimeException e) {
        pool.discard(slot); // lost, or in a state it cannot leave: not lent again
        return;
      }
      pool.giveBack(slot);
    }
  }

  /** {@link #dataSource()}. */
  private static final class PooledSource implements DataSource {
    private final FastConnections pool;

    PooledSource(FastConnections pool) {
      this.pool = pool;
    }

    FastConnections pool() {
      return pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return pool.lend();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      throw new SQLException("the dataset's connections have their own credentials");
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      if (type.isInstance(this)) {
        return type.cast(this);
      }
      throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return type.isInstance(this);
    }
  }

  /** The pool behind {@code ds} if it is {@link #dataSource()}'s, else null. */
  public static FastConnections of(DataSource ds) {
    return ds instanceof PooledSource p ? p.pool() : null;
  }

  /**
   * Fails with the closed message once {@link #close} has run: for a stream that may hand out a row
   * it read ahead, whose connection closing would not stop.
   */
  public void failIfClosed() {
    checkOpen();
  }

  private void checkOpen() {
    if (closed) {
      throw ClosedDataSet.exception(dataSet);
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
