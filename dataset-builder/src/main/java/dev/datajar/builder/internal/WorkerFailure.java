package dev.datajar.builder.internal;

import java.sql.SQLException;

/**
 * How the builder's worker threads (inserting into SQLite, copying into PostgreSQL, connecting to
 * it) hand what stopped them back to the thread that waits for them: unchecked throwables and
 * {@link SQLException}s unchanged, anything else wrapped in an {@link SQLException}.
 */
public final class WorkerFailure {
  private WorkerFailure() {}

  /** Returns if {@code failure} is {@code null}; else rethrows it as described above. */
  public static void rethrow(Throwable failure) throws SQLException {
    if (failure instanceof SQLException e) {
      throw e;
    } else if (failure instanceof RuntimeException e) {
      throw e;
    } else if (failure instanceof Error e) {
      throw e;
    } else if (failure != null) {
      throw new SQLException(failure);
    }
  }
}
