package dev.datajar.tools;

import dev.datajar.runtime.format.FileIdentity;
import dev.datajar.tools.internal.FileSchema;
import dev.datajar.tools.internal.RowComparison;
import dev.datajar.tools.internal.SchemaComparison;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares two versions of a dataset: schema changes, and per table the rows added, removed and
 * changed, matched by primary key.
 *
 * <p>Both files are attached to one read-only SQLite connection and SQLite matches the rows through
 * the key indexes, so memory stays constant; only the first {@code cap} rows of each kind per table
 * are kept for the report. Needs no entity classes. Stateless and thread-safe.
 *
 * <pre>{@code
 * try (DataSetInput before = DataSetInput.open(oldJar, null, null, "1.3.0");
 *     DataSetInput after = DataSetInput.open(newJar, null, null, "1.4.0")) {
 *   System.out.print(new Differ().diff(before, after, 20).toMarkdown());
 * }
 * }</pre>
 */
public final class Differ {

  /**
   * Compares {@code before} with {@code after}.
   *
   * @param cap how many rows of each kind (added, removed, changed) to list per table
   * @throws ToolException if the two are different datasets or different storage formats
   */
  public DiffReport diff(DataSetInput before, DataSetInput after, int cap) throws ToolException {
    if (!before.name().equals(after.name())) {
      throw new ToolException(
          "cannot compare dataset '"
              + before.name()
              + "' ("
              + before.label()
              + ") with dataset '"
              + after.name()
              + "' ("
              + after.label()
              + "): expected two"
              + " versions of the same dataset");
    }
    try (Connection c = after.connect()) {
      try (PreparedStatement ps = c.prepareStatement("attach database ? as prev")) {
        ps.setString(
            1, before.file().toAbsolutePath().normalize().toUri() + "?mode=ro&immutable=1");
        ps.execute();
      }
      int oldFormat = format(c, "prev");
      int newFormat = format(c, "main");
      if (oldFormat != newFormat) {
        throw new ToolException(
            "cannot compare "
                + before.label()
                + " (storage format "
                + oldFormat
                + ") with "
                + after.label()
                + " (storage format "
                + newFormat
                + "):"
                + " rows are stored differently. Expected two versions built with the same storage"
                + " format; rebuild the older one with the current datajar");
      }
      FileSchema old = FileSchema.read(c, "prev");
      FileSchema now = FileSchema.read(c, "main");
      List<DiffReport.SchemaChange> schema = SchemaComparison.compare(old, now);
      TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      old.tables().forEach(t -> names.add(t.name()));
      now.tables().forEach(t -> names.add(t.name()));
      List<DiffReport.TableChanges> tables = new ArrayList<>();
      for (String name : names) {
        Optional<FileSchema.Table> o = old.table(name);
        Optional<FileSchema.Table> n = now.table(name);
        if (o.isPresent() && n.isPresent()) {
          tables.add(RowComparison.compare(c, o.get(), n.get(), cap));
        } else if (o.isPresent()) {
          long rows = FileSchema.count(c, "prev", name);
          tables.add(RowComparison.oneSideOnly(o.get().name(), rows, 0, o.get().primaryKey()));
        } else {
          long rows = FileSchema.count(c, "main", name);
          tables.add(RowComparison.oneSideOnly(n.get().name(), 0, rows, n.get().primaryKey()));
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("detach database prev");
      }
      return new DiffReport(after.name(), before.label(), after.label(), schema, tables, cap);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "comparing " + before + " with " + after + " failed: " + e, e);
    }
  }

  private static int format(Connection c, String schema) throws SQLException {
    String version = FileIdentity.readMetadata(c, schema).get(FileIdentity.FORMAT_VERSION_KEY);
    return version == null ? -1 : Integer.parseInt(version);
  }
}
