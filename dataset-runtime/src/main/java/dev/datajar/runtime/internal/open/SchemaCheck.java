package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.format.SchemaModel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The full schema check: compares the schema of the entity classes on the class path, as Hibernate
 * maps them, with the file's tables and the fingerprint it was built with. Hibernate's own {@code
 * hbm2ddl validate} cannot be used: it rejects the {@code integer} columns our ids are stored in.
 * Run when the cheap check (the entity classes' shape against the manifest) cannot vouch for the
 * classes, or when the full check is asked for.
 */
public final class SchemaCheck {
  private static final int MAX_LISTED = 50;

  private SchemaCheck() {}

  static void check(String name, Path file, String inFile, SchemaModel model, Connection c) {
    String expected = model.fingerprint();
    List<String> differences;
    try {
      differences = model.differencesFrom(c);
    } catch (SQLException e) {
      throw FileChecks.unreadable(name, file, "its tables", e);
    }
    if (differences.isEmpty() && expected.equals(inFile)) {
      return;
    }
    StringBuilder sb =
        new StringBuilder()
            .append(file)
            .append(" was built from other entity classes than those on the class path (schema")
            .append(" fingerprint in the file ")
            .append(inFile)
            .append(", of the entities ")
            .append(expected)
            .append(')');
    int i = 0;
    for (String d : differences) {
      if (++i > MAX_LISTED) {
        sb.append("\n  ...");
        break;
      }
      sb.append("\n  ").append(i).append(") ").append(d);
    }
    sb.append(
        differences.isEmpty()
            ? "\n"
            : "\n"
                + differences.size()
                + " difference"
                + (differences.size() == 1 ? "" : "s")
                + ". ");
    sb.append(
        "Rebuild the dataset with the current entity classes, or use the classes of the"
            + " version it was built with.");
    throw new DataSetOpenException(name, sb.toString());
  }
}
