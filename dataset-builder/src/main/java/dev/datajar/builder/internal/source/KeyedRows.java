package dev.datajar.builder.internal.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The row storage shared by sources whose rows carry their own keys (JSON, JSON Lines, code
 * sources): each key gets a field index on first sight, and the current row's fields live in
 * parallel arrays indexed by it.
 *
 * <p>Rows reuse the arrays. Instead of clearing them per row, each slot remembers the number of the
 * row that last set it ({@code stamps}), so "is this key in the current row" is one comparison and
 * a row costs no allocation beyond its values.
 */
abstract class KeyedRows implements RowCursor {
  protected final String source;
  protected final Problems problems;
  private final List<String> names = new ArrayList<>();
  private final List<String> header = Collections.unmodifiableList(names);
  private final Map<String, Integer> indexes = new HashMap<>();
  private Object[] values = new Object[8];
  private ValueKind[] kinds = new ValueKind[8];
  private long[] lines = new long[8];
  private int[] columns = new int[8];
  private long[] stamps = new long[8];
  private long stamp;
  private long rowLine;

  KeyedRows(String source, Problems problems) {
    this.source = source;
    this.problems = problems;
  }

  /** Starts a new current row; the fields of the previous one are gone. */
  protected final void startRow(long line) {
    stamp++;
    rowLine = line;
  }

  /**
   * Sets a field of the current row.
   *
   * @return the field index, or {@code -1 - index} if the row already has this key (the first value
   *     is kept, so {@link #line(int)} and {@link #column(int)} point at it)
   */
  protected final int put(String key, Object value, ValueKind kind, long line, int column) {
    Integer known = indexes.get(key);
    int field;
    if (known == null) {
      field = names.size();
      names.add(key);
      indexes.put(key, field);
      if (field == stamps.length) {
        grow();
      }
    } else {
      field = known;
      if (stamps[field] == stamp) {
        return -1 - field;
      }
    }
    stamps[field] = stamp;
    values[field] = value;
    kinds[field] = kind;
    lines[field] = line;
    columns[field] = column;
    return field;
  }

  private void grow() {
    int size = stamps.length * 2;
    values = Arrays.copyOf(values, size);
    kinds = Arrays.copyOf(kinds, size);
    lines = Arrays.copyOf(lines, size);
    columns = Arrays.copyOf(columns, size);
    stamps = Arrays.copyOf(stamps, size);
  }

  @Override
  public final String source() {
    return source;
  }

  @Override
  public final List<String> header() {
    return header;
  }

  @Override
  public final long line() {
    return rowLine;
  }

  @Override
  public final boolean has(int field) {
    return field < names.size() && stamps[field] == stamp;
  }

  @Override
  public final String text(int field) {
    return has(field) && values[field] instanceof String text ? text : null;
  }

  @Override
  public final Object value(int field) {
    return has(field) ? values[field] : null;
  }

  @Override
  public final ValueKind kind(int field) {
    return has(field) ? kinds[field] : ValueKind.NULL;
  }

  @Override
  public final long line(int field) {
    return has(field) ? lines[field] : rowLine;
  }

  @Override
  public final int column(int field) {
    return has(field) ? columns[field] : 0;
  }

  @Override
  public String where() {
    return source + ':' + rowLine;
  }

  @Override
  public String where(int field) {
    return has(field) ? source + ':' + lines[field] + ':' + columns[field] : where();
  }
}
