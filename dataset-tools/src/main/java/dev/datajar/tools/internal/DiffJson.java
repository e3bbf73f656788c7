package dev.datajar.tools.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.datajar.runtime.DataSetChanges;
import dev.datajar.runtime.DataSetChanges.Row;
import dev.datajar.runtime.DataSetChanges.TableChanges;
import dev.datajar.runtime.DataSetChanges.Value;
import dev.datajar.tools.DiffReport;
import java.io.IOException;
import java.util.List;

/**
 * Writes a {@link DiffReport} as JSON: every count and every listed row, NULLs included (the text
 * and Markdown forms of {@link DiffRender} leave them out).
 */
public final class DiffJson {
  private DiffJson() {}

  public static String write(DiffReport r) {
    return Json.write(
        g -> {
          g.writeStartObject();
          g.writeStringField("name", r.name());
          g.writeStringField("before", r.oldSource());
          g.writeStringField("after", r.newSource());
          g.writeBooleanField("identical", r.identical());
          g.writeNumberField("added", r.added());
          g.writeNumberField("removed", r.removed());
          g.writeNumberField("changed", r.changed());
          g.writeNumberField("cap", r.cap());
          g.writeArrayFieldStart("schemaChanges");
          for (DataSetChanges.SchemaChange c : r.schemaChanges()) {
            g.writeStartObject();
            g.writeStringField("kind", c.kind().name());
            g.writeStringField("table", c.table());
            g.writeStringField("detail", c.detail());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("tables");
          for (TableChanges t : r.tables()) {
            g.writeStartObject();
            g.writeStringField("table", t.table());
            g.writeNumberField("rowsBefore", t.rowsBefore());
            g.writeNumberField("rowsAfter", t.rowsAfter());
            Json.strings(g, "key", t.key());
            g.writeBooleanField("compared", t.compared());
            g.writeNumberField("added", t.added());
            g.writeNumberField("removed", t.removed());
            g.writeNumberField("changed", t.changed());
            g.writeObjectFieldStart("changedColumns");
            for (DataSetChanges.ColumnCount c : t.changedColumns()) {
              g.writeNumberField(c.column(), c.rows());
            }
            g.writeEndObject();
            rows(g, "addedRows", t.addedRows());
            rows(g, "removedRows", t.removedRows());
            rows(g, "changedRows", t.changedRows());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private static void rows(JsonGenerator g, String field, List<Row> rows) throws IOException {
    g.writeArrayFieldStart(field);
    for (Row row : rows) {
      g.writeStartObject();
      Json.strings(g, "key", row.key());
      g.writeArrayFieldStart("values");
      for (Value v : row.values()) {
        g.writeStartObject();
        g.writeStringField("column", v.column());
        if (v.before() != null) {
          g.writeStringField("before", v.before());
        }
        if (v.after() != null) {
          g.writeStringField("after", v.after());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
