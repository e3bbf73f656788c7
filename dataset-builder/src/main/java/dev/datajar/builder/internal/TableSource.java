package dev.datajar.builder.internal;

import dev.datajar.builder.internal.source.CodeRows;
import dev.datajar.builder.internal.source.DisplayPath;
import dev.datajar.builder.internal.source.Problems;
import dev.datajar.builder.internal.source.SourceFiles;
import dev.datajar.builder.internal.source.RowCursor;
import dev.datajar.runtime.format.TableModel;
import dev.datajar.runtime.source.RowSource;
import dev.datajar.runtime.source.SourceContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the rows of one table come from: a source file (with its format and JSON pointer), a
 * code source, or nothing (a collection or join table without a file is empty).
 *
 * @param defaults column or attribute name to default text, from the table's settings
 */
record TableSource(TableModel table, Path file, String format, String jsonPointer,
    RowSource code, Map<String, String> defaults) {

  TableSource {
    defaults = Map.copyOf(defaults);
  }

  boolean isEmpty() {
    return file == null && code == null;
  }

  /** The source as messages name it. */
  String display() {
    return file != null ? DisplayPath.of(file) : code != null ? code.getClass().getName() : "";
  }

  /** A new problem list for this source. */
  Problems problems(String dataSet) {
    return new Problems(dataSet, display());
  }

  /** Opens the rows; may be called again to read them a second time. */
  RowCursor open(Problems problems, SourceContext context) throws IOException {
    if (code != null) {
      return CodeRows.open(code, context, problems);
    }
    return SourceFiles.open(file, format, jsonPointer, problems);
  }
}
