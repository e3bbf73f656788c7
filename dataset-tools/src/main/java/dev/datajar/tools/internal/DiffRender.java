package dev.datajar.tools.internal;

import dev.datajar.runtime.DataSetChanges;
import dev.datajar.runtime.DataSetChanges.Row;
import dev.datajar.runtime.DataSetChanges.TableChanges;
import dev.datajar.runtime.DataSetChanges.Value;
import dev.datajar.tools.DiffReport;
import java.util.List;
import java.util.Locale;

/** Renders a {@link DiffReport} as text and Markdown ({@link DiffJson} writes its JSON). */
public final class DiffRender {
  private DiffRender() {}

  public static String summary(DiffReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("dataset ")
        .append(r.name())
        .append(": ")
        .append(r.oldSource())
        .append(" -> ")
        .append(r.newSource())
        .append('\n');
    if (r.identical()) {
      return sb.append("  no changes\n").toString();
    }
    for (DataSetChanges.SchemaChange c : r.schemaChanges()) {
      sb.append("  schema: ").append(c.detail()).append('\n');
    }
    for (TableChanges t : r.tables()) {
      if (t.hasChanges()) {
        sb.append("  ").append(counts(t)).append('\n');
      }
    }
    return sb.toString();
  }

  private static String counts(TableChanges t) {
    String base = t.table() + ": " + n(t.rowsBefore()) + " -> " + n(t.rowsAfter()) + " rows";
    if (!t.compared()) {
      return base + "; rows not compared: the primary key changed";
    }
    return base
        + ", "
        + n(t.added())
        + " added, "
        + n(t.removed())
        + " removed, "
        + n(t.changed())
        + " changed"
        + changedColumns(t);
  }

  private static String changedColumns(TableChanges t) {
    if (t.changedColumns().isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" (");
    for (int i = 0; i < t.changedColumns().size(); i++) {
      DataSetChanges.ColumnCount c = t.changedColumns().get(i);
      sb.append(i == 0 ? "" : ", ").append(c.column()).append(": ").append(n(c.rows()));
    }
    return sb.append(')').toString();
  }

  public static String text(DiffReport r) {
    StringBuilder sb = new StringBuilder(summary(r));
    for (TableChanges t : r.tables()) {
      if (t.addedRows().isEmpty() && t.removedRows().isEmpty() && t.changedRows().isEmpty()) {
        continue;
      }
      sb.append('\n')
          .append("table ")
          .append(t.table())
          .append(" (key ")
          .append(String.join(", ", t.key()))
          .append(")\n");
      for (Row row : t.addedRows()) {
        sb.append("  + ").append(key(row)).append(spaced(values(row, false))).append('\n');
      }
      more(sb, t.added(), t.addedRows().size(), "added");
      for (Row row : t.removedRows()) {
        sb.append("  - ").append(key(row)).append(spaced(values(row, true))).append('\n');
      }
      more(sb, t.removed(), t.removedRows().size(), "removed");
      for (Row row : t.changedRows()) {
        sb.append("  ~ ").append(key(row)).append('\n');
        for (Value v : row.values()) {
          sb.append("      ")
              .append(v.column())
              .append(": ")
              .append(v.before())
              .append(" -> ")
              .append(v.after())
              .append('\n');
        }
      }
      more(sb, t.changed(), t.changedRows().size(), "changed");
    }
    return sb.toString();
  }

  private static String spaced(String values) {
    return values.isEmpty() ? "" : "  " + values;
  }

  private static void more(StringBuilder sb, long total, int shown, String what) {
    if (total > shown) {
      sb.append("  … ").append(n(total - shown)).append(" more ").append(what).append(" rows\n");
    }
  }

  public static String markdown(DiffReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("## Dataset `")
        .append(r.name())
        .append("`: ")
        .append(md(r.oldSource()))
        .append(" → ")
        .append(md(r.newSource()))
        .append("\n\n");
    if (r.identical()) {
      return sb.append("No changes.\n").toString();
    }
    if (!r.schemaChanges().isEmpty()) {
      sb.append("### Schema\n\n");
      r.schemaChanges().forEach(c -> sb.append("- ").append(md(c.detail())).append('\n'));
      sb.append('\n');
    }
    sb.append("### Rows\n\n| table | rows before | rows after | added | removed | changed |\n")
        .append("|---|---:|---:|---:|---:|---:|\n");
    for (TableChanges t : r.tables()) {
      if (!t.hasChanges()) {
        continue;
      }
      sb.append("| `")
          .append(t.table())
          .append("` | ")
          .append(n(t.rowsBefore()))
          .append(" | ")
          .append(n(t.rowsAfter()))
          .append(" | ");
      if (t.compared()) {
        sb.append(n(t.added()))
            .append(" | ")
            .append(n(t.removed()))
            .append(" | ")
            .append(n(t.changed()))
            .append(" |\n");
      } else {
        sb.append("key changed | | |\n");
      }
    }
    for (TableChanges t : r.tables()) {
      if (t.addedRows().isEmpty() && t.removedRows().isEmpty() && t.changedRows().isEmpty()) {
        continue;
      }
      sb.append("\n### `").append(t.table()).append("`\n");
      list(sb, "Added", t.added(), t.addedRows(), false);
      list(sb, "Removed", t.removed(), t.removedRows(), true);
      if (!t.changedRows().isEmpty()) {
        sb.append("\nChanged (")
            .append(n(t.changed()))
            .append(shownOf(t.changed(), t.changedRows().size()))
            .append("):\n\n| ")
            .append(md(String.join(", ", t.key())))
            .append(" | column | before | after |\n|---|---|---|---|\n");
        for (Row row : t.changedRows()) {
          boolean first = true;
          for (Value v : row.values()) {
            sb.append("| ")
                .append(first ? "`" + md(key(row)) + "`" : "")
                .append(" | ")
                .append(md(v.column()))
                .append(" | ")
                .append(md(v.before()))
                .append(" | ")
                .append(md(v.after()))
                .append(" |\n");
            first = false;
          }
        }
      }
    }
    return sb.toString();
  }

  private static void list(
      StringBuilder sb, String title, long total, List<Row> rows, boolean before) {
    if (rows.isEmpty()) {
      return;
    }
    sb.append('\n')
        .append(title)
        .append(" (")
        .append(n(total))
        .append(shownOf(total, rows.size()))
        .append("):\n\n");
    for (Row row : rows) {
      String values = values(row, before);
      sb.append("- `")
          .append(md(key(row)))
          .append('`')
          .append(values.isEmpty() ? "" : ": " + md(values))
          .append('\n');
    }
  }

  private static String shownOf(long total, int shown) {
    return total > shown ? ", first " + shown + " shown" : "";
  }

  private static String key(Row row) {
    return String.join(", ", row.key());
  }

  private static String values(Row row, boolean before) {
    StringBuilder sb = new StringBuilder();
    // NULLs left out: a wide row with a few values stays readable (JSON lists them all).
    for (Value v : row.values()) {
      String shown = before ? v.before() : v.after();
      if (!shown.equals("NULL")) {
        sb.append(sb.length() == 0 ? "" : ", ").append(v.column()).append('=').append(shown);
      }
    }
    return sb.length() == 0 && !row.values().isEmpty() ? "(all NULL)" : sb.toString();
  }

  private static String md(String s) {
    return s.replace("|", "\\|").replace("`", "'");
  }

  private static String n(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }
}
