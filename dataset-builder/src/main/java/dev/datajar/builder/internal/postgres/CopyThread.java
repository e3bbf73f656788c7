package dev.datajar.builder.internal.postgres;

import dev.datajar.builder.internal.WorkerThread;
import dev.datajar.builder.internal.source.Problems;
import dev.datajar.runtime.format.ColumnModel;
import dev.datajar.runtime.format.TableModel;
import dev.datajar.runtime.internal.postgres.PostgresFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The thread that turns rows into {@code COPY} text and sends them to PostgreSQL while the build
 * goes on writing them to its SQLite work file.
 *
 * <p>The loading side queues a table's start, its rows and its end; this thread owns the connection
 * until {@link #drain} returns. A bounded queue keeps memory flat: a loader that gets ahead waits.
 * Sending waits on the server most of the time (it parses and stores what it gets), which is why a
 * thread of its own pays off even on two cores.
 *
 * <p>A value PostgreSQL cannot hold becomes a problem of {@code problems}, named by table, key and
 * column, and the row is left out. A server failure is kept and reported by {@link #drain}; from
 * then on rows are dropped, so the build still finishes its own checks and reports data problems
 * first, as it would without PostgreSQL.
 */
final class CopyThread extends WorkerThread {
  /** Bytes of COPY text gathered before each write to the server. */
  private static final int CHUNK = 1 << 18;

  private static final Object END = new Object();
  private static final Object STOP = new Object();

  /** One table being copied: where each PostgreSQL column's value comes from. */
  @SuppressWarnings("ArrayRecordComponent") // never compared or hashed
  private record Table(TableModel from, TableModel to, String copySql, int[] source, int[] kind) {}

  /** Kinds of column besides a plain value (0). */
  private static final int ORDINAL = 1;

  /** SQL to run in order on the load's connection. */
  private record Statements(List<String> sql) {}

  private static final int OFFSET = 2;

  private final Connection connection;
  private final String schema;
  private final MessageDigest digest;
  private final Problems problems;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
  private final StringBuilder text = new StringBuilder(CHUNK + 8192);
  private Table table;
  private CopyIn copy;
  private long rows;

  CopyThread(Connection connection, String schema, MessageDigest digest, Problems problems) {
    super("datajar-copy");
    this.connection = connection;
    this.schema = schema;
    this.digest = digest;
    this.problems = problems;
  }

  /** Queues the start of {@code to}'s rows, which come in {@code from}'s column order. */
  void startTable(TableModel from, TableModel to) throws SQLException {
    put(table(from, to));
  }

  /** Queues rows (copied: the caller reuses its arrays). */
  void rows(Object[][] batch, int count) throws SQLException {
    Object[][] copy = new Object[count][];
    for (int i = 0; i < count; i++) {
      copy[i] = batch[i].clone();
    }
    put(copy);
  }

  /**
   * Queues statements to run once the rows are in (keys, indexes, foreign keys, {@code ANALYZE}):
   * the server then builds them while the build checks its SQLite file.
   */
  void statements(List<String> sql) throws SQLException {
    put(new Statements(List.copyOf(sql)));
  }

  /** Queues the end of the current table. */
  void endTable() throws SQLException {
    put(END);
  }

  /**
   * Waits until every queued row is sent; rethrows a failure of the server.
   *
   * @return the rows sent
   */
  long drain() throws SQLException {
    put(STOP);
    awaitEnd("copying into PostgreSQL");
    rethrowFailure();
    return rows;
  }

  private void put(Object message) throws SQLException {
    try {
      queue.put(message);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while copying into PostgreSQL", e);
    }
  }

  @Override
  public void run() {
    try {
      while (true) {
        Object m = queue.take();
        if (m == STOP) {
          return;
        }
        if (hasFailed()) {
          continue; // drained, so that the loading side never waits for a dead thread
        }
        try {
          handle(m);
        } catch (SQLException | RuntimeException e) {
          failed(e);
          cancel();
        }
      }
    } catch (InterruptedException e) {
      cancel();
    } catch (Throwable t) { // handed to drain()
      failed(t);
      cancel();
    }
  }

  private void handle(Object m) throws SQLException {
    if (m instanceof Statements list) {
      for (String sql : list.sql()) {
        try (Statement s = connection.createStatement()) {
          s.execute(sql);
        }
      }
    } else if (m instanceof Table t) {
      table = t;
      copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(t.copySql());
    } else if (m == END) {
      flush();
      copy.endCopy();
      copy = null;
    } else {
      for (Object[] row : (Object[][]) m) {
        append(row);
      }
      if (text.length() >= CHUNK) {
        flush();
      }
    }
  }

  private void append(Object[] values) {
    Table t = table;
    int start = text.length();
    boolean bad = false;
    for (int i = 0; i < t.source().length; i++) {
      if (i > 0) {
        text.append('\t');
      }
      Object v = values[t.source()[i]];
      int kind = t.kind()[i];
      if (v != null && kind == OFFSET) {
        v = v instanceof OffsetDateTime o ? o.getOffset() : ((ZonedDateTime) v).getOffset();
      }
      try {
        CopyText.append(text, v, kind == ORDINAL && v instanceof Enum<?>);
      } catch (IllegalArgumentException e) {
        bad = true;
        ColumnModel column = t.to().columns().get(i);
        problems.add(
            "table '"
                + t.to().name()
                + "', row "
                + key(t.from(), values)
                + ": column '"
                + column.name()
                + "' ("
                + column.owner()
                + "): "
                + e.getMessage()
                + ".");
      }
    }
    if (bad) {
      text.setLength(start);
      return;
    }
    text.append('\n');
    rows++;
  }

  private void flush() throws SQLException {
    if (text.length() == 0) {
      return;
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    digest.update(bytes);
    copy.writeToCopy(bytes, 0, bytes.length);
    text.setLength(0);
  }

  private void cancel() {
    try {
      if (copy != null && copy.isActive()) {
        copy.cancelCopy();
      }
    } catch (SQLException ignored) {
      // the transaction is rolled back anyway
    }
  }

  private Table table(TableModel from, TableModel to) {
    int[] source = new int[to.columns().size()];
    int[] kind = new int[source.length];
    for (int i = 0; i < source.length; i++) {
      ColumnModel c = to.columns().get(i);
      String name = c.name();
      boolean offset = false;
      if (from.column(name).isEmpty() && name.endsWith(PostgresFormat.OFFSET_SUFFIX)) {
        // the offset of a time-zone column
        name = name.substring(0, name.length() - PostgresFormat.OFFSET_SUFFIX.length());
        offset = true;
      }
      ColumnModel s =
          from.column(name)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "no SQLite column for PostgreSQL column " + to.name() + "." + c.name()));
      source[i] = from.columns().indexOf(s);
      if (offset) {
        kind[i] = OFFSET;
      } else if (c.declaredType().matches("(smallint|integer|tinyint|bigint).*")) {
        kind[i] = ORDINAL;
      }
    }
    String sql =
        "copy "
            + PostgresTables.table(schema, to.name())
            + " ("
            + PostgresTables.names(names(to))
            + ") from stdin";
    return new Table(from, to, sql, source, kind);
  }

  private static String key(TableModel t, Object[] values) {
    List<String> parts = new ArrayList<>();
    for (String k : t.primaryKey()) {
      parts.add(k + " = " + values[t.columns().indexOf(t.column(k).orElseThrow())]);
    }
    return parts.isEmpty() ? "(no primary key)" : String.join(", ", parts);
  }

  static List<String> names(TableModel t) {
    List<String> out = new ArrayList<>();
    t.columns().forEach(c -> out.add(c.name()));
    return out;
  }
}
