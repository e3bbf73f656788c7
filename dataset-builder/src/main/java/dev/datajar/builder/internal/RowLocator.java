package dev.datajar.builder.internal;

import dev.datajar.builder.internal.source.Problems;
import dev.datajar.builder.internal.source.RowCursor;
import dev.datajar.runtime.format.ColumnModel;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where offending values were written, once a check in SQL has found them: reads the table's
 * source a second time and reports each row whose columns hold one of the offending tuples, with
 * its location and the text as written.
 *
 * <p>The offending tuples are kept in a temporary table and each row's values are bound the way
 * they were bound on insert, so "equal" means exactly what it meant to SQLite. This runs only when
 * a check failed, so the happy path keeps no per-row data.
 */
final class RowLocator {
  /** Temporary table of offending tuples, columns {@code c0..cN}. */
  static final String BAD = "temp.datajar_offending";

  /**
   * One source row holding an offending tuple.
   *
   * @param line the row's position in its source ({@link TableSource#position})
   */
  record Hit(long tuple, long line, String where, List<String> texts) {}

  private RowLocator() {}

  /**
   * Fills {@link #BAD} with the rows of {@code select}, whose columns are {@code c0..cN}.
   *
   * @return how many rows it holds
   */
  static int collect(Connection connection, String select) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("drop table if exists " + BAD);
      s.execute("create table " + BAD + " as " + select);
      try (ResultSet rs = s.executeQuery("select count(*) from " + BAD)) {
        rs.next();
        return rs.getInt(1); // changes() does not count rows of "create table ... as"
      }
    }
  }

  /**
   * Fills {@link #BAD} with the distinct tuples given, each bound as {@code columns} bind values,
   * so they compare exactly as the stored values do.
   */
  static void collect(Connection connection, List<ColumnModel> columns, List<Object[]> tuples)
      throws SQLException {
    StringBuilder names = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      names.append(i == 0 ? "c" : ", c").append(i);
      marks.append(i == 0 ? "?" : ", ?");
    }
    try (Statement s = connection.createStatement()) {
      s.execute("drop table if exists " + BAD);
      s.execute("create table " + BAD + " (" + names + ", unique (" + names + "))");
    }
    try (PreparedStatement insert =
        connection.prepareStatement("insert or ignore into " + BAD + " values (" + marks + ")")) {
      for (Object[] tuple : tuples) {
        for (int i = 0; i < tuple.length; i++) {
          columns.get(i).bind(insert, i + 1, tuple[i]);
        }
        insert.executeUpdate();
      }
    }
  }

  /** The rowid in {@link #BAD} of a tuple given to {@link #collect(Connection, List, List)}. */
  static long tupleOf(Connection connection, List<ColumnModel> columns, Object[] tuple)
      throws SQLException {
    StringBuilder sql = new StringBuilder("select rowid from " + BAD + " where ");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : " and ").append('c').append(i).append(" = ?");
    }
    try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < tuple.length; i++) {
        columns.get(i).bind(query, i + 1, tuple[i]);
      }
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  static void drop(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("drop table if exists " + BAD);
    }
  }

  /**
   * The source rows whose {@code columns} (indexes into the table's columns) hold a tuple of {@link
   * #BAD}, in source order.
   */
  static List<Hit> find(
      Connection connection, TableSource source, FileContext context, String dataSet, int[] columns)
      throws IOException, SQLException {
    StringBuilder sql = new StringBuilder("select rowid from " + BAD + " where ");
    for (int i = 0; i < columns.length; i++) {
      sql.append(i == 0 ? "" : " and ").append('c').append(i).append(" = ?");
    }
    List<ColumnModel> model = source.table().columns();
    Problems ignored = source.problems(dataSet); // reported in the first pass already
    RowReader reader = new RowReader(source, ignored);
    Object[] values = new Object[model.size()];
    List<Hit> hits = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
      for (int part = 0; part < source.parts(); part++) {
        reader.newPart();
        try (RowCursor rows = source.open(part, ignored, context)) {
          if (TableSource.fixedHeader(rows)) {
            reader.mapHeader(rows, true);
          }
          while (rows.next()) {
            if (!reader.read(rows, values)) {
              continue;
            }
            for (int i = 0; i < columns.length; i++) {
              model.get(columns[i]).bind(query, i + 1, values[columns[i]]);
            }
            try (ResultSet rs = query.executeQuery()) {
              if (rs.next()) {
                hits.add(
                    hit(
                        rs.getLong(1),
                        TableSource.position(part, rows.line()),
                        rows,
                        reader,
                        columns,
                        values));
              }
            }
          }
        }
      }
    }
    return hits;
  }

  private static Hit hit(
      long tuple, long position, RowCursor rows, RowReader reader, int[] columns, Object[] values) {
    List<String> texts = new ArrayList<>();
    for (int c : columns) {
      int f = reader.fieldOf(c);
      texts.add(
          f >= 0 && rows.has(f) && rows.text(f) != null ? rows.text(f) : String.valueOf(values[c]));
    }
    int first = reader.fieldOf(columns[0]);
    String where =
        first >= 0 && rows.has(first) ? FieldValues.at(rows, first) : rows.where() + ": ";
    return new Hit(tuple, position, where, texts);
  }
}
