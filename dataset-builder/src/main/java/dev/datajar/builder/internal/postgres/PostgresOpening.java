package dev.datajar.builder.internal.postgres;

import dev.datajar.builder.BuildLog;
import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.PostgresTarget;
import dev.datajar.builder.internal.WorkerThread;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@link PostgresLoad#open} on a thread of its own, started before the build boots Hibernate for
 * SQLite: the second boot and the connection then use the core the first leaves idle.
 *
 * <p>{@link #close} closes (rolls back) the load if it opened, so a build that fails before or
 * after {@link #get} leaves nothing behind.
 */
public final class PostgresOpening implements AutoCloseable {
  private final CompletableFuture<PostgresLoad> load = new CompletableFuture<>();

  private PostgresOpening() {}

  /** Starts opening the load. */
  public static PostgresOpening start(
      String dataSet,
      PostgresTarget target,
      BuildLog log,
      List<Class<?>> entities,
      ClassLoader classLoader) {
    PostgresOpening o = new PostgresOpening();
    Thread t =
        new Thread(
            () -> {
              try {
                o.load.complete(PostgresLoad.open(dataSet, target, log, entities, classLoader));
              } catch (Throwable e) { // handed to get()
                o.load.completeExceptionally(e);
              }
            },
            "datajar-postgres-open");
    t.setDaemon(true);
    // Hibernate looks some services up through the context class loader: the same as ours.
    t.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    t.start();
    return o;
  }

  /** Waits for the load to be open; rethrows what stopped it. */
  public PostgresLoad get() throws SQLException, DataSetBuildException {
    try {
      return load.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while connecting to PostgreSQL", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof DataSetBuildException d) {
        throw d;
      }
      WorkerThread.rethrow(e.getCause());
      throw new IllegalStateException("opening PostgreSQL failed without a cause", e);
    }
  }

  @Override
  public void close() throws SQLException {
    PostgresLoad opened;
    try {
      opened = load.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (ExecutionException e) {
      return; // nothing was opened; get() reported why, or the build failed first
    }
    opened.close();
  }
}
