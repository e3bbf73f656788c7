package dev.datajar.runtime.internal;

import dev.datajar.runtime.DataSetException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;

/**
 * The time one {@code Store.query()} or {@code Store.sql()} call may run, enforced inside SQLite: a
 * progress handler on the call's connection interrupts the statement once the time is up (a
 * recursive CTE of millions of rows would otherwise run unbounded and hold a pooled connection the
 * whole time).
 *
 * <p>Set with the system property {@value #PROPERTY} or the environment variable {@value
 * #ENVIRONMENT}: seconds ({@code 5}, {@code 0.5}) or an ISO-8601 duration ({@code PT2M}); {@code 0}
 * turns the limit off. Default 30 seconds. Read at each call (the calls it guards boot a Hibernate
 * session anyway), so it can be changed while running.
 */
final class QueryTimeLimit implements AutoCloseable {
  static final String PROPERTY = "datajar.query.timeout";
  static final String ENVIRONMENT = "DATAJAR_QUERY_TIMEOUT";
  static final Duration DEFAULT = Duration.ofSeconds(30);

  /** SQLite virtual-machine steps between two looks at the clock: a few microseconds apart. */
  private static final int STEPS = 10_000;

  private final SQLiteConnection connection;
  private final Duration limit;
  private volatile boolean fired;

  private QueryTimeLimit(SQLiteConnection connection, Duration limit) {
    this.connection = connection;
    this.limit = limit;
  }

  /**
   * Starts the clock for a call on {@code jdbc} (a pooled connection is unwrapped to the driver's);
   * {@link #close()} removes the handler before the connection goes back.
   */
  static QueryTimeLimit start(Connection jdbc) throws SQLException {
    Duration limit = configured();
    if (!jdbc.isWrapperFor(SQLiteConnection.class)) {
      // PostgreSQL: the server's own statement_timeout, for this call's transaction only (the
      // pool's connections are not in auto-commit mode). A timeout there surfaces as the
      // server's "canceling statement due to statement timeout".
      if (!limit.isZero()) {
        try (Statement s = jdbc.createStatement()) {
          s.execute("set local statement_timeout = " + limit.toMillis());
        }
      }
      return new QueryTimeLimit(null, limit);
    }
    QueryTimeLimit t = new QueryTimeLimit(jdbc.unwrap(SQLiteConnection.class), limit);
    if (!limit.isZero()) {
      long deadline = System.nanoTime() + limit.toNanos();
      ProgressHandler.setHandler(
          t.connection,
          STEPS,
          new ProgressHandler() {
            @Override
            protected int progress() {
              if (System.nanoTime() - deadline > 0) {
                t.fired = true;
                return 1; // non-zero: SQLite stops the statement with SQLITE_INTERRUPT
              }
              return 0;
            }
          });
    }
    return t;
  }

  /** Whether the limit stopped the call. */
  boolean fired() {
    return fired;
  }

  /** The exception for a call the limit stopped. */
  DataSetException exception(String dataSet, String call, String statement, Throwable cause) {
    return new DataSetException(
        "dataset '"
            + dataSet
            + "': "
            + call
            + " stopped after "
            + describe(limit)
            + ", the time limit of one query() or sql() call: '"
            + statement
            + "'. Narrow the query, or raise the limit with -D"
            + PROPERTY
            + "=<seconds> (or "
            + ENVIRONMENT
            + "; 0 for none; default "
            + DEFAULT.toSeconds()
            + ").",
        cause);
  }

  @Override
  public void close() throws SQLException {
    if (connection != null && !limit.isZero()) {
      ProgressHandler.clearHandler(connection);
    }
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
    try {
      Duration d =
          text.strip().matches("\\d+(\\.\\d+)?")
              ? Duration.ofNanos(new BigDecimal(text.strip()).movePointRight(9).longValueExact())
              : Duration.parse(text.strip());
      if (d.isNegative()) {
        throw new DateTimeParseException("negative", text, 0);
      }
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
}
