package dev.datajar.builder.internal;

import dev.datajar.builder.internal.source.CodeRows;
import dev.datajar.builder.internal.source.CsvRows;
import dev.datajar.builder.internal.source.DisplayPath;
import dev.datajar.builder.internal.source.Problems;
import dev.datajar.builder.internal.source.RowCursor;
import dev.datajar.builder.internal.source.SourceFiles;
import dev.datajar.runtime.format.TableModel;
import dev.datajar.runtime.source.RowSource;
import dev.datajar.runtime.source.SourceContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the rows of one table come from: one or more source files read one after the other (the
 * parts, each with the same format settings) or a code source.
 *
 * <p>A row's place is one {@code long}, its <em>position</em>: the part's index in the high bits
 * and the line (or a code source's row number) in the low {@value #LINE_BITS} bits, so positions
 * keep source order across parts and cost no more per row than a line did.
 *
 * @param files the parts, in the order they are read; empty for a code source or no source
 * @param collections the tables of the collections of the table's entity (element collections,
 *     many-to-many join tables), named in hints when a source nests a collection's values
 * @param defaults column or attribute name to default text, from the table's settings
 * @param maxFieldSize the longest CSV field read, in characters
 */
record TableSource(
    TableModel table,
    List<Path> files,
    List<TableModel> collections,
    String format,
    String jsonPointer,
    RowSource code,
    Map<String, String> defaults,
    int maxFieldSize) {
  private static final int LINE_BITS = 40;

  TableSource {
    files = List.copyOf(files);
    collections = List.copyOf(collections);
    defaults = Map.copyOf(defaults);
  }

  boolean isEmpty() {
    return files.isEmpty() && code == null;
  }

  /** How many cursors {@link #open(int, Problems, SourceContext)} gives: one per part. */
  int parts() {
    return code != null ? 1 : files.size();
  }

  /** The source as messages name it: its file, its parts, or its code source's class. */
  String display() {
    if (code != null) {
      return code.getClass().getName();
    }
    if (files.size() == 1) {
      return DisplayPath.of(files.get(0));
    }
    if (files.isEmpty()) {
      return "";
    }
    Path parent = files.get(0).getParent();
    List<String> names = new ArrayList<>();
    boolean sameFolder = true;
    for (Path f : files) {
      sameFolder &= parent != null && parent.equals(f.getParent());
      names.add(DisplayPath.of(f));
    }
    if (sameFolder) {
      names.clear();
      files.forEach(f -> names.add(f.getFileName().toString()));
      return DisplayPath.of(parent)
          + " ("
          + files.size()
          + " files: "
          + String.join(", ", names)
          + ")";
    }
    return String.join(", ", names);
  }

  /** A new problem list for this source. */
  Problems problems(String dataSet) {
    return new Problems(dataSet, display());
  }

  /** Opens the rows of one part; may be called again to read them a second time. */
  RowCursor open(int part, Problems problems, SourceContext context) throws IOException {
    if (code != null) {
      return CodeRows.open(code, context, problems);
    }
    return SourceFiles.open(files.get(part), format, jsonPointer, maxFieldSize, problems);
  }

  /** Whether the rows of a part have a fixed header whose columns are checked up front. */
  static boolean fixedHeader(RowCursor rows) {
    return rows instanceof CsvRows;
  }

  /** The position of a line of a part. */
  static long position(int part, long line) {
    return ((long) part << LINE_BITS) | line;
  }

  /** Where a position is: {@code path:line} of its part, or {@code Class row n}. */
  String where(long position) {
    long line = position & ((1L << LINE_BITS) - 1);
    if (code != null) {
      return display() + " row " + line;
    }
    return DisplayPath.of(files.get((int) (position >>> LINE_BITS))) + ":" + line;
  }

  /**
   * An earlier position as said after a location in the same source: {@code line 4} in the same
   * part, {@code row 4} of a code source, or {@code path:4} in another part.
   */
  String earlier(long position, long current) {
    long line = position & ((1L << LINE_BITS) - 1);
    if (code != null) {
      return "row " + line;
    }
    return (position >>> LINE_BITS) == (current >>> LINE_BITS) ? "line " + line : where(position);
  }
}
