package dev.datajar.builder.internal.source;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Names the CSV column at a byte offset of a file, for a problem found below the parser (an invalid
 * UTF-8 byte): the decoder reads ahead of the parser, so the parser's state does not say which
 * field holds the byte.
 *
 * <p>Runs only on the error path and reads the file again: once to count fields up to the offset
 * (commas outside quotes; a line break outside quotes starts a record), once to read the header
 * from the bytes before the offset, which are valid UTF-8 by then.
 */
final class CsvCell {
  private CsvCell() {}

  /** The header name of the field holding byte {@code offset}, or null if unknown. */
  static String columnAt(Path file, long offset) throws IOException {
    int field = 0;
    boolean quoted = false;
    boolean header = true;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      for (long at = 0; at < offset; at++) {
        int b = in.read();
        if (b < 0) {
          return null;
        }
        if (b == '"') {
          quoted = !quoted; // "" inside a quoted field toggles twice: no change
        } else if (!quoted && b == ',') {
          field++;
        } else if (!quoted && (b == '\n' || b == '\r')) {
          field = 0;
          header = false;
        }
      }
    }
    if (header) {
      return null; // the byte is in the header itself
    }
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder()
            .ofCsvRecord(new Utf8Reader(new Prefix(Files.newInputStream(file), offset)))) {
      for (CsvRecord first : reader) {
        return field < first.getFieldCount() ? first.getField(field) : null;
      }
    } catch (RuntimeException e) {
      // a header FastCSV cannot read was reported already; the message then names no column
    }
    return null;
  }

  /** The first {@code limit} bytes of a stream. */
  private static final class Prefix extends FilterInputStream {
    private long left;

    Prefix(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      left -= b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(buffer, offset, (int) Math.min(length, left));
      left -= n < 0 ? 0 : n;
      return n;
    }
  }
}
