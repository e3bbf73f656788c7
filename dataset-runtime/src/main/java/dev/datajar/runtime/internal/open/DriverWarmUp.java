package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.format.SqliteFiles;
import dev.datajar.runtime.internal.logging.QuietStart;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

/**
 * Gets SQLite ready on a second core while the caller locates its datasets (and, on a cold start,
 * copies one out of its jar): loading sqlite-jdbc's classes and extracting and loading its native
 * library take about as long as the rest of a warm start, and none of it needs the dataset's file.
 * The first real connection then finds the driver ready; if the warm-up fails, that connection
 * fails the same way and reports it.
 */
public final class DriverWarmUp {
  private static final System.Logger LOG = System.getLogger(DriverWarmUp.class.getName());
  private static volatile CompletableFuture<Void> started;

  private DriverWarmUp() {}

  /** Starts the warm-up once per JVM; later calls return the same, possibly finished, future. */
  static CompletableFuture<Void> start() {
    CompletableFuture<Void> f = started;
    if (f != null) {
      return f;
    }
    synchronized (DriverWarmUp.class) {
      if (started == null) {
        CompletableFuture<Void> warming = new CompletableFuture<>();
        Thread t = new Thread(() -> run(warming), "datajar-sqlite-warm-up");
        t.setDaemon(true);
        t.start();
        started = warming;
      }
      return started;
    }
  }

  private static void run(CompletableFuture<Void> warming) {
    try {
      // sqlite-jdbc logs through SLF4J: keep it quiet on this thread as on the opening one.
      QuietStart.slf4j();
      SqliteFiles.warmUp();
      warming.complete(null);
    } catch (SQLException | RuntimeException | LinkageError e) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "warming up SQLite failed; the first connection will say why",
          e);
      warming.completeExceptionally(e);
    }
  }
}
