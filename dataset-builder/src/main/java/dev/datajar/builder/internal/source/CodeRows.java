package dev.datajar.builder.internal.source;

import dev.datajar.runtime.source.RowSource;
import dev.datajar.runtime.source.SourceContext;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rows of a code source ({@link RowSource}) presented like a file's: each map key becomes a field,
 * a {@code String} value is raw text (parsed as a CSV field would be), any other non-null value is
 * passed through unchanged as {@link ValueKind#JAVA} (see {@link #value(int)}).
 *
 * <p>Locations read {@code com.example.AirportRows row 5} (rows counted from 1). If the user code
 * throws, that is reported as a problem with the exception as its cause, and the rows end.
 */
public final class CodeRows extends KeyedRows {
  private final RowSource rowSource;
  private final SourceContext context;
  private Stream<Map<String, ?>> stream;
  private Iterator<Map<String, ?>> rows;
  private long row;
  private boolean ended;

  private CodeRows(RowSource rowSource, SourceContext context, Problems problems) {
    super(rowSource.getClass().getName(), problems);
    this.rowSource = rowSource;
    this.context = context;
  }

  /** Wraps a code source; its {@code rows()} is called at the first {@link #next()}. */
  public static CodeRows open(RowSource rowSource, SourceContext context, Problems problems) {
    return new CodeRows(rowSource, context, problems);
  }

  @Override
  public boolean next() {
    try {
      if (!ended && rows == null) {
        stream = rowSource.rows(context);
        if (stream == null) {
          problems.add(source + ": rows() returned null. Return Stream.empty() for no rows.");
          ended = true;
        } else {
          rows = stream.iterator();
        }
      }
      while (!ended && rows.hasNext()) {
        Map<String, ?> values = rows.next();
        row++;
        if (read(values)) {
          return true;
        }
      }
    } catch (Exception e) { // user code: report it where it happened, keep the stack trace
      problems.add(
          (row == 0 ? source + ": rows() failed: " : where() + ": the row source failed: ") + e, e);
    }
    ended = true;
    return false;
  }

  private boolean read(Map<String, ?> values) {
    startRow(row);
    if (values == null) {
      problems.add(where() + ": the row is null. Leave it out of the stream instead.");
      return false;
    }
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      Object key = entry.getKey(); // typed as String, but raw maps get here too
      if (!(key instanceof String column)) {
        problems.add(where() + ": key " + key + " is not a String. Keys name columns.");
        return false;
      }
      Object value = entry.getValue();
      ValueKind kind =
          value == null
              ? ValueKind.NULL
              : value instanceof String ? ValueKind.STRING : ValueKind.JAVA;
      put(column, value, kind, row, 0);
    }
    return true;
  }

  @Override
  public String jsonPath(int field) {
    return null;
  }

  @Override
  public String where() {
    return source + " row " + row;
  }

  @Override
  public String where(int field) {
    return where();
  }

  @Override
  public void close() throws IOException {
    ended = true;
    if (stream != null) {
      stream.close();
    }
  }
}
