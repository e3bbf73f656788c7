package dev.datajar.runtime.format;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tables of a dataset file as SQLite itself describes them ({@code sqlite_schema} and the table
 * and index pragmas), without the entity classes.
 *
 * <p>Reads one schema of a connection ({@code main}, or the name of an attached file), so the diff
 * can read both sides over one connection. The {@code datajar_metadata} table and SQLite's own
 * tables are left out.
 *
 * @param tables by name
 */
public record FileSchema(List<Table> tables) {

  /** A column: its declared type, NOT NULL, and its 1-based place in the primary key (0: none). */
  public record Column(String name, String type, boolean notNull, int keyPosition) {}

  /** An index SQLite keeps for the table (not the primary key's own). */
  public record Index(String name, boolean unique, List<String> columns) {}

  /** A table with its columns in file order, primary key columns in key order, and indexes. */
  public record Table(
      String name,
      List<Column> columns,
      List<String> primaryKey,
      List<Index> indexes,
      boolean withoutRowid) {

    public Optional<Column> column(String name) {
      return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }
  }

  public Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }

  /** Reads the schema {@code schema} ({@code main} or an attached name) of {@code c}. */
  public static FileSchema read(Connection c, String schema) throws SQLException {
    List<Table> tables = new ArrayList<>();
    List<String[]> names = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select name, sql from "
                + schema
                + ".sqlite_schema where type = 'table' and name not like 'sqlite\\_%' escape '\\'"
                + " and name <> ? order by name")) {
      ps.setString(1, DataSetLayout.METADATA_TABLE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    for (String[] n : names) {
      tables.add(table(c, schema, n[0], n[1]));
    }
    return new FileSchema(List.copyOf(tables));
  }

  private static Table table(Connection c, String schema, String name, String sql)
      throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select name, type, \"notnull\", pk from pragma_table_info(?, ?) order by cid")) {
      ps.setString(1, name);
      ps.setString(2, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(
              new Column(
                  rs.getString(1),
                  rs.getString(2).toLowerCase(Locale.ROOT),
                  rs.getInt(3) != 0,
                  rs.getInt(4)));
        }
      }
    }
    List<String> key =
        columns.stream()
            .filter(col -> col.keyPosition() > 0)
            .sorted((a, b) -> Integer.compare(a.keyPosition(), b.keyPosition()))
            .map(Column::name)
            .toList();
    List<Index> indexes = new ArrayList<>();
    List<Object[]> list = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select name, \"unique\", origin from pragma_index_list(?, ?) order by name")) {
      ps.setString(1, name);
      ps.setString(2, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!"pk".equals(rs.getString(3))) {
            list.add(new Object[] {rs.getString(1), rs.getInt(2) != 0});
          }
        }
      }
    }
    for (Object[] i : list) {
      List<String> cols = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement("select name from pragma_index_info(?, ?) order by seqno")) {
        ps.setString(1, (String) i[0]);
        ps.setString(2, schema);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            cols.add(rs.getString(1));
          }
        }
      }
      indexes.add(new Index((String) i[0], (Boolean) i[1], List.copyOf(cols)));
    }
    boolean withoutRowid =
        sql != null
            && sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").endsWith("without rowid");
    return new Table(name, List.copyOf(columns), key, List.copyOf(indexes), withoutRowid);
  }

  /** Rows of {@code table} in schema {@code schema}. */
  public static long count(Connection c, String schema, String table) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("select count(*) from " + schema + "." + quote(table));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** {@code name} as a double-quoted SQL identifier. */
  public static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
