package dev.datajar.tools.internal;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes CSV as the builder reads it (RFC 4180 with PostgreSQL's NULL convention): a {@code null}
 * is an unquoted empty field, the empty string is {@code ""}, and a field is quoted when it holds a
 * comma, a quote, a line break, or nothing. Lines end with LF.
 */
final class CsvOut {
  private final Writer out;

  CsvOut(Writer out) {
    this.out = out;
  }

  void row(String[] fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      String f = fields[i];
      if (f == null) {
        continue;
      }
      if (f.isEmpty() || needsQuotes(f)) {
        out.write('"');
        out.write(f.replace("\"", "\"\""));
        out.write('"');
      } else {
        out.write(f);
      }
    }
    out.write('\n');
  }

  private static boolean needsQuotes(String f) {
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    // A leading byte order mark would be taken for the file's encoding mark on line 1.
    return f.charAt(0) == '\uFEFF';
  }
}
