package dev.datajar.benchmarks.build;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.datajar.benchmarks.data.BenchSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The baseline the builder is measured against: the same CSV loaded with plain sqlite-jdbc as issue
 * 2 defines it — PreparedStatement batches, one transaction, the foreign-key index created
 * <em>before</em> the load, default pragmas.
 *
 * <p>The CSV is parsed with FastCSV (as the builder does) and every value is converted to its type,
 * so the difference to the builder is what the builder does on top, not parsing.
 */
final class JdbcBaseline {
  private static final int BATCH = 1000;

  /**
   * The key column's declared type: {@code integer} (the default) makes the key the rowid, as the
   * builder does; {@code -Ddatajar.bench.baselineKey=bigint} gives the layout Hibernate's own DDL
   * gives a {@code long} id ({@code bigint}: a separate primary-key index), which is the layout of
   * the ~118k rows/s baseline quoted in issue 2.
   */
  private static final String KEY_TYPE =
      System.getProperty("datajar.bench.baselineKey", "integer").equals("bigint")
          ? "bigint"
          : "integer";

  private JdbcBaseline() {}

  /** Loads the sources into a new file {@code target}; returns the rows inserted. */
  static long load(BenchSources sources, Path target) throws IOException, SQLException {
    Files.deleteIfExists(target);
    Files.createDirectories(target.getParent());
    long rows = 0;
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + target)) {
      connection.setAutoCommit(false);
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("create table parent (id " + KEY_TYPE + " primary key, name text not null)");
        ddl.execute(
            "create table item (id "
                + KEY_TYPE
                + " primary key, name text not null,"
                + " note text,"
                + " score real not null, parent_id integer not null references parent(id))");
        ddl.execute("create index item_parent_id on item (parent_id)");
      }
      try (PreparedStatement insert =
              connection.prepareStatement("insert into parent (id, name) values (?, ?)");
          CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(sources.parentCsv())) {
        rows +=
            insertAll(
                csv,
                insert,
                (record, statement) -> {
                  statement.setLong(1, Long.parseLong(record.getField(0)));
                  statement.setString(2, record.getField(1));
                });
      }
      try (PreparedStatement insert =
              connection.prepareStatement(
                  "insert into item (id, name, note, score, parent_id) values (?, ?, ?, ?, ?)");
          CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(sources.itemCsv())) {
        rows +=
            insertAll(
                csv,
                insert,
                (record, statement) -> {
                  statement.setLong(1, Long.parseLong(record.getField(0)));
                  statement.setString(2, record.getField(1));
                  statement.setString(3, record.getField(2));
                  statement.setDouble(4, Double.parseDouble(record.getField(3)));
                  statement.setLong(5, Long.parseLong(record.getField(4)));
                });
      }
      connection.commit();
    }
    return rows;
  }

  private interface Binder {
    void bind(CsvRecord record, PreparedStatement statement) throws SQLException;
  }

  private static long insertAll(CsvReader<CsvRecord> csv, PreparedStatement insert, Binder binder)
      throws SQLException {
    long rows = 0;
    boolean header = true;
    for (CsvRecord record : csv) {
      if (header) {
        header = false;
        continue;
      }
      binder.bind(record, insert);
      insert.addBatch();
      if (++rows % BATCH == 0) {
        insert.executeBatch();
      }
    }
    insert.executeBatch();
    return rows;
  }
}
