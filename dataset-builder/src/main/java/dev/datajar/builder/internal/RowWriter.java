package dev.datajar.builder.internal;

import dev.datajar.runtime.format.ColumnModel;
import dev.datajar.runtime.format.TableModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Inserts rows into one table, binding each value exactly as Hibernate binds it.
 *
 * <p>Rows go in chunks through one reused multi-row statement ({@code insert ... values (?, ?), (?,
 * ?), ...}): per row, sqlite-jdbc's statement overhead (a synchronized call, a step, a reset) costs
 * about as much as SQLite's own work, and a chunk pays it once. A single-row statement takes the
 * rest.
 *
 * <p>Build files have no rollback journal, so a chunk that SQLite refuses part-way (a duplicate
 * key) keeps the rows before the refused one. {@link #writeChunk} then counts the table's rows to
 * learn which row was refused, and the caller writes the rest one at a time, so each refused row is
 * reported exactly. Not thread-safe.
 */
final class RowWriter implements AutoCloseable {
  /** The reason {@link #write} gives for a row whose primary key is taken. */
  static final String DUPLICATE_KEY = "duplicate primary key";

  /** SQLite allows 32,766 parameters per statement; 64 rows already take most of the gain. */
  private static final int MAX_CHUNK_ROWS = 64;

  private final Connection connection;
  private final String table;
  private final ColumnModel[] columns;
  private final int chunkRows;
  private final PreparedStatement single;
  private final PreparedStatement chunk;

  RowWriter(Connection connection, TableModel table) throws SQLException {
    this.connection = connection;
    this.table = TableModel.quote(table.name());
    List<ColumnModel> list = table.columns();
    this.columns = list.toArray(new ColumnModel[0]);
    this.chunkRows = Math.max(1, Math.min(MAX_CHUNK_ROWS, 32_766 / columns.length));
    StringBuilder sql = new StringBuilder("insert into ").append(this.table).append(" (");
    for (int i = 0; i < columns.length; i++) {
      sql.append(i == 0 ? "" : ", ").append(TableModel.quote(columns[i].name()));
    }
    String row = "(" + "?, ".repeat(columns.length - 1) + "?)";
    sql.append(") values ");
    this.single = connection.prepareStatement(sql + row);
    this.chunk = connection.prepareStatement(sql + (row + ", ").repeat(chunkRows - 1) + row);
  }

  /** Rows per {@link #writeChunk}. */
  int chunkRows() {
    return chunkRows;
  }

  /**
   * Writes {@link #chunkRows()} rows starting at {@code rows[from]}.
   *
   * @return -1 if all were written; else the index (from {@code from}) of the row SQLite refused:
   *     the rows before it are written, it and the rest are not
   * @param tableRowsBefore rows in the table before this chunk
   */
  int writeChunk(Object[][] rows, int from, long tableRowsBefore) throws SQLException {
    int p = 1;
    for (int r = from; r < from + chunkRows; r++) {
      Object[] values = rows[r];
      for (int i = 0; i < columns.length; i++) {
        columns[i].bind(chunk, p++, values[i]);
      }
    }
    try {
      chunk.executeUpdate();
      return -1;
    } catch (SQLiteException e) {
      if (reason(e) == null) {
        throw e;
      }
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("select count(*) from " + table)) {
        rs.next();
        return from + (int) (rs.getLong(1) - tableRowsBefore);
      }
    }
  }

  /**
   * Writes one row.
   *
   * @return null, or why SQLite refused the row (a duplicate key, a failed CHECK)
   * @throws SQLException for anything that is not a problem of the row itself
   */
  String write(Object[] values) throws SQLException {
    for (int i = 0; i < columns.length; i++) {
      columns[i].bind(single, i + 1, values[i]);
    }
    try {
      single.executeUpdate();
      return null;
    } catch (SQLiteException e) {
      String reason = reason(e);
      if (reason == null) {
        throw e;
      }
      return reason;
    }
  }

  /** Why SQLite refused a row, or null if the failure is not about the row. */
  private static String reason(SQLiteException e) {
    SQLiteErrorCode code = e.getResultCode();
    if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
      return DUPLICATE_KEY;
    }
    if (code != null && code.name().startsWith("SQLITE_CONSTRAINT")) {
      String message = e.getMessage();
      int detail = message.lastIndexOf('(');
      return detail >= 0 ? message.substring(detail + 1).replace(")", "") : message;
    }
    return null;
  }

  @Override
  public void close() throws SQLException {
    try {
      single.close();
    } finally {
      chunk.close();
    }
  }
}
