package dev.datajar.builder.internal.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowsTest {
  @TempDir Path dir;

  @Test
  void next_givesNullForUnquotedEmptyAndEmptyStringForQuotedEmpty() throws IOException {
    Path file = write("a,b,c\n,\"\",x\n");
    Problems problems = Problems.forFile("t", file);
    try (RowCursor rows = CsvRows.open(file, problems)) {
      assertTrue(rows.next());
      assertNull(rows.text(0));
      assertEquals(ValueKind.NULL, rows.kind(0));
      assertEquals("", rows.text(1));
      assertEquals(ValueKind.STRING, rows.kind(1));
      assertEquals("x", rows.value(2));
      assertFalse(rows.next());
    }
    assertTrue(problems.isEmpty());
  }

  @Test
  void open_readsHeaderAsWrittenAndSkipsByteOrderMark() throws IOException {
    Path file = dir.resolve("bom.csv");
    Files.write(
        file,
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            "id, Name ,\"x,y\"\n1,2,3\n".getBytes(StandardCharsets.UTF_8)));
    List<String> lines = readAll(file);
    assertEquals("[id,  Name , x,y] | 2:[1, 2, 3]", String.join(" | ", lines));
  }

  @Test
  void next_handlesCrlfQuotedLineBreaksCommasAndQuotes() throws IOException {
    Path file = write("id,text\r\n1,\"a,b\"\r\n2,\"line one\r\nline \"\"two\"\"\"\r\n3,last\r\n");
    assertEquals(
        List.of("[id, text]", "2:[1, a,b]", "3:[2, line one\r\nline \"two\"]", "5:[3, last]"),
        readAll(file));
  }

  @Test
  void next_keepsLineNumbersAcrossBlankLinesAndNoFinalNewline() throws IOException {
    Path file = write("id\n\n1\n\n\n2");
    assertEquals(List.of("[id]", "3:[1]", "6:[2]"), readAll(file));
  }

  @Test
  void next_decodesFourByteUtf8() throws IOException {
    Path file = write("code,emoji\nok,\uD83D\uDE00 caf\u00E9 \u65E5\u672C\n");
    assertEquals(
        List.of("[code, emoji]", "2:[ok, \uD83D\uDE00 caf\u00E9 \u65E5\u672C]"), readAll(file));
  }

  @Test
  void where_namesPathLineAndFieldNumber() throws IOException {
    Path file = write("a,b\n\"x\ny\",2\n3,4\n");
    try (RowCursor rows = CsvRows.open(file, Problems.forFile("t", file))) {
      rows.next();
      rows.next();
      assertEquals(DisplayPath.of(file) + ":4:2", rows.where(1));
      assertEquals(DisplayPath.of(file) + ":4", rows.where());
      assertEquals(2, rows.column(1));
      assertNull(rows.jsonPath(1));
    }
  }

  @Test
  void next_skipsRowsWithWrongFieldCountAndGoesOn() throws IOException {
    Path file = write("a,b\n1\n2,3\n4,5,6\n7,8\n");
    Problems problems = Problems.forFile("t", file);
    List<String> seen = new ArrayList<>();
    try (RowCursor rows = CsvRows.open(file, problems)) {
      while (rows.next()) {
        seen.add(rows.line() + ":" + rows.text(0));
      }
    }
    assertEquals(List.of("3:2", "5:7"), seen);
    assertEquals(2, problems.count());
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("source.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** The header, then each row as line:[fields]. */
  private static List<String> readAll(Path file) throws IOException {
    Problems problems = Problems.forFile("t", file);
    List<String> out = new ArrayList<>();
    try (RowCursor rows = CsvRows.open(file, problems)) {
      out.add(rows.header().toString());
      while (rows.next()) {
        String[] fields = new String[rows.header().size()];
        for (int i = 0; i < fields.length; i++) {
          fields[i] = rows.text(i);
        }
        out.add(rows.line() + ":" + Arrays.toString(fields));
      }
    }
    assertTrue(problems.isEmpty(), problems::message);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
