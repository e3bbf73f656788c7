package dev.datajar.builder;

import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.format.SqliteFiles;
import dev.datajar.testing.postgres.TestPostgres;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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

  /**
   * The fixture datasets {@code dataSets} built by the real builder into SQLite (under {@code
   * dir/sqlite}) and into a new PostgreSQL database of {@link TestPostgres} (created with {@code
   * clauses}, see {@link TestPostgres#createDatabase(String, String)}), each opened through {@link
   * DataSets} as a service would open it. Close it to close both.
   */
  static BothEngines bothEngines(Path dir, String database, String clauses, String... dataSets)
      throws Exception {
    new DataSetBuilder()
        .build(
            request(dir.resolve("sqlite"), dataSets)
                .outputDirectory(dir.resolve("sqlite/META-INF/datasets"))
                .build());
    String url = TestPostgres.get().createDatabase(database, clauses);
    new DataSetBuilder()
        .build(
            request(dir.resolve("pg"), dataSets)
                .outputDirectory(dir.resolve("pg/META-INF/datasets"))
                .postgres(new PostgresTarget(url, TestPostgres.get().user(), null, "1"))
                .build());
    DataSets sqlite =
        DataSets.builder()
            .classLoader(loader(dir.resolve("sqlite")))
            .cacheDirectory(dir.resolve("cache"))
            .dataSets(dataSets)
            .open();
    try {
      DataSets.Builder pg =
          DataSets.builder().classLoader(loader(dir.resolve("pg"))).dataSets(dataSets);
      for (String name : dataSets) {
        pg.jdbc(name, url + "?user=" + TestPostgres.get().user());
      }
      return new BothEngines(sqlite, pg.open(), url);
    } catch (RuntimeException e) {
      sqlite.close();
      throw e;
    }
  }

  /** What {@link #bothEngines} opened, and the PostgreSQL database's URL. */
  record BothEngines(DataSets sqlite, DataSets postgres, String url) implements AutoCloseable {
    @Override
    public void close() {
      try {
        postgres.close();
      } finally {
        sqlite.close();
      }
    }
  }

  /**
   * Dataset {@code name} of {@link #bothEngines}' SQLite side (under {@code dir/sqlite}) as a
   * runtime that reads only the manifest keys before {@code key} sees it: copied to {@code dir/old}
   * with its manifest cut there (its layouts under {@code key} and after left out), and opened.
   */
  static DataSets olderRuntime(Path dir, String name, String key) throws Exception {
    Path old = dir.resolve("old");
    String manifestFile = "META-INF/datasets/" + name + ".manifest.json";
    String manifest = Files.readString(dir.resolve("sqlite").resolve(manifestFile));
    int cut = manifest.indexOf("\"" + key + "\"");
    if (cut < 0) {
      throw new IllegalStateException("no key " + key + " in " + manifest);
    }
    try (Stream<Path> files = Files.walk(dir.resolve("sqlite"))) {
      for (Path f : files.toList()) {
        Path target = old.resolve(dir.resolve("sqlite").relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    Files.writeString(
        old.resolve(manifestFile),
        manifest.substring(0, cut) + manifest.substring(manifest.indexOf("\"sqliteVersion\"")));
    return DataSets.builder()
        .classLoader(loader(old))
        .cacheDirectory(dir.resolve("old-cache"))
        .dataSets(name)
        .open();
  }

  private static ClassLoader loader(Path root) throws Exception {
    return new URLClassLoader(new URL[] {root.toUri().toURL()}, Fixtures.class.getClassLoader());
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
