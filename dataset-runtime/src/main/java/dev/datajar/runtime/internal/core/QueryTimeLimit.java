package dev.datajar.runtime.internal.core;

import dev.datajar.runtime.DataSetException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;

/**
 * The time one {@code Store} call may keep the database working, on one connection: every {@code
 * get}, {@code getAll}, {@code search}, {@code count}, the opening of a {@code stream} (the query
 * and its first rows; the rest is read at the caller's pace), {@code query()} and {@code sql()}.
 *
 * <p>How it stops a statement, from outside the statement (nothing the statement's text does can
 * lift it):
 *
 * <ul>
 *   <li>SQLite: a progress handler on the connection looks at the clock every {@value #STEPS}
 *       virtual-machine steps and interrupts the statement once the time is up.
 *   <li>PostgreSQL: a timer thread of this JVM asks the server to cancel the running statement
 *       (pgjdbc's {@code PGConnection.cancelQuery()}, which sends the cancel over a connection of
 *       its own, which the engine seam gives: {@link SqlFlavour#canceller}), the way {@code
 *       Statement.setQueryTimeout} does, and asks again every {@value #AGAIN_MILLIS} ms while the
 *       call runs (the server drops a cancel that arrives before the statement). A {@code SET
 *       statement_timeout} would not do: the text of an {@code sql()} call could change it.
 * </ul>
 *
 * <p>Set with the system property {@value #PROPERTY} or the environment variable {@value
 * #ENVIRONMENT}: seconds ({@code 5}, {@code 0.5}) or an ISO-8601 duration ({@code PT2M}); {@code 0}
 * turns the limit off. Default 30 seconds. Read at each call, so it can be changed while running.
 *
 * <p>A limit belongs to one connection and serves one call at a time: {@link #begin()} before the
 * call, {@link #end()} after it. A connection of the plain reads keeps its limit (and SQLite's
 * handler) for its life; a pooled connection of Hibernate's gets one per call ({@link #start}).
 */
public final class QueryTimeLimit {
  static final String PROPERTY = "datajar.query.timeout";
  static final String ENVIRONMENT = "DATAJAR_QUERY_TIMEOUT";
  static final Duration DEFAULT = Duration.ofSeconds(30);

  /** SQLite virtual-machine steps between two looks at the clock: a few microseconds apart. */
  private static final int STEPS = 10_000;

  /** How long after a cancel the next one is sent if the call is still running. */
  private static final long AGAIN_MILLIS = 250;

  /** Sends PostgreSQL's cancel requests; one daemon thread, idle but for calls that run long. */
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  /**
   * The last setting read and what it means, so that a call parses nothing when it is unchanged.
   */
  private static volatile Parsed lastParsed = new Parsed(null, DEFAULT);

  /** Asks the server to cancel the statement running on one connection (PostgreSQL). */
  @FunctionalInterface
  public interface Canceller {
    void cancel() throws SQLException;
  }

  private record Parsed(String text, Duration limit) {}

  private final SQLiteConnection sqlite;

  /** PostgreSQL: pgjdbc's cancel; typed so that the class names no pgjdbc type (SQLite users). */
  private final Canceller postgres;

  private Duration limit = DEFAULT;

  /** SQLite: when the running call must stop ({@link System#nanoTime()}), if {@code active}. */
  private volatile long deadline;

  private volatile boolean active;
  private volatile boolean fired;

  /**
   * PostgreSQL: the pending look at the running call ({@link #check}), or null; guarded by {@code
   * this}. It stays queued when a call ends in time and serves the connection's next calls, so that
   * a call neither queues a task nor wakes the timer thread (before: about one wake-up per call,
   * docs/benchmarks.md).
   */
  private ScheduledFuture<?> check;

  /** PostgreSQL: when the pending {@link #check} runs ({@link System#nanoTime()}); guarded. */
  private long checkAt;

  /** PostgreSQL: the number of the pending {@link #check}; an older one that runs does nothing. */
  private long checkNumber;

  /** PostgreSQL: when the running call must stop ({@link System#nanoTime()}); guarded. */
  private long due;

  /** PostgreSQL: true while no call with a limit runs; guarded by {@code this}. */
  private boolean ended = true;

