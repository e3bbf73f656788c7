package dev.datajar.runtime.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The {@link Corpus} stored in a real SQLite file the way the builder stores a dataset (DDL from
 * the {@link SchemaModel}, every value through {@link ColumnModel#parse} and {@link
 * ColumnModel#bind}, indexes after the load, {@code VACUUM} last), and a read-only Hibernate
 * session factory over it, as the runtime opens it.
 *
 * <p>{@link #shared()} builds it once per JVM; the tests only read it.
 */
final class CorpusDb {
  static final String DATA_SET = "edges";
  private static CorpusDb shared;

  final Path file;
  final TableModel table;
  final SessionFactoryImplementor reader;

  private CorpusDb(Path file, TableModel table, SessionFactoryImplementor reader) {
    this.file = file;
    this.table = table;
    this.reader = reader;
  }

  static synchronized CorpusDb shared() throws Exception {
    if (shared == null) {
      Path dir = Files.createTempDirectory("datajar-corpus");
      Path file = dir.resolve(DATA_SET + ".sqlite");
      TableModel table = build(file);
      SessionFactoryImplementor reader =
          HibernateSetup.boot(
                  DATA_SET,
                  List.of(Edge.class),
                  SqliteFiles.readOnlyDataSource(file),
                  CorpusDb.class.getClassLoader(),
                  Map.of())
              .sessionFactory();
      shared = new CorpusDb(file, table, reader);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    reader.close();
                    deleteTree(dir);
                  }));
    }
    return shared;
  }

  /** The schema the entities define, from a model-only session factory. */
  static SchemaModel schema() {
    try (HibernateSetup.Booted model =
        HibernateSetup.boot(
            DATA_SET, List.of(Edge.class), null, CorpusDb.class.getClassLoader(), Map.of())) {
      return model.schema();
    }
  }

  /** Writes the corpus to {@code file}; returns the table it was written to. */
  static TableModel build(Path file) throws SQLException {
    SchemaModel schema = schema();
    TableModel table = schema.table("edge").orElseThrow();
    try (Connection c = SqliteFiles.openForBuild(file)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(table.createStatement());
        // What the runtime would check: recorded so that the zone builds compare it too.
        s.execute("create table datajar_metadata(key text primary key, value text)");
        s.execute(
            "insert into datajar_metadata values ('schemaFingerprint', '"
                + schema.fingerprint()
                + "')");
      }
      List<ColumnModel> columns = table.columns();
      List<String> names = columns.stream().map(col -> TableModel.quote(col.name())).toList();
      String sql =
          "insert into "
              + TableModel.quote(table.name())
              + " ("
              + String.join(", ", names)
              + ") values ("
              + "?, ".repeat(names.size() - 1)
              + "?)";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (Corpus.Entry e : Corpus.ENTRIES) {
          ColumnModel target = table.column(e.attribute()).orElseThrow();
          for (int i = 0; i < columns.size(); i++) {
            ColumnModel col = columns.get(i);
            Object value = null;
            if (col.name().equals("id")) {
              value = col.parse(Long.toString(e.id()));
            } else if (col == target && e.text() != null) {
              value = col.parse(e.text());
            }
            col.bind(ps, i + 1, value);
          }
          ps.executeUpdate();
        }
      }
      try (Statement s = c.createStatement()) {
        for (String index : table.indexStatements()) {
          s.execute(index);
        }
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("vacuum");
      }
    }
    return table;
  }

  /** The column of an attribute of {@link Edge}. */
  ColumnModel column(String attribute) {
    return table.column(attribute).orElseThrow();
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(paths.toList());
      all.sort(Comparator.reverseOrder());
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temporary file is not worth failing a test for
    }
  }
}
