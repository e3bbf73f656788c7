package dev.datajar.builder.internal;

import dev.datajar.builder.BuildLog;
import dev.datajar.builder.internal.source.CsvRows;
import dev.datajar.builder.internal.source.Problems;
import dev.datajar.builder.internal.source.SourceRows;
import dev.datajar.runtime.format.ColumnModel;
import dev.datajar.runtime.format.TableModel;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads one table from its source: reads each row, converts every field, and inserts the good
 * rows; problems go to the source's {@link Problems}. Rows stream through: memory does not
 * grow with the number of rows.
 */
final class TableLoader {
  private static final long PROGRESS_EVERY = 1_000_000;

  private TableLoader() {}

  /** Loads the table; returns the number of rows written. */
  static long load(Connection connection, String dataSet, TableSource source,
      FileContext context, Problems problems, BuildLog log) throws IOException, SQLException {
    TableModel table = source.table();
    RowReader reader = new RowReader(source, problems);
    if (!problems.isEmpty()) {
      return 0; // the table's settings are wrong: reading would only repeat that
    }
    int[] keyColumns = keyColumns(table);
    Object[] values = new Object[table.columns().size()];
    long rows = 0;
    try (SourceRows in = source.open(problems, context);
        RowWriter out = new RowWriter(connection, table)) {
      boolean fixedHeader = in instanceof CsvRows;
      if (fixedHeader && !reader.mapHeader(in, true)) {
        return 0;
      }
      while (in.next()) {
        if (!reader.read(in, values)) {
          continue;
        }
        String refused = out.write(values);
        if (refused != null) {
          problems.add(refusal(in, reader, keyColumns, values, refused));
          continue;
        }
        rows++;
        if (rows % PROGRESS_EVERY == 0) {
          log.info(String.format(Locale.ROOT, "dataset '%s': table '%s': %,d rows loaded",
              dataSet, table.name(), rows));
        }
      }
    }
    return rows;
  }

  private static int[] keyColumns(TableModel table) {
    int[] out = new int[table.primaryKey().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = table.columns().indexOf(table.column(table.primaryKey().get(i)).orElseThrow());
    }
    return out;
  }

  private static String refusal(SourceRows in, RowReader reader, int[] keyColumns,
      Object[] values, String refused) {
    if (!refused.equals("duplicate primary key")) {
      return in.where() + ": SQLite refused the row: " + refused + ". Fix the row.";
    }
    List<ColumnModel> columns = reader.columns();
    List<String> names = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int c : keyColumns) {
      names.add(columns.get(c).name());
      int f = reader.fieldOf(c);
      String text = f >= 0 && in.text(f) != null ? in.text(f) : String.valueOf(values[c]);
      texts.add(text);
    }
    String where = keyColumns.length == 1 && reader.fieldOf(keyColumns[0]) >= 0
        ? FieldValues.at(in, reader.fieldOf(keyColumns[0])) : in.where() + ": ";
    String key = names.size() == 1 ? "column '" + names.get(0) + "': duplicate primary key '"
        + texts.get(0) + "'" : "duplicate primary key (" + String.join(", ", names) + ") = ('"
        + String.join("', '", texts) + "')";
    return where + key + " (" + columns.get(keyColumns[0]).owner() + "): an earlier row has"
        + " the same key. Give each row its own key, or remove the duplicate.";
  }
}