  private QueryTimeLimit(SQLiteConnection sqlite, Canceller postgres) {
    this.sqlite = sqlite;
    this.postgres = postgres;
  }

  /**
   * The limit of calls on {@code jdbc} (a pooled connection is unwrapped to the driver's): on
   * SQLite its progress handler is installed now, for as long as the connection lives or until
   * {@link #remove()}.
   */
  static QueryTimeLimit on(Connection jdbc, SqlFlavour flavour) throws SQLException {
    if (jdbc.isWrapperFor(SQLiteConnection.class)) {
      QueryTimeLimit t = new QueryTimeLimit(jdbc.unwrap(SQLiteConnection.class), null);
      ProgressHandler.setHandler(
          t.sqlite,
          STEPS,
          new ProgressHandler() {
            @Override
            protected int progress() {
              if (t.active && System.nanoTime() - t.deadline > 0) {
                t.fired = true;
                return 1; // non-zero: SQLite stops the statement with SQLITE_INTERRUPT
              }
              return 0;
            }
          });
      return t;
    }
    // PostgreSQL's cancel comes from the seam; another driver has none (no limit).
    return new QueryTimeLimit(null, flavour.canceller(jdbc));
  }

  /**
   * The limit of one call on a pooled connection that other code uses too: started now; {@link
   * #close()} ends it and removes SQLite's handler before the connection goes back.
   */
  public static QueryTimeLimit start(Connection jdbc, SqlFlavour flavour) throws SQLException {
    QueryTimeLimit t = on(jdbc, flavour);
    t.begin();
    return t;
  }

  /** Starts the clock of a call. */
  void begin() {
    limit = configured();
    fired = false;
    if (limit.isZero()) {
      return;
    }
    if (sqlite != null) {
      deadline = System.nanoTime() + limit.toNanos();
      active = true;
    } else if (postgres != null) {
      synchronized (this) {
        ended = false;
        due = System.nanoTime() + limit.toNanos();
        if (check == null || checkAt - due > 0) { // none pending, or one too late (limit lowered)
          if (check != null) {
            check.cancel(false); // schedule() makes it do nothing if it runs all the same
          }
          schedule(due);
        }
      }
    }
  }

