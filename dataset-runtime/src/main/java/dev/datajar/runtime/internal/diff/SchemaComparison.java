package dev.datajar.runtime.internal.diff;

import dev.datajar.runtime.DataSetChanges.SchemaChange;
import dev.datajar.runtime.DataSetChanges.SchemaChange.Kind;
import dev.datajar.runtime.format.FileSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lists what differs between the schemas of two dataset files: tables, columns, keys, indexes. */
final class SchemaComparison {
  private SchemaComparison() {}

  static List<SchemaChange> compare(FileSchema before, FileSchema after) {
    List<SchemaChange> out = new ArrayList<>();
    for (FileSchema.Table t : before.tables()) {
      if (after.table(t.name()).isEmpty()) {
        out.add(new SchemaChange(Kind.TABLE_REMOVED, t.name(), "table " + t.name() + " removed"));
      }
    }
    for (FileSchema.Table t : after.tables()) {
      Optional<FileSchema.Table> old = before.table(t.name());
      if (old.isEmpty()) {
        out.add(
            new SchemaChange(
                Kind.TABLE_ADDED,
                t.name(),
                "table "
                    + t.name()
                    + " added ("
                    + String.join(", ", t.columns().stream().map(FileSchema.Column::name).toList())
                    + ")"));
        continue;
      }
      columns(old.get(), t, out);
      if (!old.get().primaryKey().equals(t.primaryKey())) {
        out.add(
            new SchemaChange(
                Kind.KEY_CHANGED,
                t.name(),
                "primary key of "
                    + t.name()
                    + " changed from ("
                    + String.join(", ", old.get().primaryKey())
                    + ") to ("
                    + String.join(", ", t.primaryKey())
                    + ")"));
      }
      indexes(old.get(), t, out);
    }
    return out;
  }

  private static void columns(FileSchema.Table old, FileSchema.Table now, List<SchemaChange> out) {
    for (FileSchema.Column c : old.columns()) {
      if (now.column(c.name()).isEmpty()) {
        out.add(
            new SchemaChange(
                Kind.COLUMN_REMOVED,
                now.name(),
                "column " + now.name() + "." + c.name() + " removed (was " + describe(c) + ")"));
      }
    }
    for (FileSchema.Column c : now.columns()) {
      Optional<FileSchema.Column> was = old.column(c.name());
      if (was.isEmpty()) {
        out.add(
            new SchemaChange(
                Kind.COLUMN_ADDED,
                now.name(),
                "column " + now.name() + "." + c.name() + " added (" + describe(c) + ")"));
      } else if (!was.get().type().equals(c.type()) || was.get().notNull() != c.notNull()) {
        out.add(
            new SchemaChange(
                Kind.COLUMN_CHANGED,
                now.name(),
                "column "
                    + now.name()
                    + "."
                    + c.name()
                    + " changed from "
                    + describe(was.get())
                    + " to "
                    + describe(c)));
      }
    }
  }

  private static void indexes(FileSchema.Table old, FileSchema.Table now, List<SchemaChange> out) {
    for (FileSchema.Index i : old.indexes()) {
      if (now.indexes().stream().noneMatch(x -> x.name().equalsIgnoreCase(i.name()))) {
        out.add(
            new SchemaChange(
                Kind.INDEX_REMOVED,
                now.name(),
                "index " + i.name() + " on " + now.name() + " removed"));
      }
    }
    for (FileSchema.Index i : now.indexes()) {
      Optional<FileSchema.Index> was =
          old.indexes().stream().filter(x -> x.name().equalsIgnoreCase(i.name())).findFirst();
      if (was.isEmpty()) {
        out.add(
            new SchemaChange(
                Kind.INDEX_ADDED,
                now.name(),
                "index " + i.name() + " on " + now.name() + " added (" + describe(i) + ")"));
      } else if (!describe(was.get()).equals(describe(i))) {
        out.add(
            new SchemaChange(
                Kind.INDEX_CHANGED,
                now.name(),
                "index "
                    + i.name()
                    + " on "
                    + now.name()
                    + " changed from "
                    + describe(was.get())
                    + " to "
                    + describe(i)));
      }
    }
  }

  private static String describe(FileSchema.Column c) {
    return c.type() + (c.notNull() ? " not null" : "");
  }

  private static String describe(FileSchema.Index i) {
    return (i.unique() ? "unique " : "") + String.join(", ", i.columns());
  }
}
