package dev.datajar.builder.internal;

import dev.datajar.builder.internal.source.Problems;
import dev.datajar.builder.internal.source.RowCursor;
import dev.datajar.runtime.format.ColumnModel;
import dev.datajar.runtime.format.TableModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

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
  private final List<TableModel> collections;

  /**
   * For a primitive in an embeddable, the columns of that embeddable: NULL is only readable there
   * when all of them are NULL (the embedded object itself is then null). For any other primitive
   * whose column allows NULL, an empty array: NULL is never readable.
   */
  private final int[][] embeddable;

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
    this.collections = source.collections();
    this.embeddable = new int[columns.length][];
    for (int c = 0; c < columns.length; c++) {
      if (columns[c].primitive() && columns[c].nullable()) {
        embeddable[c] = embeddableOf(c);
      }
    }
    readDefaults(source.defaults());
  }

  /** The columns of the embeddable holding column {@code c}, by their owners' common path. */
  private int[] embeddableOf(int c) {
    String owner = columns[c].owner();
    String parent = owner.substring(0, Math.max(owner.lastIndexOf('.'), 0));
    if (parent.indexOf('.') < 0) {
      return new int[0]; // an attribute of the entity itself, e.g. Runway.metres
    }
    return IntStream.range(0, columns.length)
        .filter(i -> columns[i].owner().startsWith(parent + "."))
        .toArray();
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
        problems.add(where + ": unknown column '" + name + "': " + unknown(name));
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
                + (fixedHeader
                    ? "). Keep one."
                    : "): this object is the first to use '"
                        + name
                        + "', an earlier one used '"
                        + header.get(fieldOf[c])
                        + "'. Spell the column one way in every object of the file."));
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
                    : "Add the column, set a default for it, or "
                        + FieldValues.allowNull(columns[c])
                        + "."));
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
                    : "Add it, set a default for it, or "
                        + FieldValues.allowNull(columns[c])
                        + "."));
        ok = false;
        v = null;
      }
      values[c] = v;
    }
    for (int c = 0; c < columns.length; c++) {
      if (values[c] == null && embeddable[c] != null && !absent(embeddable[c], values)) {
        problems.add(primitiveNull(rows, c));
        ok = false;
      }
    }
    return ok;
  }

  /** Whether every column of an embeddable is NULL in the row: the embedded object is null. */
  private static boolean absent(int[] embeddable, Object[] values) {
    for (int i : embeddable) {
      if (values[i] != null) {
        return false;
      }
    }
    return embeddable.length > 0;
  }

  /**
   * NULL for a primitive: the build would pass, and the first read of the row fail (Hibernate
   * cannot set NULL into an {@code int}), so it is refused here, where the field is.
   */
  private String primitiveNull(RowCursor rows, int c) {
    ColumnModel column = columns[c];
    int f = fieldOf[c];
    String where = f >= 0 && rows.has(f) ? FieldValues.at(rows, f) : rows.where() + ": ";
    String owner = column.owner();
    String type = FieldValues.primitiveName(column);
    String text =
        where
            + "column '"
            + column.name()
            + "': NULL for "
            + owner
            + ", a "
            + type
            + ", which cannot hold NULL";
    if (embeddable[c].length == 0) {
      return text + ". Give a value, or " + FieldValues.allowNull(column) + ".";
    }
    String parent = owner.substring(0, owner.lastIndexOf('.'));
    String attribute = parent.substring(parent.lastIndexOf('.') + 1);
    return text
        + ", while other columns of "
        + parent
        + " have values. Give a value, leave every column of "
        + parent
        + " NULL for a null "
        + attribute
        + ", or "
        + FieldValues.allowNull(column)
        + ".";
  }

  /**
   * Why a header name is unknown, with the fix: a nested value for an embeddable goes in its own
   * columns of this table, a collection's elements in the collection's own table file.
   */
  private String unknown(String name) {
    String entityName = table.entity();
    List<String> embedded = new ArrayList<>();
    for (ColumnModel c : columns) {
      if (c.attribute() != null
          && c.attribute().regionMatches(true, 0, name + ".", 0, name.length() + 1)) {
        embedded.add(c.name() + " (" + c.attribute() + ")");
      }
    }
    if (!embedded.isEmpty()) {
      return entityName
          + "."
          + name
          + " is an embeddable, stored flat in columns of table '"
          + table.name()
          + "': "
          + String.join(", ", embedded)
          + ". Give each a field of its own, named by its column or its attribute path, instead of"
          + " one '"
          + name
          + "' value.";
    }
    for (TableModel t : collections) {
      if (t.collection().equalsIgnoreCase(entityName + "." + name)) {
        List<String> header = new ArrayList<>();
        t.columns().forEach(c -> header.add(c.name()));
        return t.collection()
            + " is a collection, loaded from a table of its own, '"
            + t.name()
            + "': put its elements in "
            + t.name()
            + ".csv, .json or .jsonl beside this source, one row per element with the columns "
            + String.join(", ", header)
            + ", and remove '"
            + name
            + "' from this source.";
      }
    }
    String stripped = name.strip();
    if (!stripped.equals(name) && table.column(stripped).isPresent()) {
      return "'"
          + stripped
          + "' is a column, but the source spells it with a space around it, and names are"
          + " taken as written. Remove the space (after the comma in a CSV header, say).";
    }
    for (String separator : List.of(";", "\t", "|")) {
      if (name.contains(separator)
          && Arrays.stream(name.split(Pattern.quote(separator)))
              .anyMatch(part -> table.column(part.strip()).isPresent())) {
        return "it looks like several column names separated by '"
            + (separator.equals("\t") ? "\\t" : separator)
            + "', but CSV fields are separated by commas only. Save the file with commas"
            + " between fields (and quote values that contain a comma).";
      }
    }
    return "table '"
        + table.name()
        + "' has no column or attribute of that name. Columns: "
        + columnNames()
        + ". Rename it, or remove it from the source.";
  }

  private String columnNames() {
    StringBuilder sb = new StringBuilder();
    for (ColumnModel c : columns) {
      sb.append(sb.length() == 0 ? "" : ", ").append(c.name());
    }
    return sb.toString();
  }
}
