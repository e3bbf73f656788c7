package dev.datajar.builder.internal.source;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.Arrays;

/**
 * FastCSV callback that keeps the fields of the record being parsed in one reused array, applying
 * PostgreSQL {@code COPY … CSV} semantics: an unquoted empty field is {@code null} (SQL NULL), a
 * quoted empty field {@code ""} is the empty string.
 *
 * <p>{@link #buildRecord()} returns this handler itself, so a record costs only its field strings:
 * no record object, no list.
 */
final class CsvFields extends AbstractBaseCsvCallbackHandler<CsvFields> {
  private String[] fields = new String[16];
  private int count;

  @Override
  protected void handleBegin(long startingLineNumber) {
    count = 0;
  }

  @Override
  protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
    if (count == fields.length) {
      fields = Arrays.copyOf(fields, count * 2);
    }
    fields[count++] = length > 0 ? new String(buffer, offset, length) : quoted ? "" : null;
  }

  @Override
  protected CsvFields buildRecord() {
    return this;
  }

  /** The line where the current record starts. */
  long line() {
    return getStartingLineNumber();
  }

  int count() {
    return count;
  }

  String get(int field) {
    return fields[field];
  }

  /**
   * The line where the field after the last complete one starts: the record's line plus the line
   * breaks inside the fields before it. Used to point at an unterminated quote.
   */
  long lineOfNextField() {
    long line = getStartingLineNumber();
    for (int i = 0; i < count; i++) {
      String field = fields[i];
      for (int c = 0; field != null && c < field.length(); c++) {
        char ch = field.charAt(c);
        if (ch == '\n'
            || (ch == '\r' && (c + 1 == field.length() || field.charAt(c + 1) != '\n'))) {
          line++;
        }
      }
    }
    return line;
  }
}
