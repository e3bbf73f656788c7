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

/**
 * Loads one table from its source: this thread reads each row and converts every field, an
 * {@link InsertThread} inserts the good rows; problems go to the source's {@link Problems}.
 * Rows stream through: memory does not grow with the number of rows.
 */
final class TableLoader {
  private TableLoader() {}

  /** Loads the table; returns the number of rows written. */
  static long load(Connection connection, String dataSet, TableSource source,
      FileContext context, Problems problems, BuildLog log) throws IOException, SQLException {
    TableModel table = source.table();
    RowReader reader = new RowReader(source, problems);
    if (!problems.isEmpty()) {
      return 0; // the table's settings are wrong: reading would only repeat that
    }
    try (SourceRows in = source.open(problems, context);
        RowWriter out = new RowWriter(connection, table)) {
      if (in instanceof CsvRows && !reader.mapHeader(in, true)) {
        return 0;
      }
      InsertThread inserts = new InsertThread(out, table.columns().size(),
          "dataset '" + dataSet + "': table '" + table.name() + "'", log);
      inserts.start();
      boolean finished = false;
      try {
        InsertThread.Batch batch = inserts.take();
        while (in.next()) {
          if (reader.read(in, batch.rows[batch.size])) {
            batch.lines[batch.size++] = in.line();
            if (batch.size == InsertThread.BATCH_ROWS) {
              inserts.submit(batch);
              batch = inserts.take();
            }
          }
        }
        inserts.finish(batch);
        finished = true;
      } finally {
        if (!finished) {
          inserts.abort();
        }
      }
      for (InsertThread.Refusal r : inserts.refusals()) {
        problems.add(refusal(source, r));
      }
      for (long n = inserts.refusals().size(); n < inserts.refusedRows(); n++) {
        problems.add("(not shown)"); // only counted: the list is full by now
      }
      return inserts.written();
    }
  }

  private static String refusal(TableSource source, InsertThread.Refusal r) {
    TableModel table = source.table();
    String where = source.code() != null ? source.display() + " row " + r.line()
        : source.display() + ":" + r.line();
    if (!r.reason().equals(RowWriter.DUPLICATE_KEY)) {
      return where + ": SQLite refused the row: " + r.reason() + ". Fix the row.";
    }
    List<String> names = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    ColumnModel first = null;
    for (String key : table.primaryKey()) {
      ColumnModel c = table.column(key).orElseThrow();
      first = first == null ? c : first;
      names.add(c.name());
      texts.add(String.valueOf(r.values()[table.columns().indexOf(c)]));
    }
    String key = names.size() == 1 ? "column '" + names.get(0) + "': duplicate primary key '"
        + texts.get(0) + "'" : "duplicate primary key (" + String.join(", ", names) + ") = ('"
        + String.join("', '", texts) + "')";
    return where + ": " + key + " (" + first.owner() + "): an earlier row has the same key."
        + " Give each row its own key, or remove the duplicate.";
  }
}
