package dev.datajar.builder.internal;

import dev.datajar.builder.BuildLog;
import dev.datajar.builder.internal.postgres.PostgresLoad;
import dev.datajar.builder.internal.source.Problems;
import dev.datajar.builder.internal.source.RowCursor;
import dev.datajar.runtime.format.ColumnModel;
import dev.datajar.runtime.format.TableModel;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads one table from its source: this thread reads each row and converts every field, an {@link
 * InsertThread} inserts the good rows; problems go to the source's {@link Problems}. Rows stream
 * through: memory does not grow with the number of rows.
 */
final class TableLoader {
  private TableLoader() {}

  /**
   * Loads every table of a dataset in order, counting each table's rows into {@code rows} (empty
   * tables too); with a PostgreSQL target, each table's accepted rows are also copied there.
   *
   * @return each source's problems, in the order of {@code sources}: rows with a problem are left
   *     out, the others are loaded, so that {@link ConstraintChecker#checkAll} can report the keys
   *     and references of the same build
   */
  static List<Problems> loadAll(
      Connection connection,
      String dataSet,
      List<TableSource> sources,
      FileContext context,
      Map<String, Long> rows,
      PostgresLoad copies,
      BuildLog log)
      throws IOException, SQLException {
    List<Problems> all = new ArrayList<>();
    for (TableSource source : sources) {
      Problems problems = source.problems(dataSet);
      all.add(problems);
      if (source.isEmpty()) {
        rows.put(source.table().name(), 0L);
        continue;
      }
      PostgresLoad.TableCopy copy = copies == null ? null : copies.table(source.table());
      long n = load(connection, dataSet, source, context, problems, log, copy);
      if (copy != null) {
        copy.end();
      }
      rows.put(source.table().name(), n);
    }
    return all;
  }

  /**
   * Loads the table; returns the number of rows written.
   *
   * @param sink also gets the rows SQLite takes, or null
   */
  static long load(
      Connection connection,
      String dataSet,
      TableSource source,
      FileContext context,
      Problems problems,
      BuildLog log,
      RowSink sink)
      throws IOException, SQLException {
    TableModel table = source.table();
    RowReader reader = new RowReader(source, problems);
    if (!problems.isEmpty()) {
      return 0; // the table's settings are wrong: reading would only repeat that
    }
    try (RowWriter out = new RowWriter(connection, table)) {
      InsertThread inserts =
          new InsertThread(
              out,
              sink,
              table.columns().size(),
              "dataset '" + dataSet + "': table '" + table.name() + "'",
              log);
      inserts.start();
      boolean finished = false;
      try {
        InsertThread.Batch batch = inserts.take();
        for (int part = 0; part < source.parts(); part++) {
          batch = loadPart(source, part, context, problems, reader, inserts, batch);
        }
        inserts.finish(batch);
        finished = true;
        log.debug("dataset '" + dataSet + "': table '" + table.name() + "': " + inserts.waits());
      } finally {
        if (!finished) {
          inserts.abort();
        }
      }
      IdentityHashMap<InsertThread.Refusal, Long> firstLines =
          firstLines(connection, dataSet, source, context, inserts.refusals());
      for (InsertThread.Refusal r : inserts.refusals()) {
        problems.add(refusal(source, r, firstLines.get(r)));
      }
      for (long n = inserts.refusals().size(); n < inserts.refusedRows(); n++) {
        problems.add("(not shown)"); // only counted: the list is full by now
      }
      return inserts.written();
    }
  }

  /** Reads one part of the source into batches; returns the batch being filled. */
  private static InsertThread.Batch loadPart(
      TableSource source,
      int part,
      FileContext context,
      Problems problems,
      RowReader reader,
      InsertThread inserts,
      InsertThread.Batch batch)
      throws IOException, SQLException {
    long before = problems.count();
    reader.newPart();
    try (RowCursor in = source.open(part, problems, context)) {
      // A CSV file whose header could not be read (empty, not UTF-8) has one problem already;
      // checking its columns against an empty header would only add bogus ones.
      if (TableSource.fixedHeader(in)
          && (problems.count() > before || !reader.mapHeader(in, true))) {
        return batch;
      }
      while (in.next()) {
        if (reader.read(in, batch.rows[batch.size])) {
          batch.lines[batch.size++] = TableSource.position(part, in.line());
          if (batch.size == InsertThread.BATCH_ROWS) {
            inserts.submit(batch);
            batch = inserts.take();
          }
        }
      }
    }
    return batch;
  }

  /**
   * For each row refused as a duplicate key, the line of the row that has the key: found by reading
   * the source again, since the load keeps nothing per row.
   *
   * @return refused row to the first line with its key
   */
  private static IdentityHashMap<InsertThread.Refusal, Long> firstLines(
      Connection connection,
      String dataSet,
      TableSource source,
      FileContext context,
      List<InsertThread.Refusal> refusals)
      throws IOException, SQLException {
    IdentityHashMap<InsertThread.Refusal, Long> out = new IdentityHashMap<>();
    TableModel table = source.table();
    int[] key = new int[table.primaryKey().size()];
    List<ColumnModel> keyColumns = new ArrayList<>();
    for (int i = 0; i < key.length; i++) {
      ColumnModel c = table.column(table.primaryKey().get(i)).orElseThrow();
      key[i] = table.columns().indexOf(c);
      keyColumns.add(c);
    }
    List<Object[]> tuples = new ArrayList<>();
    for (InsertThread.Refusal r : refusals) {
      if (r.reason().equals(RowWriter.DUPLICATE_KEY)) {
        tuples.add(tupleOf(r.values(), key));
      }
    }
    if (tuples.isEmpty()) {
      return out;
    }
    RowLocator.collect(connection, keyColumns, tuples);
    Map<Long, Long> firstLineOfTuple = new HashMap<>();
    for (RowLocator.Hit hit : RowLocator.find(connection, source, context, dataSet, key)) {
      firstLineOfTuple.putIfAbsent(hit.tuple(), hit.line());
    }
    for (InsertThread.Refusal r : refusals) {
      if (r.reason().equals(RowWriter.DUPLICATE_KEY)) {
        Long first =
            firstLineOfTuple.get(
                RowLocator.tupleOf(connection, keyColumns, tupleOf(r.values(), key)));
        if (first != null && first < r.line()) {
          out.put(r, first);
        }
      }
    }
    RowLocator.drop(connection);
    return out;
  }

  private static Object[] tupleOf(Object[] values, int[] columns) {
    Object[] tuple = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      tuple[i] = values[columns[i]];
    }
    return tuple;
  }

  private static String refusal(TableSource source, InsertThread.Refusal r, Long firstLine) {
    TableModel table = source.table();
    String where = source.where(r.line());
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
    String key =
        names.size() == 1
            ? "column '" + names.get(0) + "': duplicate primary key '" + texts.get(0) + "'"
            : "duplicate primary key ("
                + String.join(", ", names)
                + ") = ('"
                + String.join("', '", texts)
                + "')";
    String earlier =
        firstLine == null
            ? "an earlier row has the same key"
            : source.earlier(firstLine, r.line()) + " has the same key";
    return where
        + ": "
        + key
        + " ("
        + first.owner()
        + "): "
        + earlier
        + ". Give each row its"
        + " own key, or remove the duplicate.";
  }
}
