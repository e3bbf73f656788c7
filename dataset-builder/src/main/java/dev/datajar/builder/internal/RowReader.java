package dev.datajar.builder.internal;

import dev.datajar.builder.internal.source.Problems;
import dev.datajar.builder.internal.source.RowCursor;
import dev.datajar.runtime.format.ColumnModel;
import dev.datajar.runtime.format.TableModel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the fields of a source to the columns of its table and reads each row into an array of
 * column values.
 *
 * <p>A header name (a CSV header field, a JSON key) names a column by its name, ignoring case, or
 * by its entity attribute. The mapping is made once per name, not per row: JSON sources add names
 * as rows bring new keys, and only the new tail is mapped. A column no field names takes its
 * default from the table settings, else its {@code @ColumnDefault}, else NULL; a NOT NULL column
 * without any of them is a problem. Not thread-safe; one per source being read.
 */
final class RowReader {
  private final TableModel table;
  private final ColumnModel[] columns;
  private final Problems problems;
  private final int[] fieldOf;
  private final Object[] defaults;
  private final boolean[] hasDefault;
  private final boolean[] key;
  private int mapped;

  RowReader(TableSource source, Problems problems) {
    this.table = source.table();
    this.columns = table.columns().toArray(new ColumnModel[0]);
    this.problems = problems;
    this.fieldOf = new int[columns.length];
    Arrays.fill(fieldOf, -1);
    this.defaults = new Object[columns.length];
    this.hasDefault = new boolean[columns.length];
    this.key = new boolean[columns.length];
    for (int c = 0; c < columns.length; c++) {
      String name = columns[c].name();
      key[c] = table.primaryKey().stream().anyMatch(name::equalsIgnoreCase);
    }
    readDefaults(source.defaults());
  }

  private void readDefaults(Map<String, String> settings) {
    readSettingsDefaults(settings);
    for (int c = 0; c < columns.length; c++) {
      ColumnModel column = columns[c];
      if (hasDefault[c] || column.defaultText().isEmpty()) {
        continue;
      }
      try {
        defaults[c] = column.parse(column.defaultText().get());
        hasDefault[c] = true;
      } catch (IllegalArgumentException x) {
        problems.add(
            "@ColumnDefault of "
                + column.owner()
                + ": "
                + x.getMessage()
                + ". Fix the annotation, or set a default in the table settings.");
      }
    }
  }

  private void readSettingsDefaults(Map<String, String> settings) {
    settings.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              Optional<ColumnModel> column = table.column(e.getKey());
              String where =
                  "table setting for '" + table.name() + "': default for '" + e.getKey() + "'";
              if (column.isEmpty()) {
                problems.add(
                    where
                        + ": table '"
                        + table.name()
                        + "' has no column or attribute of that"
                        + " name. Columns: "
                        + columnNames()
                        + ".");
                return;
              }
              int c = table.columns().indexOf(column.get());
              try {
                defaults[c] = e.getValue() == null ? null : column.get().parse(e.getValue());
                hasDefault[c] = true;
              } catch (IllegalArgumentException x) {
                problems.add(
                    where
                        + ": "
                        + x.getMessage()
                        + " ("
                        + column.get().owner()
                        + ")."
                        + " Fix the default.");
              }
            });
  }

  /** Forgets the header mapping before the next part of a table: each part has its own. */
  void newPart() {
    Arrays.fill(fieldOf, -1);
    mapped = 0;
  }

  List<ColumnModel> columns() {
    return table.columns();
  }

  /** The source field of column {@code c}, or -1 if no field names it (yet). */
  int fieldOf(int c) {
    return fieldOf[c];
  }

  /**
   * Maps header names not seen before. For a source with a fixed header (CSV), also reports
   * required columns it lacks.
   *
   * @return false if the source cannot be loaded (a required column is missing from a header)
   */
  boolean mapHeader(RowCursor rows, boolean fixedHeader) {
    List<String> header = rows.header();
    for (int f = mapped; f < header.size(); f++) {
      String name = header.get(f);
      Optional<ColumnModel> column = table.column(name);
      String where =
          fixedHeader ? rows.source() + ":" + rows.line() + ":" + (f + 1) : rows.where(f);
      if (column.isEmpty()) {
        problems.add(
            where
                + ": unknown column '"
                + name
                + "': table '"
                + table.name()
                + "' has no column or attribute of that name. Columns: "
                + columnNames()
                + ". Rename it, or remove it from the source.");
        continue;
      }
      int c = table.columns().indexOf(column.get());
      if (fieldOf[c] >= 0) {
        problems.add(
            where
                + ": '"
                + name
                + "' and '"
                + header.get(fieldOf[c])
                + "' both name"
                + " column '"
                + column.get().name()
                + "' ("
                + column.get().owner()
                + "). Keep one.");
        continue;
      }
      fieldOf[c] = f;
    }
    mapped = header.size();
    if (!fixedHeader) {
      return true;
    }
    boolean ok = true;
    for (int c = 0; c < columns.length; c++) {
      if (fieldOf[c] < 0 && !hasDefault[c] && !columns[c].nullable()) {
        problems.add(
            rows.source()
                + ":"
                + rows.line()
                + ": missing required column '"
                + columns[c].name()
                + "' ("
                + columns[c].owner()
                + "): the header does not name"
                + " it and it has no default. "
                + (key[c]
                    ? "Add the column, or set a default for it."
                    : "Add the column, set a default for it, or make the field nullable."));
        ok = false;
      }
    }
    return ok;
  }

  /**
   * Reads the current row into {@code values}, one per column.
   *
   * @return false if the row has a problem (reported) and must not be written
   */
  boolean read(RowCursor rows, Object[] values) {
    if (rows.header().size() > mapped) {
      mapHeader(rows, false);
    }
    boolean ok = true;
    for (int c = 0; c < columns.length; c++) {
      int f = fieldOf[c];
      Object v;
      if (f >= 0 && rows.has(f)) {
        v = FieldValues.convert(rows, f, columns[c], key[c], problems);
        if (v == FieldValues.INVALID) {
          ok = false;
        }
      } else if (hasDefault[c]) {
        v = defaults[c];
      } else if (columns[c].nullable()) {
        v = null;
      } else {
        problems.add(
            rows.where()
                + ": missing required column '"
                + columns[c].name()
                + "' ("
                + columns[c].owner()
                + "): the row has no value for it and it has no default. "
                + (key[c]
                    ? "Add it, or set a default for it."
                    : "Add it, set a default for it, or make the field nullable."));
        ok = false;
        v = null;
      }
      values[c] = v;
    }
    return ok;
  }

  private String columnNames() {
    StringBuilder sb = new StringBuilder();
    for (ColumnModel c : columns) {
      sb.append(sb.length() == 0 ? "" : ", ").append(c.name());
    }
    return sb.toString();
  }
}
