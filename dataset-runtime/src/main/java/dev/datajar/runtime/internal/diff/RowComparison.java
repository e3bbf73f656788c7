package dev.datajar.runtime.internal.diff;

import dev.datajar.runtime.DataSetChanges;
import dev.datajar.runtime.DataSetChanges.Row;
import dev.datajar.runtime.DataSetChanges.Value;
import dev.datajar.runtime.format.FileSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Compares the rows of one table in two dataset files attached to one SQLite connection ({@code
 * main}: the new version, {@code prev}: the old one), matching rows by primary key.
 *
 * <p>SQLite does the matching: each query walks one table and probes the other's key index, so
 * memory stays constant however large the table; Java only counts and keeps the first {@code cap}
 * rows of each kind. A table without a primary key is matched on all its columns (rows can then
 * only be added or removed).
 */
final class RowComparison {
  private RowComparison() {}

  /**
   * A table only one side has: every row of it added ({@code oldRows} 0) or removed ({@code
   * newRows} 0), none listed.
   */
  static DataSetChanges.TableChanges oneSideOnly(
      String table, long oldRows, long newRows, List<String> key) {
    return unlisted(table, oldRows, newRows, key, true);
  }

  /** The rows of table {@code from} (alias n) with no match in {@code other} (alias o). */
  private static String rowsMissingFrom(String from, String other, String match) {
    return "select * from "
        + from
        + " n where not exists (select 1 from "
        + other
        + " o where "
        + match
        + ")";
  }

  /**
   * Counts without listed rows: for a table only one side has ({@code compared}: its rows are all
   * added or all removed), or one whose key changed (not compared).
   */
  private static DataSetChanges.TableChanges unlisted(
      String table, long oldRows, long newRows, List<String> key, boolean compared) {
    long added = compared ? newRows : 0;
    long removed = compared ? oldRows : 0;
    return new DataSetChanges.TableChanges(
        table, oldRows, newRows, key, compared, added, removed, 0, List.of(), List.of(), List.of(),
        List.of());
  }

  static DataSetChanges.TableChanges compare(
      Connection c, FileSchema.Table oldTable, FileSchema.Table newTable, int cap)
      throws SQLException {
    String t = FileSchema.quote(newTable.name());
    List<String> common = new ArrayList<>();
    for (FileSchema.Column col : newTable.columns()) {
      if (oldTable.column(col.name()).isPresent()) {
        common.add(col.name());
      }
    }
    long oldRows = FileSchema.count(c, "prev", oldTable.name());
    long newRows = FileSchema.count(c, "main", newTable.name());
    List<String> key = newTable.primaryKey().isEmpty() ? common : newTable.primaryKey();
    boolean sameKey =
        lower(oldTable.primaryKey()).equals(lower(newTable.primaryKey()))
            && common.containsAll(key);
    if (!sameKey) {
      return unlisted(newTable.name(), oldRows, newRows, key, false);
    }
    boolean nullable = newTable.primaryKey().isEmpty();
    String match = join(key, k -> "o." + q(k) + (nullable ? " is " : " = ") + "n." + q(k), " and ");
    String old = "prev." + FileSchema.quote(oldTable.name());

    String now = "main." + t;
    List<Row> addedRows = new ArrayList<>();
    long added = oneSided(c, rowsMissingFrom(now, old, match), key, common, cap, addedRows, false);
    List<Row> removedRows = new ArrayList<>();
    long removed =
        oneSided(c, rowsMissingFrom(old, now, match), key, common, cap, removedRows, true);

    List<String> values = new ArrayList<>(common);
    values.removeAll(key);
    List<Row> changedRows = new ArrayList<>();
    Map<String, Long> perColumn = new LinkedHashMap<>();
    long changed = 0;
    if (!values.isEmpty() && !newTable.primaryKey().isEmpty()) {
      // Binary collation: a decimal column compares 1.5 = 1.50 by value, but a different scale
      // is a different stored value (and a different source text).
      // Zeros of real columns are fetched too: SQL finds -0.0 = 0.0, the stored bits differ,
      // and Java decides (StoredValue.same).
      String differs =
          join(
              values,
              v ->
                  "n."
                      + q(v)
                      + " is not o."
                      + q(v)
                      + " collate binary"
                      + " or (typeof(n."
                      + q(v)
                      + ") = 'real' and n."
                      + q(v)
                      + " = 0 and o."
                      + q(v)
                      + " = 0)",
              " or ");
      String select =
          "select "
              + join(key, k -> "n." + q(k), ", ")
              + ", "
              + join(values, v -> "o." + q(v) + ", n." + q(v), ", ")
              + " from main."
              + t
              + " n join "
              + old
              + " o on "
              + match
              + " where "
              + differs
              + " or "
              + join(values, v -> "typeof(n." + q(v) + ") <> typeof(o." + q(v) + ")", " or ")
              + " order by "
              + join(key, k -> "n." + q(k), ", ");
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(select)) {
        while (rs.next()) {
          List<Value> diffs = new ArrayList<>();
          int base = key.size();
          for (int i = 0; i < values.size(); i++) {
            Object before = rs.getObject(base + 2 * i + 1);
            Object after = rs.getObject(base + 2 * i + 2);
            if (!StoredValue.same(before, after)) {
              diffs.add(
                  new Value(values.get(i), StoredValue.show(before), StoredValue.show(after)));
              perColumn.merge(values.get(i), 1L, Long::sum);
            }
          }
          if (diffs.isEmpty()) {
            continue; // equal after all (e.g. 0.0 and -0.0 compare equal in SQL, not here)
          }
          changed++;
          if (changedRows.size() < cap) {
            changedRows.add(new Row(keyValues(rs, key.size()), diffs));
          }
        }
      }
    }
    List<DataSetChanges.ColumnCount> counts = new ArrayList<>();
    new TreeMap<>(perColumn).forEach((k, v) -> counts.add(new DataSetChanges.ColumnCount(k, v)));
    return new DataSetChanges.TableChanges(
        newTable.name(),
        oldRows,
        newRows,
        key,
        true,
        added,
        removed,
        changed,
        counts,
        addedRows,
        removedRows,
        changedRows);
  }

  private static long oneSided(
      Connection c,
      String sql,
      List<String> key,
      List<String> common,
      int cap,
      List<Row> rows,
      boolean before)
      throws SQLException {
    String ordered = sql + " order by " + join(key, k -> "n." + q(k), ", ");
    long n = 0;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(ordered)) {
      Map<String, Integer> at = new LinkedHashMap<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        at.put(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT), i);
      }
      while (rs.next()) {
        n++;
        if (rows.size() < cap) {
          List<String> k = new ArrayList<>();
          for (String col : key) {
            k.add(StoredValue.show(rs.getObject(at.get(col.toLowerCase(Locale.ROOT)))));
          }
          List<Value> vals = new ArrayList<>();
          for (String col : common) {
            if (!key.contains(col)) {
              String shown = StoredValue.show(rs.getObject(at.get(col.toLowerCase(Locale.ROOT))));
              vals.add(new Value(col, before ? shown : null, before ? null : shown));
            }
          }
          rows.add(new Row(k, vals));
        }
      }
    }
    return n;
  }

  private static List<String> keyValues(ResultSet rs, int n) throws SQLException {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(StoredValue.show(rs.getObject(i)));
    }
    return out;
  }

  private static List<String> lower(List<String> names) {
    return names.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
  }

  private static String q(String name) {
    return FileSchema.quote(name);
  }

  private static String join(List<String> items, Function<String, String> f, String sep) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(f.apply(i)));
    return String.join(sep, out);
  }
}
