package dev.datajar.builder.internal;

import dev.datajar.runtime.format.ColumnModel;
import dev.datajar.runtime.format.TableModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Inserts rows into one table through a single reused prepared statement, binding each value
 * exactly as Hibernate binds it.
 *
 * <p>Rows are executed one at a time rather than in JDBC batches: sqlite-jdbc runs a batch as
 * the same per-row native calls, and one row at a time tells us which row broke the primary
 * key. Not thread-safe.
 */
final class RowWriter implements AutoCloseable {
  /** The reason {@link #write} gives for a row whose primary key is taken. */
  static final String DUPLICATE_KEY = "duplicate primary key";

  private final ColumnModel[] columns;
  private final PreparedStatement statement;

  RowWriter(Connection connection, TableModel table) throws SQLException {
    List<ColumnModel> list = table.columns();
    this.columns = list.toArray(new ColumnModel[0]);
    StringBuilder sql = new StringBuilder("insert into ").append(TableModel.quote(table.name()))
        .append(" (");
    for (int i = 0; i < columns.length; i++) {
      sql.append(i == 0 ? "" : ", ").append(TableModel.quote(columns[i].name()));
    }
    sql.append(") values (").append("?, ".repeat(columns.length - 1)).append("?)");
    this.statement = connection.prepareStatement(sql.toString());
  }

  /**
   * Writes one row.
   *
   * @return null, or why SQLite refused the row (a duplicate key, a failed CHECK)
   * @throws SQLException for anything that is not a problem of the row itself
   */
  String write(Object[] values) throws SQLException {
    for (int i = 0; i < columns.length; i++) {
      columns[i].bind(statement, i + 1, values[i]);
    }
    try {
      statement.executeUpdate();
      return null;
    } catch (SQLiteException e) {
      SQLiteErrorCode code = e.getResultCode();
      if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
        return DUPLICATE_KEY;
      }
      if (code != null && code.name().startsWith("SQLITE_CONSTRAINT")) {
        String message = e.getMessage();
        int detail = message.lastIndexOf("(");
        return detail >= 0 ? message.substring(detail + 1).replace(")", "") : message;
      }
      throw e;
    }
  }

  @Override
  public void close() throws SQLException {
    statement.close();
  }
}
