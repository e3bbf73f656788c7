package dev.datajar.datasets.oui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the snapshot CSV files directly, without the builder or its CSV parser, so that tests
 * compare the dataset with an independent reading of its source.
 */
final class SourceFiles {
  static final Path DIR = Path.of("src/main/datasets/ieee-oui");

  private SourceFiles() {}

  /**
   * The data records of {@code file} (header dropped), each a list of fields: RFC 4180 quoting,
   * CRLF or LF record ends, and an unquoted empty field read as {@code null}, as the builder's
   * convention has it.
   */
  static List<List<String>> records(String file) throws IOException {
    String text = Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',' || c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.length() == 0 && !wasQuoted ? null : field.toString());
        field.setLength(0);
        wasQuoted = false;
        if (c != ',') {
          records.add(record);
          record = new ArrayList<>();
        }
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || wasQuoted || !record.isEmpty()) {
      record.add(field.length() == 0 && !wasQuoted ? null : field.toString());
      records.add(record);
    }
    return records.subList(1, records.size());
  }
}
