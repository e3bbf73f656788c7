package dev.datajar.builder.internal;

import dev.datajar.builder.BuildLog;
import dev.datajar.builder.internal.source.Problems;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The second half of a table load: a thread that inserts rows which the loading thread has already
 * read and converted, so that reading and parsing overlap with SQLite's work (each takes about half
 * the time of a row).
 *
 * <p>An optional {@link RowSink} gets each batch once SQLite has taken it (the PostgreSQL load).
 *
 * <p>Rows travel in a fixed set of reused batches: the reader fills an empty batch, hands it over,
 * and takes the next empty one, so memory stays the same however many rows there are, and a reader
 * that gets ahead simply waits.
 */
final class InsertThread extends WorkerThread {
  static final int BATCH_ROWS = 1024;
  private static final int BATCHES = 8;
  private static final long PROGRESS_EVERY = 1_000_000;

  /** Rows handed over at once; the arrays are reused. */
  static final class Batch {
    final Object[][] rows;
    final long[] lines;
    int size;
    boolean last;

    Batch(int columns) {
      rows = new Object[BATCH_ROWS][columns];
      lines = new long[BATCH_ROWS];
    }
  }

  /** A row SQLite refused, with its source line and the reason. */
  @SuppressWarnings("ArrayRecordComponent") // never compared: refusals are told apart by identity
  record Refusal(long line, Object[] values, String reason) {}

  private final RowWriter writer;
  private final RowSink sink;
  private final String progressLabel;
  private final BuildLog log;
  private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
  private final BlockingQueue<Batch> empty = new ArrayBlockingQueue<>(BATCHES);
  private final List<Refusal> refusals = new ArrayList<>();
  private long written;
  private long refusedRows;
  private boolean rowByRow;
  private long insertIdleNanos;
  private long readIdleNanos;

  InsertThread(RowWriter writer, RowSink sink, int columns, String progressLabel, BuildLog log) {
    super("datajar-insert");
    this.writer = writer;
    this.sink = sink;
    this.progressLabel = progressLabel;
    this.log = log;
    for (int i = 0; i < BATCHES; i++) {
      empty.add(new Batch(columns));
    }
  }

  @Override
  public void run() {
    try {
      while (true) {
        long idle = System.nanoTime();
        Batch b = full.take();
        insertIdleNanos += System.nanoTime() - idle;
        write(b);
        if (sink != null && refusedRows == 0) {
          sink.accept(b.rows, b.size); // while no row is refused, every row of the batch is in
        }
        if (b.last) {
          return;
        }
        b.size = 0;
        empty.put(b);
      }
    } catch (Throwable t) { // handed to the reading thread, which rethrows it
      failed(t);
    }
  }

  /**
   * Writes a batch: whole chunks through the multi-row statement while no row has been refused,
   * then row by row. After a refusal the table is bound to fail, so from then on exact reports
   * matter more than speed.
   */
  private void write(Batch b) throws SQLException {
    int i = 0;
    int chunk = writer.chunkRows();
    while (!rowByRow && i + chunk <= b.size) {
      int refusedAt = writer.writeChunk(b.rows, i, written);
      if (refusedAt < 0) {
        count(chunk);
        i += chunk;
      } else {
        count(refusedAt - i);
        i = refusedAt;
        rowByRow = true; // the refused row is written again below, and refused again
      }
    }
    for (; i < b.size; i++) {
      String reason = writer.write(b.rows[i]);
      if (reason == null) {
        count(1);
      } else {
        refusedRows++;
        if (refusals.size() < Problems.CAP) {
          refusals.add(new Refusal(b.lines[i], b.rows[i].clone(), reason));
        }
      }
    }
  }

  private void count(int rows) {
    long before = written;
    written += rows;
    if (written / PROGRESS_EVERY != before / PROGRESS_EVERY) {
      log.info(
          String.format(
              Locale.ROOT,
              "%s: %,d rows loaded",
              progressLabel,
              written / PROGRESS_EVERY * PROGRESS_EVERY));
    }
  }

  /** An empty batch to fill; waits while all are in use. */
  Batch take() throws SQLException {
    try {
      while (true) {
        long idle = System.nanoTime();
        Batch b = empty.poll(100, TimeUnit.MILLISECONDS);
        readIdleNanos += System.nanoTime() - idle;
        if (b != null) {
          return b;
        }
        rethrowFailure();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while loading", e);
    }
  }

  /** Hands a filled batch over. */
  void submit(Batch b) throws SQLException {
    try {
      while (!full.offer(b, 100, TimeUnit.MILLISECONDS)) {
        rethrowFailure();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while loading", e);
    }
  }

  /** Hands over the last batch and waits until every row is written. */
  void finish(Batch last) throws SQLException {
    last.last = true;
    submit(last);
    awaitEnd("loading");
    rethrowFailure();
  }

  /** Where the time went: which side waited for the other, for tuning. */
  String waits() {
    return "reading waited "
        + readIdleNanos / 1_000_000
        + " ms for inserts, inserting waited "
        + insertIdleNanos / 1_000_000
        + " ms for rows";
  }

  long written() {
    return written;
  }

  /** The first refused rows, in order, at most {@link Problems#CAP}. */
  List<Refusal> refusals() {
    return refusals;
  }

  /** How many rows were refused, including those not kept. */
  long refusedRows() {
    return refusedRows;
  }
}
