package dev.datajar.runtime.format;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tables of one dataset as its entities define them, in load order (a table after the tables it
 * references), with the DDL the builder runs and the fingerprint the runtime checks.
 *
 * <p>Made from Hibernate's mapping by {@link HibernateSetup#boot}, identically on both sides: the
 * builder records {@link #fingerprint()} in the manifest, and the runtime compares it with the
 * fingerprint of the entity classes it was given, so a jar built from other entities is refused at
 * start-up rather than misread. Immutable.
 */
public final class SchemaModel {
  private final String dataSet;
  private final List<TableModel> tables;
  private final List<EntityLayout> layouts;
  private final Map<String, String> throughHibernate;
  private final String fingerprint;

  SchemaModel(String dataSet, List<TableModel> tables, List<EntityLayout> layouts) {
    this(dataSet, tables, layouts, Map.of());
  }

  SchemaModel(
      String dataSet,
      List<TableModel> tables,
      List<EntityLayout> layouts,
      Map<String, String> throughHibernate) {
    this.dataSet = dataSet;
    this.tables = List.copyOf(tables);
    this.layouts = List.copyOf(layouts);
    this.throughHibernate = Collections.unmodifiableMap(new TreeMap<>(throughHibernate));
    this.fingerprint = computeFingerprint(this.tables);
  }

  /** How the runtime reads each plain entity without Hibernate, by entity class name. */
  public List<EntityLayout> layouts() {
    return layouts;
  }

  /**
   * The entities with no layout, by class name, each with the reason in a user's words: the runtime
   * reads them through Hibernate, which starts on the first read of one (README, Known limits).
   */
  public Map<String, String> throughHibernate() {
    return throughHibernate;
  }

  public String dataSet() {
    return dataSet;
  }

  /** Every table, parents before the tables that reference them. */
  public List<TableModel> tables() {
    return tables;
  }

  /** The table of this name, ignoring case as SQLite does. */
  public Optional<TableModel> table(String name) {
    return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * SHA-256 (hex) of the tables, columns, declared and Java types, keys and indexes: equal
   * fingerprints mean the file's layout is what the entities expect.
   */
  public String fingerprint() {
    return fingerprint;
  }

  /**
   * Compares the tables and columns of an open dataset file with this model.
   *
   * @return one line per difference, e.g. {@code table 'country': column 'alpha3' is missing};
   *     empty if they match
   */
  public List<String> differencesFrom(Connection connection) throws SQLException {
    List<String> diffs = new ArrayList<>();
    Map<String, String> actualTables = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select name from sqlite_schema where type = 'table' and name not like 'sqlite_%'")) {
      while (rs.next()) {
        actualTables.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(1));
      }
    }
    for (TableModel t : tables) {
      String actual = actualTables.get(t.name().toLowerCase(Locale.ROOT));
      if (actual == null) {
        diffs.add("table '" + t.name() + "' (" + describeOwner(t) + ") is missing from the file");
        continue;
      }
      Map<String, String> columns = new LinkedHashMap<>();
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("pragma table_info(" + TableModel.quote(actual) + ")")) {
        while (rs.next()) {
          columns.put(
              rs.getString("name").toLowerCase(Locale.ROOT),
              rs.getString("type").toLowerCase(Locale.ROOT));
        }
      }
      for (ColumnModel c : t.columns()) {
        String type = columns.get(c.name().toLowerCase(Locale.ROOT));
        String expected = c.declaredType().replace(" collate " + DecimalText.COLLATION, "");
        if (type == null) {
          diffs.add(
              "table '"
                  + t.name()
                  + "': column '"
                  + c.name()
                  + "' ("
                  + c.owner()
                  + ") is missing from the file");
        } else if (!type.equals(expected)) {
          diffs.add(
              "table '"
                  + t.name()
                  + "': column '"
                  + c.name()
                  + "' is "
                  + type
                  + " in the file but "
                  + expected
                  + " for "
                  + c.owner());
        }
      }
    }
    return diffs;
  }

  private static String describeOwner(TableModel t) {
    return t.entity() == null ? "a collection table" : "entity " + t.entity();
  }

  private static String computeFingerprint(List<TableModel> tables) {
    StringBuilder sb =
        new StringBuilder("datajar format ").append(DataSetLayout.FORMAT_VERSION).append('\n');
    tables.stream()
        .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
        .forEach(t -> t.describe().forEach(line -> sb.append(line).append('\n')));
    return Sha256.of(sb.toString());
  }
}
