package dev.datajar.builder.internal.postgres;

import static dev.datajar.runtime.format.TableModel.quote;

import dev.datajar.runtime.format.TableModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The PostgreSQL DDL of a table mapped through {@code DataJarPostgresDialect}: the bare table
 * (created before the load), then primary key, indexes and foreign keys (after it: one sorted pass
 * over the loaded rows is cheaper than updating an index for every row as it arrives, and the build
 * has checked keys and references in its SQLite work file already).
 */
final class PostgresTables {
  private PostgresTables() {}

  /**
   * The bare table. Text columns are {@code collate "C"}, whatever the database's default: text
   * then compares and sorts by code point, as SQLite's binary collation does, and {@code ilike}
   * folds the case of ASCII letters only, as SQLite's {@code like} does.
   */
  static String create(String schema, TableModel t) {
    return "create table "
        + table(schema, t.name())
        + " ("
        + String.join(", ", t.columnDefinitions(PostgresTables::collated))
        + ")";
  }

  private static String collated(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    // varchar(n), char(n) and character varying(n), text, bpchar
    boolean text =
        t.startsWith("varchar")
            || t.startsWith("char")
            || t.startsWith("text")
            || t.startsWith("bpchar");
    return text ? type + " collate \"C\"" : type;
  }

  /** The primary key, secondary and unique indexes (after the load). */
  static List<String> indexes(String schema, TableModel t) {
    List<String> out = new ArrayList<>();
    if (!t.primaryKey().isEmpty()) {
      out.add(
          "alter table "
              + table(schema, t.name())
              + " add primary key ("
              + names(t.primaryKey())
              + ")");
    }
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

  /** Foreign keys (all tables and their keys must exist by then). */
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
