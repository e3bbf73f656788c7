package dev.datajar.builder;

import dev.datajar.runtime.format.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Requests over the fixture entities in target/test-classes and src/test/resources/datasets. */
final class Fixtures {
  static final Path CLASSES = Path.of("target/test-classes");
  static final Path SOURCES = Path.of("src/test/resources/datasets");

  private Fixtures() {}

  static BuildRequest.Builder request(Path dir, String... dataSets) {
    return BuildRequest.builder()
        .classesDirectory(CLASSES)
        .classLoader(Fixtures.class.getClassLoader())
        .sourceDirectory(SOURCES)
        .outputDirectory(dir.resolve("out"))
        .workDirectory(dir.resolve("work"))
        .dataSets(Set.of(dataSets));
  }

  /** Every row of a query, each as its columns' text joined by '|'. */
  static List<String> query(Path file, String sql) throws SQLException {
    try (Connection c = SqliteFiles.openReadOnly(file)) {
      return query(c, sql);
    }
  }

  /** Every row of a query on {@code c} (SQLite or PostgreSQL), as {@link #query(Path, String)}. */
  static List<String> query(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          sb.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  /** A log that keeps every line, for assertions. */
  static final class RecordingLog implements BuildLog {
    final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void info(String message) {
      lines.add("INFO " + message);
    }

    @Override
    public synchronized void warn(String message) {
      lines.add("WARN " + message);
    }

    @Override
    public synchronized void debug(String message) {
      lines.add("DEBUG " + message);
    }
  }
}
