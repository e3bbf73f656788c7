package dev.datajar.runtime.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Constraint;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

/**
 * The keys of a table in Hibernate's boot-time mapping, as {@link TableModel} records them: indexes
 * (unique keys and {@code @Column(unique = true)} included) and foreign keys, each in a stable
 * order.
 */
final class TableKeys {
  private TableKeys() {}

  // Index.getColumns() is deprecated for getSelectables(), which also holds formulas; an index
  // here is on columns only, as it always was.
  @SuppressWarnings("deprecation")
  static List<TableModel.Index> indexes(Table t) {
    Map<String, TableModel.Index> out = new TreeMap<>();
    t.getIndexes()
        .values()
        .forEach(
            i ->
                out.put(
                    i.getName(),
                    new TableModel.Index(i.getName(), names(i.getColumns()), i.isUnique())));
    for (UniqueKey u : t.getUniqueKeys().values()) {
      if (t.getPrimaryKey() != null && sameColumns(u, t.getPrimaryKey())) {
        continue; // the primary key already enforces it
      }
      out.put(u.getName(), new TableModel.Index(u.getName(), names(u.getColumns()), true));
    }
    // @Column(unique = true) is only a flag on the column in Hibernate 7's boot model (its
    // schema exporter writes it inline), so it would otherwise go unchecked and unindexed.
    for (Column c : t.getColumns()) {
      List<String> one = List.of(TableModel.unquote(c.getName()));
      boolean covered =
          out.values().stream().anyMatch(i -> i.unique() && i.columns().equals(one))
              || (t.getPrimaryKey() != null && names(t.getPrimaryKey().getColumns()).equals(one));
      if (c.isUnique() && !covered) {
        String name = "uk_" + TableModel.unquote(t.getName()) + "_" + one.get(0);
        out.put(name, new TableModel.Index(name, one, true));
      }
    }
    return new ArrayList<>(out.values());
  }

  private static boolean sameColumns(Constraint a, Constraint b) {
    return names(a.getColumns()).equals(names(b.getColumns()));
  }

  static List<TableModel.ForeignKey> foreignKeys(Table t) {
    List<TableModel.ForeignKey> out = new ArrayList<>();
    for (ForeignKey f : t.getForeignKeyCollection()) {
      Table ref = f.getReferencedTable();
      List<String> refColumns =
          f.getReferencedColumns().isEmpty() && ref.getPrimaryKey() != null
              ? names(ref.getPrimaryKey().getColumns())
              : names(f.getReferencedColumns());
      List<String> columns = names(f.getColumns());
      String name = f.getName();
      if (name == null || name.startsWith(IndexNames.UNNAMED)) {
        // As PostgreSQL names a foreign key it is not given a name for: <table>_<columns>_fkey.
        name = IndexNames.base(TableModel.unquote(t.getName()), columns) + "_fkey";
      }
      out.add(
          new TableModel.ForeignKey(name, columns, TableModel.unquote(ref.getName()), refColumns));
    }
    out.sort(Comparator.comparing(f -> String.join(",", f.columns())));
    return unique(out);
  }

  /**
   * {@code keys} with each name cut to PostgreSQL's limit ({@link IndexNames#fit}) and made unique
   * within the table ({@code _2}, {@code _3}, ... as for indexes).
   */
  private static List<TableModel.ForeignKey> unique(List<TableModel.ForeignKey> keys) {
    Set<String> taken = new HashSet<>();
    List<TableModel.ForeignKey> out = new ArrayList<>();
    for (TableModel.ForeignKey f : keys) {
      String name = IndexNames.free(f.name(), taken);
      out.add(
          new TableModel.ForeignKey(name, f.columns(), f.referencedTable(), f.referencedColumns()));
    }
    return out;
  }

  private static List<String> names(List<Column> columns) {
    List<String> out = new ArrayList<>();
    for (Column c : columns) {
      out.add(TableModel.unquote(c.getName()));
    }
    return out;
  }
}
