package dev.datajar.builder.internal.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A byte sequence that is not UTF-8, thrown by {@link Utf8Reader}; carries the offset of the first
 * bad byte in the file and that byte.
 */
final class InvalidUtf8Exception extends CharacterCodingException {
  private static final long serialVersionUID = 1L;
  private final long offset;
  private final int badByte;

  InvalidUtf8Exception(long offset, byte badByte) {
    this.offset = offset;
    this.badByte = badByte & 0xFF;
  }

  @Override
  public String getMessage() {
    return "invalid UTF-8 at byte offset " + offset;
  }

  /**
   * The problem as users see it, located at {@code file:line:column}: the file is read again up to
   * the bad byte to count lines (LF, CRLF or CR) and the characters before it.
   */
  String problem(Path file) throws IOException {
    return problem(file, null);
  }

  /** Finds the name of the column at a byte offset of a file, or null; see {@link CsvCell}. */
  interface ColumnFinder {
    String columnAt(Path file, long offset) throws IOException;
  }

  /**
   * As {@link #problem(Path)}, naming the column that holds the bad byte when {@code columns} can
   * tell. A file that starts with a UTF-16 byte order mark is said to be UTF-16.
   */
  String problem(Path file, ColumnFinder columns) throws IOException {
    if (offset == 0 && (badByte == 0xFF || badByte == 0xFE) && isUtf16(file)) {
      return DisplayPath.of(file)
          + ":1: the file is UTF-16 (it starts with the byte order mark"
          + " 0x"
          + (badByte == 0xFF ? "FF 0xFE" : "FE 0xFF")
          + "); source files are read as"
          + " UTF-8. Save the file as UTF-8.";
    }
    long line = 1;
    long column = 1;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      int previous = -1;
      for (long at = 0; at < offset; at++) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        if (b == '\n' && previous == '\r') {
          // second half of CRLF: the line was already counted at the CR
        } else if (b == '\n' || b == '\r') {
          line++;
          column = 1;
        } else if ((b & 0xC0) != 0x80 && !(at < 3 && isByteOrderMark(at, b))) {
          column++; // count characters, not bytes: skip continuation bytes
        }
        previous = b;
      }
    }
    String name = columns == null ? null : columns.columnAt(file, offset);
    return DisplayPath.of(file)
        + ':'
        + line
        + ':'
        + column
        + (name == null ? "" : ": column '" + name + "'")
        + ": invalid UTF-8 sequence starting with byte 0x"
        + Integer.toHexString(badByte).toUpperCase(Locale.ROOT)
        + " (file offset "
        + offset
        + "). Save the file as UTF-8.";
  }

  private static boolean isUtf16(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] start = in.readNBytes(2);
      return start.length == 2
          && (((start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE)
              || ((start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF));
    }
  }

  private static boolean isByteOrderMark(long at, int b) {
    return at == 0 && b == 0xEF;
  }
}
