package dev.datajar.builder.internal;

import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.internal.source.Problems;
import dev.datajar.runtime.format.ColumnModel;
import dev.datajar.runtime.format.TableModel;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Creates the secondary indexes once every table is loaded, and checks what SQLite's Hibernate
 * dialect leaves unchecked: unique constraints and foreign keys.
 *
 * <p>The fast path is pure SQL: a unique index that builds proves its columns unique, and one
 * anti-join per foreign key proves every reference resolves (self-references included, since all
 * rows are in by then). Only when a check fails is the offending source read again, by {@link
 * RowLocator}, to say on which lines the offending values were written.
 */
final class ConstraintChecker {
  private static final int MAX_TUPLES = Problems.CAP;

  private final Connection connection;
  private final String dataSet;
  private final FileContext context;
  private final boolean secondary;

  /**
   * Creates every table's indexes (checking unique constraints), then checks every table's
   * references, and fails once, listing every table's problems: those {@code loaded} found (bad
   * values, keys, NULLs) and these, each file's in one numbered list.
   *
   * <p>A table that had problems misses the rows that had them, so references <em>to</em> it are
   * not checked (they would name rows that are only missing because of those problems); its own
   * duplicates and references are, as the rows it has are as written.
   *
   * @param loaded each source's problems from {@link TableLoader#loadAll}, added to here
   * @param secondary also build the non-unique indexes (a shipped SQLite file needs them; a
   *     PostgreSQL build's work file does not)
   */
  static void checkAll(
      Connection connection,
      String dataSet,
      FileContext context,
      List<TableSource> sources,
      List<Problems> loaded,
      boolean secondary)
      throws IOException, SQLException, DataSetBuildException {
    ConstraintChecker checker = new ConstraintChecker(connection, dataSet, context, secondary);
    Set<String> incomplete = new HashSet<>();
    for (int i = 0; i < sources.size(); i++) {
      if (!loaded.get(i).isEmpty()) {
        incomplete.add(sources.get(i).table().name());
      }
    }
    for (int i = 0; i < sources.size(); i++) {
      checker.createIndexes(sources.get(i), loaded.get(i));
    }
    for (int i = 0; i < sources.size(); i++) {
      checker.checkForeignKeys(sources.get(i), loaded.get(i), incomplete);
    }
    Problems.throwIfAny(loaded);
  }

  /**
   * @param secondary whether to build the indexes that check nothing (not unique): the file needs
   *     them, a PostgreSQL build (whose work file is thrown away) does not
   */
  ConstraintChecker(Connection connection, String dataSet, FileContext context, boolean secondary) {
    this.connection = connection;
    this.dataSet = dataSet;
    this.context = context;
    this.secondary = secondary;
  }

  /** Creates every index; a unique index that fails reports its duplicates. */
  void createIndexes(TableSource source, Problems problems) throws SQLException, IOException {
    TableModel table = source.table();
    List<TableModel.Index> indexes = table.indexes();
    List<String> statements = table.indexStatements();
    for (int i = 0; i < statements.size(); i++) {
      if (!secondary && !indexes.get(i).unique()) {
        continue;
      }
      try (Statement s = connection.createStatement()) {
        s.execute(statements.get(i));
      } catch (SQLiteException e) {
        if (e.getResultCode() != SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
          throw e;
        }
        reportDuplicates(source, indexes.get(i), problems);
      }
    }
  }

  private void reportDuplicates(TableSource source, TableModel.Index index, Problems problems)
      throws SQLException, IOException {
    TableModel table = source.table();
    int[] columns = indexesOf(table, index.columns());
    String cols = select(index.columns(), "");
    RowLocator.collect(
        connection,
        "select "
            + cols
            + " from "
            + TableModel.quote(table.name())
            + " where "
            + notNull(index.columns(), "")
            + " group by "
            + positions(columns.length)
            + " having count(*) > 1 order by "
            + positions(columns.length)
            + " limit "
            + MAX_TUPLES);
    Map<Long, RowLocator.Hit> first = new HashMap<>();
    for (RowLocator.Hit hit : RowLocator.find(connection, source, context, dataSet, columns)) {
      RowLocator.Hit earlier = first.putIfAbsent(hit.tuple(), hit);
      if (earlier == null) {
        continue;
      }
      ColumnModel c = table.columns().get(columns[0]);
      problems.add(
          hit.where()
              + describe(table, columns, hit.texts(), "duplicate value")
              + " ("
              + c.owner()
              + "), first at "
              + source.earlier(earlier.line(), hit.line())
              + "; unique index '"
              + index.name()
              + "' allows each "
              + (columns.length == 1 ? "value" : "combination")
              + " once. Keep one of the rows,"
              + " or change the value.");
    }
    RowLocator.drop(connection);
  }

