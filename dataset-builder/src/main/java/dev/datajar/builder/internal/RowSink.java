package dev.datajar.builder.internal;

import java.sql.SQLException;

/**
 * A second destination for the rows of one table, fed while they are written to the SQLite work
 * file: the PostgreSQL load copies them as they arrive instead of reading the file again.
 *
 * <p>It receives only rows SQLite accepted, and only while the table has had no refused row (after
 * one the build fails anyway). The values are those the builder binds ({@code Codec.storedType()}
 * of each column, in the table's column order); the row arrays are reused after the call, so a sink
 * that keeps rows copies them. Called from one thread.
 */
public interface RowSink {
  /** Takes {@code rows[0]} to {@code rows[count - 1]}. */
  void accept(Object[][] rows, int count) throws SQLException;
}
