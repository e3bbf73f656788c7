package dev.datajar.builder.internal;

import java.sql.SQLException;

/**
 * A daemon thread that does part of a build for one waiting thread (inserting into SQLite, copying
 * into PostgreSQL) and hands back what stopped it: the waiting thread rethrows it, unchecked
 * throwables and {@link SQLException}s unchanged, anything else wrapped in an {@link SQLException}.
 */
public abstract class WorkerThread extends Thread {
  private volatile Throwable failure;

  protected WorkerThread(String name) {
    super(name);
    setDaemon(true);
  }

  /** Records what stopped the work, for the waiting thread. */
  protected final void failed(Throwable t) {
    failure = t;
  }

  /** True once the work has failed. */
  protected final boolean hasFailed() {
    return failure != null;
  }

  /** Rethrows what stopped the work, if anything did. */
  protected final void rethrowFailure() throws SQLException {
    rethrow(failure);
  }

  /** Waits for the thread to end; an interruption fails with "interrupted while {@code doing}". */
  protected final void awaitEnd(String doing) throws SQLException {
    try {
      join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while " + doing, e);
    }
  }

  /**
   * Stops the work after a failure elsewhere (the reading side's, or the transaction is about to be
   * rolled back): interrupts the thread and waits a little for it to end.
   */
  public final void abort() {
    interrupt();
    try {
      join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

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
