package dev.datajar.tools.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.datajar.runtime.format.ColumnModel;
import dev.datajar.runtime.format.FileSchema;
import dev.datajar.runtime.format.TableModel;
import dev.datajar.tools.DumpFormat;
import dev.datajar.tools.ToolException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one table of a dataset file as a source file, streaming: one row in memory at a time.
 *
 * <p>Rows are written in the order the file keeps them (rowid, or primary key for a table without
 * rowid), which is the order the builder inserted them; a rebuild from the dump then assigns the
 * same rowids, so even a table without a primary key comes back byte for byte.
 */
public final class TableDump {
  private static final JsonFactory JSON = new JsonFactory();

  private TableDump() {}

  /** Writes {@code table} to {@code file}; returns the rows written. */
  public static long write(
      Connection c,
      FileSchema.Table stored,
      TableModel model,
      DumpFormat format,
      Path file,
      String dataSet)
      throws SQLException, IOException, ToolException {
    List<String> names = new ArrayList<>();
    List<SourceText> texts = new ArrayList<>();
    for (FileSchema.Column col : stored.columns()) {
      ColumnModel cm =
          model
              .column(col.name())
              .filter(m -> m.name().equalsIgnoreCase(col.name()))
              .orElseThrow(
                  () ->
                      new ToolException(
                          "dataset '"
                              + dataSet
                              + "': table '"
                              + stored.name()
                              + "' has column '"
                              + col.name()
                              + "', which the entity classes do"
                              + " not map. Dump with the entity classes the dataset was built from"));
      names.add(col.name());
      texts.add(new SourceText(cm.valueType()));
    }
    List<String> quoted = names.stream().map(FileSchema::quote).toList();
    String order =
        stored.withoutRowid()
            ? String.join(", ", stored.primaryKey().stream().map(FileSchema::quote).toList())
            : "rowid";
    String sql =
        "select "
            + String.join(", ", quoted)
            + " from "
            + FileSchema.quote(stored.name())
            + " order by "
            + order;
    long rows = 0;
    Files.createDirectories(file.getParent());
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql);
        Writer w =
            new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      String[] fields = new String[names.size()];
      if (format == DumpFormat.CSV) {
        CsvOut csv = new CsvOut(w);
        csv.row(names.toArray(String[]::new));
        while (rs.next()) {
          read(rs, texts, fields);
          if (fields.length == 1 && fields[0] == null) {
            throw new ToolException(
                "dataset '"
                    + dataSet
                    + "': table '"
                    + stored.name()
                    + "' has one column and a NULL in it, which CSV cannot write (the line would be"
                    + " blank, and blank lines are skipped). Dump it as JSON Lines (--format jsonl)");
          }
          csv.row(fields);
          rows++;
        }
      } else {
        try (JsonGenerator g = JSON.createGenerator(w)) {
          g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
          g.setRootValueSeparator(null);
          while (rs.next()) {
            read(rs, texts, fields);
            g.writeStartObject();
            for (int i = 0; i < fields.length; i++) {
              g.writeFieldName(names.get(i));
              String f = fields[i];
              if (f == null) {
                g.writeNull();
              } else {
                switch (texts.get(i).jsonKind(f)) {
                  case NUMBER -> g.writeNumber(f);
                  case BOOLEAN -> g.writeBoolean(Boolean.parseBoolean(f));
                  default -> g.writeString(f);
                }
              }
            }
            g.writeEndObject();
            g.flush();
            w.write('\n');
            rows++;
          }
        }
      }
    }
    return rows;
  }

  private static void read(ResultSet rs, List<SourceText> texts, String[] fields)
      throws SQLException {
    for (int i = 0; i < fields.length; i++) {
      fields[i] = texts.get(i).read(rs, i + 1);
    }
  }
}