  /** Queues the next {@link #check} for {@code at} ({@link System#nanoTime()}); under the lock. */
  private void schedule(long at) {
    long number = ++checkNumber;
    checkAt = at;
    check = TIMER.schedule(() -> check(number), at - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  /**
   * Stops the clock. If the cancel is being sent at this moment, waits until it has been sent, so
   * that it can never reach the connection's next call. A pending look at the call stays queued for
   * the next call (it finds the connection idle, or the next call's own time left).
   */
  void end() {
    active = false;
    if (postgres != null) {
      synchronized (this) {
        ended = true;
      }
    }
  }

  /**
   * PostgreSQL, on the timer thread: cancels the running call if its time is up, and asks again
   * every {@value #AGAIN_MILLIS} ms while it runs (a cancel that reaches the server before the
   * statement is dropped there); looks again when the running call's time is up if it is not yet (a
   * later call than the one the look was queued for); nothing if the connection is idle.
   */
  private synchronized void check(long number) {
    if (number != checkNumber) {
      return; // replaced while it waited for the lock
    }
    check = null;
    if (ended) {
      return; // idle: the next call queues a look of its own
    }
    long now = System.nanoTime();
    if (due - now > 0) {
      schedule(due);
      return;
    }
    fired = true;
    try {
      postgres.cancel();
    } catch (SQLException e) {
      // The server could not be reached to cancel: the next try may reach it.
    }
    schedule(now + TimeUnit.MILLISECONDS.toNanos(AGAIN_MILLIS));
  }

  /** Whether the limit stopped the call. */
  public boolean fired() {
    return fired;
  }

  /** {@link #end()}, and on SQLite the handler removed: the connection goes back to a pool. */
  public void close() throws SQLException {
    end();
    synchronized (this) {
      if (check != null) { // a limit of one call: nothing of it stays queued
        check.cancel(false);
        check = null;
        checkNumber++;
      }
    }
    remove();
  }

  /** Removes SQLite's progress handler. */
  void remove() throws SQLException {
    if (sqlite != null) {
      ProgressHandler.clearHandler(sqlite);
    }
  }

  /** The exception for a call the limit stopped. */
  public DataSetException exception(
      String dataSet, String call, String statement, Throwable cause) {
    return exception(dataSet, call, limit, statement == null ? "" : ": '" + statement + "'", cause);
  }

  public static DataSetException exception(
      String dataSet, String call, Duration limit, Throwable cause) {
    return exception(dataSet, call, limit, "", cause);
  }

  private static DataSetException exception(
      String dataSet, String call, Duration limit, String statement, Throwable cause) {
    return new DataSetException(
        "dataset '"
            + dataSet
            + "': "
            + call
            + " stopped after "
            + describe(limit)
            + ", the time limit of one Store call"
            + statement
            + ". Narrow the query, or raise the limit with -D"
            + PROPERTY
            + "=<seconds> (or "
            + ENVIRONMENT
            + "; 0 for none; default "
            + DEFAULT.toSeconds()
            + ").",
        cause);
  }

  /**
   * The failure of a call on a connection of the plain reads whose limit stopped it: an {@link
   * SQLException} so that it travels where the driver's would, turned into the limit's message by
   * {@link #failure}.
   */
  static final class Reached extends SQLException {
    private static final long serialVersionUID = 1L;
    private final String dataSet;
    private final transient Duration limit;

    Reached(String dataSet, Duration limit, SQLException cause) {
      super(cause.getMessage(), cause.getSQLState(), cause);
      this.dataSet = dataSet;
      this.limit = limit;
    }
  }

  /** {@link Reached} of a call this limit stopped, or {@code e} itself. */
  SQLException reached(String dataSet, SQLException e) {
    return fired ? new Reached(dataSet, limit, e) : e;
  }

  /**
   * The exception of a plain read that failed with {@code e}: the limit's message if the limit
   * stopped it, else {@code otherwise}'s, e.g. {@code cannot read Airport 5: …}.
   */
  public static DataSetException failure(String call, SQLException e, String otherwise) {
    if (e instanceof Reached r) {
      return exception(r.dataSet, call, r.limit, e.getCause());
    }
    return new DataSetException(otherwise, e);
  }

  /**
   * The limit's message, naming {@code statement}, if the limit stopped the plain read that failed
   * with {@code e} ({@code sql()}); else empty.
   */
  public static Optional<DataSetException> stopped(String call, String statement, SQLException e) {
    if (e instanceof Reached r) {
      return Optional.of(
          exception(r.dataSet, call, r.limit, ": '" + statement + "'", e.getCause()));
    }
    return Optional.empty();
  }

  static Duration configured() {
    String text = System.getProperty(PROPERTY);
    String source = "-D" + PROPERTY;
    if (text == null || text.isBlank()) {
      text = System.getenv(ENVIRONMENT);
      source = ENVIRONMENT;
    }
    if (text == null || text.isBlank()) {
      return DEFAULT;
    }
    Parsed last = lastParsed;
    if (text.equals(last.text())) {
      return last.limit();
    }
    try {
      Duration d = duration(text);
      lastParsed = new Parsed(text, d);
      return d;
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new DataSetException(
          source
              + "='"
              + text
              + "' is not a time limit: give seconds"
              + " (e.g. 30 or 0.5), an ISO-8601 duration (e.g. PT2M), or 0 for none.",
          e);
    }
  }

  private static String describe(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor t =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread thread = new Thread(r, "datajar-time-limit");
              thread.setDaemon(true);
              return thread;
            });
    t.setRemoveOnCancelPolicy(true); // a call that ends in time leaves nothing queued
    return t;
  }

  /**
   * A duration setting's text: seconds ({@code 30}, {@code 0.5}) or ISO-8601 ({@code PT2M}).
   *
   * @throws DateTimeParseException if it is neither, or negative
   * @throws ArithmeticException if it has more than nanosecond precision
   */
  public static Duration duration(String text) {
    String t = text.strip();
    Duration d =
        t.matches("\\d+(\\.\\d+)?")
            ? Duration.ofNanos(new BigDecimal(t).movePointRight(9).longValueExact())
            : Duration.parse(t);
    if (d.isNegative()) {
      throw new DateTimeParseException("negative", text, 0);
    }
    return d;
  }
}
