package dev.datajar.tools;

import dev.datajar.runtime.format.FileSchema;
import dev.datajar.runtime.format.SchemaModel;
import dev.datajar.runtime.format.TableModel;
import dev.datajar.tools.internal.EntitySchema;
import dev.datajar.tools.internal.TableDump;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the tables of a built dataset back out as source files the builder reads, so that building
 * from the dump with the same entity classes gives a byte-identical file.
 *
 * <p>Files go to {@code <output>/src/main/datasets/<name>/<table>.csv} (or {@code .jsonl}), the
 * layout of a dataset module, one per table, tables filled by a {@code RowSource} included: {@link
 * RoundTrip} shows how to build from such a dump. Each value is written as the text the builder's
 * parser reads back to the same value; see docs/tools.md.
 *
 * <p>Streams every table (constant memory). Stateless and thread-safe.
 */
public final class Dumper {

  /**
   * Dumps {@code tables} (all if empty) of {@code input}.
   *
   * @throws ToolException if a named table does not exist or the entity classes cannot be loaded;
   *     the message says which
   */
  public DumpResult dump(DataSetInput input, Path output, Set<String> tables, DumpFormat format)
      throws ToolException {
    SchemaModel schema = EntitySchema.of(input);
    Set<String> wanted = new TreeSet<>();
    tables.forEach(t -> wanted.add(t.toLowerCase(Locale.ROOT)));
    Path dir = sourceFolder(output, input.name());
    List<DumpResult.Table> written = new ArrayList<>();
    try (Connection c = input.connect()) {
      FileSchema file = FileSchema.read(c, "main");
      for (String t : wanted) {
        if (file.table(t).isEmpty()) {
          throw new ToolException(
              "dataset '"
                  + input.name()
                  + "' has no table '"
                  + t
                  + "'. Tables: "
                  + String.join(", ", file.tables().stream().map(FileSchema.Table::name).toList()));
        }
      }
      for (TableModel model : schema.tables()) {
        if (!wanted.isEmpty() && !wanted.contains(model.name().toLowerCase(Locale.ROOT))) {
          continue;
        }
        FileSchema.Table stored =
            file.table(model.name())
                .orElseThrow(
                    () ->
                        new ToolException(
                            input.label()
                                + ": the entity classes map table '"
                                + model.name()
                                + "', which the"
                                + " dataset file does not have. Dump with the classes it was built from"));
        Path target = dir.resolve(stored.name() + "." + format.extension());
        for (DumpFormat other : DumpFormat.values()) {
          Path earlier = dir.resolve(stored.name() + "." + other.extension());
          if (other != format && Files.exists(earlier)) {
            throw new ToolException(
                earlier
                    + " is there from an earlier dump: beside "
                    + target.getFileName()
                    + " the builder would find two sources for table '"
                    + stored.name()
                    + "'. Remove it, or dump into another folder");
          }
        }
        long rows = TableDump.write(c, stored, model, format, target, input.name());
        written.add(new DumpResult.Table(stored.name(), target, rows));
      }
    } catch (IOException e) {
      throw ToolException.cannotWrite("the dump", output, e);
    } catch (SQLException e) {
      throw new IllegalStateException("dumping " + input + " failed: " + e, e);
    }
    return new DumpResult(input.name(), dir, written);
  }

  /** Where a dump of dataset {@code name} into {@code output} puts its files. */
  public static Path sourceFolder(Path output, String name) {
    return output.resolve("src").resolve("main").resolve("datasets").resolve(name);
  }
}
