package dev.datajar.runtime.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One table of a dataset as the entities define it: columns, primary key, indexes and the foreign
 * keys the builder checks (SQLite's Hibernate dialect declares none).
 *
 * @param name the table's name in the file
 * @param entity simple name of the entity stored in it, or {@code null} for a collection or join
 *     table
 * @param columns in file order: primary key first, then as Hibernate maps them
 * @param primaryKey primary key column names; empty if none
 * @param indexes secondary indexes, unique ones included, created after the load
 * @param foreignKeys references to other tables (or this one)
 */
public record TableModel(
    String name,
    String entity,
    List<ColumnModel> columns,
    List<String> primaryKey,
    List<Index> indexes,
    List<ForeignKey> foreignKeys) {

  /**
   * A secondary index.
   *
   * <p>An owner-key index is one the builder adds itself: a collection is read a batch of owners at
   * a time with {@code where <owner column> in (?, ...)}, so a collection table (or a one-to-many
   * target's table) whose owner column(s) lead neither its primary key nor an index gets a plain
   * index on them, named like any unnamed index ({@code <table>_<columns>}). Owner-key indexes are
   * left out of the schema fingerprint: they follow from the mapping alone and change nothing a
   * read returns, so a dataset built before them still passes the full check (it reads such
   * collections more slowly until it is rebuilt).
   *
   * @param ownerKey whether the builder added it on a collection's owner column(s)
   */
  public record Index(String name, List<String> columns, boolean unique, boolean ownerKey) {
    public Index {
      columns = List.copyOf(columns);
    }

    /** An index the entities declare. */
    public Index(String name, List<String> columns, boolean unique) {
      this(name, columns, unique, false);
    }
  }

  /** A reference from {@code columns} here to {@code referencedColumns} of another table. */
  public record ForeignKey(
      String name, List<String> columns, String referencedTable, List<String> referencedColumns) {}

  public TableModel {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    indexes = List.copyOf(indexes);
    foreignKeys = List.copyOf(foreignKeys);
  }

  /** The column with this name, or the column holding the attribute of this name. */
  public Optional<ColumnModel> column(String nameOrAttribute) {
    for (ColumnModel c : columns) {
      if (c.name().equalsIgnoreCase(nameOrAttribute)) {
        return Optional.of(c);
      }
    }
    for (ColumnModel c : columns) {
      if (nameOrAttribute.equals(c.attribute())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * The collection this table holds the elements of, as {@code Entity.attribute} (an
   * {@code @ElementCollection}'s table or a many-to-many's join table), or {@code null} for an
   * entity's table.
   */
  public String collection() {
    if (entity != null) {
      return null;
    }
    for (ColumnModel c : columns) {
      if (c.collection() != null) {
        return c.collection();
      }
    }
    return null;
  }

  /**
   * True if the primary key is one {@code integer} column, which SQLite then stores as the rowid
   * itself: no second b-tree, and lookups by key walk one tree instead of two.
   */
  public boolean rowidPrimaryKey() {
    return primaryKey.size() == 1
        && column(primaryKey.get(0)).map(c -> c.declaredType().equals("integer")).orElse(false);
  }

  /**
   * Each column as a {@code create table} declares it: quoted name, declared type, {@code not null}
   * and its checks; the same on every engine the dataset is built into.
   */
  public List<String> columnDefinitions() {
    return columnDefinitions(UnaryOperator.identity());
  }

  /**
   * {@link #columnDefinitions()} with each declared type as {@code type} makes it (PostgreSQL's
   * text columns add a collation).
   */
  public List<String> columnDefinitions(UnaryOperator<String> type) {
    List<String> parts = new ArrayList<>();
    for (ColumnModel c : columns) {
      StringBuilder col =
          new StringBuilder(quote(c.name())).append(' ').append(type.apply(c.declaredType()));
      if (!c.nullable()) {
        col.append(" not null");
      }
      for (String check : c.checks()) {
        col.append(" check (").append(check).append(')');
      }
      parts.add(col.toString());
    }
    return parts;
  }

  /**
   * The {@code create table} statement. A table whose key is not an integer is made {@code without
   * rowid}: its rows live in the primary-key tree, so a lookup by key is one search and there is no
   * hidden rowid column.
   */
  public String createStatement() {
    StringBuilder sb = new StringBuilder("create table ").append(quote(name)).append(" (");
    List<String> parts = columnDefinitions();
    if (!primaryKey.isEmpty()) {
      parts.add("primary key (" + quoteAll(primaryKey) + ")");
    }
    sb.append(String.join(", ", parts)).append(')');
    if (!primaryKey.isEmpty() && !rowidPrimaryKey()) {
      sb.append(" without rowid");
    }
    return sb.toString();
  }

  /** The {@code create [unique] index} statements, in name order. */
  public List<String> indexStatements() {
    List<String> out = new ArrayList<>();
    for (Index i : indexes) {
      out.add(
          "create "
              + (i.unique() ? "unique " : "")
              + "index "
              + quote(i.name())
              + " on "
              + quote(name)
              + " ("
              + quoteAll(i.columns())
              + ")");
    }
    return out;
  }

  /** Lines of the schema fingerprint for this table. */
  List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "table " + name.toLowerCase(Locale.ROOT) + " pk(" + String.join(",", primaryKey) + ")");
    for (ColumnModel c : columns) {
      lines.add("  column " + c.describe());
    }
    for (Index i : indexes) {
      if (i.ownerKey()) {
        continue; // follows from the mapping; see Index
      }
      lines.add(
          "  index "
              + i.name()
              + (i.unique() ? " unique(" : " (")
              + String.join(",", i.columns())
              + ")");
    }
    for (ForeignKey f : foreignKeys) {
      lines.add(
          "  fk ("
              + String.join(",", f.columns())
              + ") -> "
              + f.referencedTable()
              + "("
              + String.join(",", f.referencedColumns())
              + ")");
    }
    return lines;
  }

  /** {@code name} as a double-quoted SQL identifier. */
  public static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  static String quoteAll(List<String> names) {
    List<String> q = new ArrayList<>(names.size());
    for (String n : names) {
      q.add(quote(n));
    }
    return String.join(", ", q);
  }

  /**
   * {@code name} without the quotes Hibernate keeps around a quoted identifier (or {@link #quote}
   * put there: a doubled quote inside becomes one).
   */
  public static String unquote(String name) {
    if (name.length() > 1 && (name.charAt(0) == '"' || name.charAt(0) == '`')) {
      String q = String.valueOf(name.charAt(0));
      return name.substring(1, name.length() - 1).replace(q + q, q);
    }
    return name;
  }

  /** Parents first; ties and cycles broken by name so the order never varies. */
  static List<TableModel> parentsFirst(Map<String, TableModel> byName) {
    List<TableModel> out = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    Set<String> visiting = new LinkedHashSet<>();
    for (String name : byName.keySet()) {
      visit(name, byName, done, visiting, out);
    }
    return out;
  }

  private static void visit(
      String name,
      Map<String, TableModel> byName,
      Set<String> done,
      Set<String> visiting,
      List<TableModel> out) {
    if (done.contains(name) || !visiting.add(name)) {
      return; // done, or a cycle: the builder checks references after all tables are loaded
    }
    TableModel t = byName.get(name);
    for (TableModel.ForeignKey f : t.foreignKeys()) {
      String parent = f.referencedTable().toLowerCase(Locale.ROOT);
      if (!parent.equals(name) && byName.containsKey(parent)) {
        visit(parent, byName, done, visiting, out);
      }
    }
    visiting.remove(name);
    done.add(name);
    out.add(t);
  }
}
