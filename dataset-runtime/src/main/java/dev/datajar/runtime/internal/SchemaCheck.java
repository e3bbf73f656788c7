package dev.datajar.runtime.internal;

import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.SchemaModel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Compares the schema of the entity classes on the class path with the one the file was built
 * from. Hibernate's own {@code hbm2ddl validate} cannot be used: it rejects the {@code integer}
 * columns our ids are stored in.
 */
final class SchemaCheck {
  private static final int MAX_LISTED = 50;

  private SchemaCheck() {}

  static void check(String name, Path file, Manifest manifest, SessionFactoryImplementor sf,
      DataSource pool) {
    SchemaModel model = SchemaModel.of(sf);
    String expected = model.fingerprint();
    String inFile;
    List<String> differences;
    try (Connection c = pool.getConnection()) {
      inFile = fingerprintInFile(c);
      differences = model.differencesFrom(c);
    } catch (SQLException e) {
      throw new DataSetOpenException(name, "dataset '" + name + "': " + file + " is not a"
          + " readable datajar dataset (" + DataSetLayout.METADATA_TABLE + " cannot be read: "
          + e.getMessage() + "). Rebuild it.", e);
    }
    if (manifest != null && manifest.schemaFingerprint() != null
        && !manifest.schemaFingerprint().equals(inFile)) {
      throw new DataSetOpenException(name, "dataset '" + name + "': " + file + " has schema"
          + " fingerprint " + inFile + ", but its manifest says " + manifest.schemaFingerprint()
          + ": the file and the manifest come from different builds. Rebuild the dataset.");
    }
    if (!differences.isEmpty() || !expected.equals(inFile)) {
      StringBuilder sb = new StringBuilder("dataset '").append(name).append("': ").append(file)
          .append(" was built from other entity classes than those on the class path (schema")
          .append(" fingerprint in the file ").append(inFile).append(", of the entities ")
          .append(expected).append(')');
      int i = 0;
      for (String d : differences) {
        if (++i > MAX_LISTED) {
          sb.append("\n  ...");
          break;
        }
        sb.append("\n  ").append(i).append(") ").append(d);
      }
      sb.append(differences.isEmpty() ? "\n" : "\n" + differences.size() + " difference"
          + (differences.size() == 1 ? "" : "s") + ". ");
      sb.append("Rebuild the dataset with the current entity classes, or use the classes of the"
          + " version it was built with.");
      throw new DataSetOpenException(name, sb.toString());
    }
  }

  private static String fingerprintInFile(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select value from "
        + DataSetLayout.METADATA_TABLE + " where key = 'schemaFingerprint'");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
