package dev.datajar.builder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, item 11: a full disk names the folder and the way around it. */
class BuildFailuresTest {
  @TempDir Path dir;

  @Test
  void sqliteFull_namesTheFolderAndTheSetting() throws Exception {
    SQLException full;
    // A real SQLITE_FULL: SQLite reports it the same way when a page limit is reached as when
    // the disk is full.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("small.db"));
        Statement s = c.createStatement()) {
      s.execute("create table t (b blob)");
      s.execute("pragma max_page_count = 4");
      try (PreparedStatement insert = c.prepareStatement("insert into t values (?)")) {
        insert.setBytes(1, new byte[64 * 1024]);
        full = assertThrows(SQLException.class, insert::executeUpdate);
      }
    }
    Path work = dir.resolve("target/datajar");
    assertEquals(
        "dataset 'geo': the disk is full: SQLite could not write the dataset's file in "
            + work.toAbsolutePath()
            + " (SQLITE_FULL). Free space there, or set <workDirectory>"
            + " (-Ddataset.workDirectory) to a folder on a disk with room.",
        BuildFailures.sqlite("geo", full, work).getMessage());
  }
}
