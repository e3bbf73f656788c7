package dev.datajar.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files are opened by path, whatever characters the path holds; read-only means read-only. */
@Tag("settings")
class SqliteFilesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "with space",
        "query?mode=memory",
        "hash#frag",
        "percent%20",
        "amp&cache=shared"
      })
  void buildAndReadOnly_openTheFileAtThatPath(String name) throws Exception {
    Path sub = Files.createDirectories(dir.resolve(name));
    Path file = sub.resolve("d.sqlite");
    try (Connection c = SqliteFiles.openForBuild(file);
        Statement s = c.createStatement()) {
      s.execute("create table t(x text collate decimal)");
      s.execute("insert into t values ('10'), ('9')");
    }
    assertTrue(Files.size(file) > 0, "the file at " + file + " was written");
    try (Stream<Path> files = Files.list(sub)) {
      assertEquals(
          List.of("d.sqlite"),
          files.map(p -> p.getFileName().toString()).toList(),
          "no other file was created next to it");
    }
    try (Connection c = SqliteFiles.openReadOnly(file);
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("select group_concat(x) from (select x from t" + " order by x)")) {
        rs.next();
        assertEquals("9,10", rs.getString(1));
      }
      assertThrows(SQLException.class, () -> s.execute("insert into t values ('1')"));
    }
  }
}
