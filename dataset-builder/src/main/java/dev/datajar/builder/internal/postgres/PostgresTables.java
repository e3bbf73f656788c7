package dev.datajar.builder.internal.postgres;

import static dev.datajar.runtime.format.TableModel.quote;

import dev.datajar.runtime.format.ColumnModel;
import dev.datajar.runtime.format.TableModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL DDL of a table mapped through {@code DataJarPostgresDialect}: the table with its
 * primary key (created before the load), then indexes and foreign keys (after it, where one pass
 * over the loaded rows is cheaper than checking every row as it arrives).
 */
final class PostgresTables {
  private PostgresTables() {}

  static String create(String schema, TableModel t) {
    List<String> parts = new ArrayList<>();
    for (ColumnModel c : t.columns()) {
      StringBuilder col = new StringBuilder(quote(c.name())).append(' ').append(c.declaredType());
      if (!c.nullable()) {
        col.append(" not null");
      }
      for (String check : c.checks()) {
        col.append(" check (").append(check).append(')');
      }
      parts.add(col.toString());
    }
    if (!t.primaryKey().isEmpty()) {
      parts.add("primary key (" + names(t.primaryKey()) + ")");
    }
    return "create table " + table(schema, t.name()) + " (" + String.join(", ", parts) + ")";
  }

  /** Secondary and unique indexes, then foreign keys (all tables must exist by then). */
  static List<String> indexes(String schema, TableModel t) {
    List<String> out = new ArrayList<>();
    for (TableModel.Index i : t.indexes()) {
      out.add(
          "create "
              + (i.unique() ? "unique " : "")
              + "index "
              + quote(i.name())
              + " on "
              + table(schema, t.name())
              + " ("
              + names(i.columns())
              + ")");
    }
    return out;
  }

  static List<String> foreignKeys(String schema, TableModel t) {
    List<String> out = new ArrayList<>();
    for (TableModel.ForeignKey f : t.foreignKeys()) {
      out.add(
          "alter table "
              + table(schema, t.name())
              + " add constraint "
              + quote(f.name())
              + " foreign key ("
              + names(f.columns())
              + ") references "
              + table(schema, f.referencedTable())
              + " ("
              + names(f.referencedColumns())
              + ")");
    }
    return out;
  }

  static String table(String schema, String name) {
    return quote(schema) + "." + quote(name);
  }

  static String names(List<String> names) {
    List<String> q = new ArrayList<>();
    names.forEach(n -> q.add(quote(n)));
    return String.join(", ", q);
  }
}
