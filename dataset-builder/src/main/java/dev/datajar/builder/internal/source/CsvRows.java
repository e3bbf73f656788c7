package dev.datajar.builder.internal.source;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of a CSV file (RFC 4180, PostgreSQL {@code COPY … CSV} NULLs), parsed by FastCSV.
 *
 * <p>The first record is the header. UTF-8 with or without a byte order mark; CRLF or LF; blank
 * lines are skipped; quoted fields may hold commas, quotes ({@code ""}) and line breaks. A row's
 * line is the line where its record starts, a field's column its 1-based field number. A row with
 * more or fewer fields than the header is reported and skipped.
 */
public final class CsvRows implements RowCursor {
  /**
   * The longest field read by default, in characters: FastCSV's own default buffer limit (16 Mi
   * characters), which must hold one whole field.
   */
  public static final int DEFAULT_MAX_FIELD_SIZE = 16 * 1024 * 1024;

  private final Path file;
  private final int maxFieldSize;
  private final String source;
  private final Problems problems;
  private final CsvFields fields = new CsvFields();
  private final CsvReader<CsvFields> reader;
  private final CloseableIterator<CsvFields> records;
  private List<String> header = List.of();
  private long line;
  private boolean ended;

  private CsvRows(Path file, int maxFieldSize, Problems problems) throws IOException {
    this.file = file;
    this.source = DisplayPath.of(file);
    this.problems = problems;
    this.maxFieldSize = maxFieldSize;
    this.reader =
        CsvReader.builder()
            .allowUnclosedQuote(false) // 4.4.0 defaults to true, which would hide a broken file
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE) // we report counts ourselves,
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE) // with the line, and go on
            .maxBufferSize(maxFieldSize)
            .build(fields, new Utf8Reader(Files.newInputStream(file)));
    this.records = reader.iterator();
  }

  /** Opens a CSV file and reads its header; header problems end the rows at once. */
  public static CsvRows open(Path file, Problems problems) throws IOException {
    return open(file, DEFAULT_MAX_FIELD_SIZE, problems);
  }

  /**
   * Opens a CSV file whose fields may be up to {@code maxFieldSize} characters long, and reads its
   * header; header problems end the rows at once.
   */
  public static CsvRows open(Path file, int maxFieldSize, Problems problems) throws IOException {
    CsvRows rows = new CsvRows(file, maxFieldSize, problems);
    rows.readHeader();
    return rows;
  }

  private void readHeader() throws IOException {
    if (!advance()) {
      if (problems.isEmpty()) {
        problems.add(source + ": the file is empty; expected a header line naming the columns.");
      }
      return;
    }
    List<String> names = new ArrayList<>(fields.count());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < fields.count(); i++) {
      String name = fields.get(i);
      if (name == null || name.isEmpty()) {
        problems.add(
            where(i)
                + ": header field "
                + (i + 1)
                + " is empty. Name every column in the first line.");
        ended = true;
      } else if (seen.putIfAbsent(name, i) != null) {
        problems.add(
            where(i)
                + ": duplicate column '"
                + name
                + "' in the header (fields "
                + (seen.get(name) + 1)
                + " and "
                + (i + 1)
                + "). Each column may appear once.");
        ended = true;
      }
      names.add(name);
    }
    header = Collections.unmodifiableList(names);
  }

  @Override
  public boolean next() throws IOException {
    while (advance()) {
      if (fields.count() == header.size()) {
        return true;
      }
      problems.add(
          where()
              + ": expected "
              + header.size()
              + " fields as in the header, found "
              + fields.count()
              + ". "
              + (fields.count() > header.size()
                  ? "Quote values that contain a comma."
                  : "Add the missing fields (an empty field is NULL)."));
    }
    return false;
  }

  /** Moves to the next record, whatever its field count; false at the end or on a problem. */
  private boolean advance() throws IOException {
    if (ended) {
      return false;
    }
    try {
      if (records.hasNext()) {
        records.next();
        line = fields.line();
        return true;
      }
    } catch (CsvParseException e) {
      problems.add(parseProblem(e));
    } catch (UncheckedIOException e) {
      if (!(e.getCause() instanceof InvalidUtf8Exception)) {
        throw e.getCause();
      }
      problems.add(((InvalidUtf8Exception) e.getCause()).problem(file, CsvCell::columnAt));
    }
    ended = true;
    return false;
  }

  private String parseProblem(CsvParseException e) throws IOException {
    if (e.getCause() instanceof InvalidUtf8Exception invalid) {
      return invalid.problem(file, CsvCell::columnAt);
    }
    if (e.getCause() instanceof IOException io) {
      throw io;
    }
    int field = fields.count();
    String at =
        source
            + ':'
            + fields.lineOfNextField()
            + ':'
            + (field + 1)
            + (field < header.size() ? ": column '" + header.get(field) + "'" : "");
    String reason =
        String.valueOf(e.getMessage()).replaceFirst(" \\(record starting at line \\d+\\)$", "");
    if (reason.startsWith("Unclosed quoted field")) {
      return at
          + ": unterminated quoted field: the quote that opens field "
          + (field + 1)
          + " is never closed. Close it, and write a quote inside a quoted field as \"\".";
    }
    if (reason.startsWith("The maximum buffer size")) {
      // FastCSV holds a whole field in its buffer; a longer one is a size limit, not bad CSV
      // (the library's own text guesses at an unclosed quote, which would mislead here).
      return at
          + ": field "
          + (field + 1)
          + " is longer than "
          + maxFieldSize
          + " characters,"
          + " the limit for a CSV field (<maxFieldSize> of the table's settings, "
          + DEFAULT_MAX_FIELD_SIZE
          + " by default). If the value is meant to be that long,"
          + " raise <maxFieldSize>; if not, look for a quote that is opened and never closed.";
    }
    if (reason.startsWith("Unexpected character after closing quote")) {
      return at
          + ": malformed CSV: "
          + reason.replace("Unexpected", "unexpected")
          + ". Quote the whole field, and write a quote inside it as \"\".";
    }
    return at + ": malformed CSV: " + reason;
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public boolean has(int field) {
    return field < header.size();
  }

  @Override
  public String text(int field) {
    return fields.get(field);
  }

  @Override
  public Object value(int field) {
    return fields.get(field);
  }

  @Override
  public ValueKind kind(int field) {
    return fields.get(field) == null ? ValueKind.NULL : ValueKind.STRING;
  }

  @Override
  public long line(int field) {
    return line;
  }

  @Override
  public int column(int field) {
    return field + 1;
  }

  @Override
  public String jsonPath(int field) {
    return null;
  }

  @Override
  public String where() {
    return source + ':' + line;
  }

  @Override
  public String where(int field) {
    return source + ':' + line + ':' + (field + 1);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