  /**
   * Checks every foreign key of the table but those to an {@code incomplete} table; each dangling
   * reference is a problem.
   */
  void checkForeignKeys(TableSource source, Problems problems, Set<String> incomplete)
      throws SQLException, IOException {
    TableModel table = source.table();
    for (TableModel.ForeignKey fk : table.foreignKeys()) {
      if (incomplete.contains(fk.referencedTable())) {
        continue;
      }
      StringBuilder join = new StringBuilder();
      for (int i = 0; i < fk.columns().size(); i++) {
        join.append(i == 0 ? "" : " and ")
            .append("p.")
            .append(TableModel.quote(fk.referencedColumns().get(i)))
            .append(" = c.c")
            .append(i);
      }
      // With an index on the key, the distinct values come from walking it, and the parent
      // is searched once per value (a thousand groups) rather than once per row (a million
      // items). Without one, that would add a sort of every row, so search per row instead.
      String children =
          "(select "
              + (indexed(table, fk.columns()) ? "distinct " : "")
              + select(fk.columns(), "")
              + " from "
              + TableModel.quote(table.name())
              + " where "
              + notNull(fk.columns(), "")
              + ")";
      String sql =
          "select distinct * from "
              + children
              + " c where not exists (select 1 from "
              + TableModel.quote(fk.referencedTable())
              + " p where "
              + join
              + ") order by "
              + positions(fk.columns().size())
              + " limit "
              + MAX_TUPLES;
      if (RowLocator.collect(connection, sql) == 0) {
        continue;
      }
      int[] columns = indexesOf(table, fk.columns());
      if (source.isEmpty()) {
        problems.add(
            "table '"
                + table.name()
                + "': a row references no row of table '"
                + fk.referencedTable()
                + "'.");
      }
      for (RowLocator.Hit hit : RowLocator.find(connection, source, context, dataSet, columns)) {
        ColumnModel c = table.columns().get(columns[0]);
        problems.add(
            hit.where()
                + describe(table, columns, hit.texts(), null)
                + (columns.length == 1 ? " references" : " reference")
                + " no row of table '"
                + fk.referencedTable()
                + "' ("
                + c.owner()
                + "). Add that row to '"
                + fk.referencedTable()
                + "', or fix the value.");
      }
    }
    RowLocator.drop(connection);
  }

  /** True if an index (or the primary key) of the table starts with these columns. */
  private boolean indexed(TableModel table, List<String> columns) {
    if (startsWith(table.primaryKey(), columns)) {
      return true;
    }
    return table.indexes().stream()
        .anyMatch(i -> (secondary || i.unique()) && startsWith(i.columns(), columns));
  }

  private static boolean startsWith(List<String> index, List<String> columns) {
    if (index.size() < columns.size()) {
      return false;
    }
    for (int i = 0; i < columns.size(); i++) {
      if (!index.get(i).equalsIgnoreCase(columns.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static String describe(TableModel table, int[] columns, List<String> texts, String what) {
    if (columns.length == 1) {
      return "column '"
          + table.columns().get(columns[0]).name()
          + "': "
          + (what == null ? "" : what + " ")
          + "'"
          + texts.get(0)
          + "'";
    }
    List<String> names = new ArrayList<>();
    for (int c : columns) {
      names.add(table.columns().get(c).name());
    }
    return "columns ("
        + String.join(", ", names)
        + "): "
        + (what == null ? "" : what + "s ")
        + "('"
        + String.join("', '", texts)
        + "')";
  }

  private static int[] indexesOf(TableModel table, List<String> names) {
    int[] out = new int[names.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = table.columns().indexOf(table.column(names.get(i)).orElseThrow());
    }
    return out;
  }

  private static String select(List<String> columns, String prefix) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      sb.append(i == 0 ? "" : ", ")
          .append(prefix)
          .append(TableModel.quote(columns.get(i)))
          .append(" as c")
          .append(i);
    }
    return sb.toString();
  }

  private static String notNull(List<String> columns, String prefix) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      sb.append(i == 0 ? "" : " and ")
          .append(prefix)
          .append(TableModel.quote(columns.get(i)))
          .append(" is not null");
    }
    return sb.toString();
  }

  private static String positions(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      sb.append(i == 1 ? "" : ", ").append(i);
    }
    return sb.toString();
  }
}
