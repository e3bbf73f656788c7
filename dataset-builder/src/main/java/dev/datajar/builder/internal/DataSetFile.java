package dev.datajar.builder.internal;

import dev.datajar.runtime.format.FileIdentity;
import dev.datajar.runtime.format.SchemaModel;
import dev.datajar.runtime.format.TableModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The steps that make a loaded SQLite file a dataset file: statistics, identification, and a
 * compact, deterministic page layout.
 *
 * <p>Order matters for reproducibility: {@code VACUUM} comes after every write, so the file's bytes
 * depend only on its content, not on the order pages were touched during the load.
 */
final class DataSetFile {
  private DataSetFile() {}

  /** Creates every table of the schema, without secondary indexes. */
  static void createTables(Connection connection, SchemaModel schema) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (TableModel t : schema.tables()) {
        s.execute(t.createStatement());
      }
    }
  }

  /**
   * Analyzes and identifies the file ({@link FileIdentity}), then writes its compacted copy to
   * {@code into} with {@code VACUUM INTO}: one pass that writes the final file, where a plain
   * {@code VACUUM} writes a copy and then copies it back. The copy is a fresh database, so its
   * journal mode is the default {@code DELETE}; {@code application_id} and {@code user_version} are
   * carried over. The connection's transaction is committed and it is left in auto-commit mode.
   *
   * @return the SQLite library version that wrote the file
   */
  static String finish(Connection connection, FileIdentity identity, Path into)
      throws SQLException, IOException {
    try (Statement s = connection.createStatement()) {
      s.execute("analyze");
    }
    identity.writeTo(connection);
    connection.commit();
    connection.setAutoCommit(true);
    try (Statement s = connection.createStatement()) {
      Files.deleteIfExists(into);
      s.execute("vacuum into '" + into.toAbsolutePath().toString().replace("'", "''") + "'");
      try (ResultSet rs = s.executeQuery("select sqlite_version()")) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
