package dev.datajar.builder.internal.source;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A cursor over the rows of one source (a CSV, JSON or JSON Lines file, or a code source), giving
 * each field's raw text together with where it was written.
 *
 * <p>Fields are addressed by their index in {@link #header()}, so a loader maps header names to
 * table columns once per file, not once per row. For CSV the header is the first record and never
 * changes. JSON and code-source rows carry their own keys: there the header lists the keys in order
 * of first appearance and grows when a row brings a new key; a key never moves, so a loader only
 * maps the new tail ({@code header().size()} greater than before).
 *
 * <p>Problems in the data are added to the {@link Problems} given when the source was opened, never
 * thrown: a row with a problem that spoils only that row (wrong field count, duplicate key, not an
 * object) is reported and skipped; a problem that makes the rest unreadable (malformed JSON,
 * unterminated quote, invalid UTF-8, bad header) is reported and ends the rows. {@link IOException}
 * is left for real I/O failures.
 *
 * <p>The field accessors read the current row; the cursor reuses its storage, so copy what must
 * outlive {@link #next()}. Not thread-safe. Usage:
 *
 * <pre>{@code
 * Problems problems = Problems.forFile("geo", file);
 * try (RowCursor rows = SourceFiles.open(file, null, null, problems)) {
 *   int[] target = new int[0];                 // field index -> table column
 *   while (rows.next()) {
 *     if (rows.header().size() > target.length) target = mapNewNames(rows.header(), target);
 *     for (int f = 0; f < target.length; f++) {
 *       if (!rows.has(f)) continue;            // absent key: the column's default
 *       Object raw = rows.value(f);            // String, null, or a typed code-source value
 *       ... on a bad value: problems.add(rows.where(f), "column 'x': 'n/a' is not an integer");
 *     }
 *   }
 * }
 * problems.throwIfAny();
 * }</pre>
 */
public interface RowCursor extends Closeable {
  /** The source as named in messages: a display path, or a code source's class name. */
  String source();

  /** Field names in field-index order: the CSV header as written, or the keys seen so far. */
  List<String> header();

  /**
   * Moves to the next good row.
   *
   * @return false at the end, or after a problem that ends the rows (see {@link Problems})
   */
  boolean next() throws IOException;

  /** The line where the current row starts (for a code source: its 1-based row number). */
  long line();

  /** Whether the current row has this field: always for CSV, the key is present for JSON. */
  boolean has(int field);

  /** The raw text of the field; {@code null} for SQL NULL and for kinds without text. */
  String text(int field);

  /** The field's value: its {@link #text} or, for {@link ValueKind#JAVA}, the Java object. */
  Object value(int field);

  /** What the field holds. */
  ValueKind kind(int field);

  /** The line where the field's value starts. */
  long line(int field);

  /** The 1-based column: the field number for CSV, the value's character column for JSON. */
  int column(int field);

  /** The field's JSON path such as {@code $[3].elevation}; {@code null} for other sources. */
  String jsonPath(int field);

  /** The current row's location: {@code path:line}, or {@code com.example.Rows row 5}. */
  String where();

  /** The field's location: {@code path:line:column}, or {@code com.example.Rows row 5}. */
  String where(int field);

  /** Stops reading and releases the file or stream; safe to call twice. */
  @Override
  void close() throws IOException;
}
