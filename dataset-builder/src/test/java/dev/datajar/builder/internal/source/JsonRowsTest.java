package dev.datajar.builder.internal.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRowsTest {
  @TempDir Path dir;

  @Test
  void next_keepsExactNumberTextAndKinds() throws IOException {
    Path file =
        write(
            "[{\"big\": 123456789012345.6789, \"huge\": 1e400, \"int\": -0,"
                + " \"ok\": true, \"name\": \"caf\u00E9 \uD83D\uDE00\", \"none\": null,"
                + " \"obj\": {\"x\": [1]}, \"list\": [1, 2]}]");
    Problems problems = Problems.forFile("t", file);
    try (RowCursor rows = JsonRows.open(file, null, problems)) {
      assertTrue(rows.next());
      assertEquals(
          List.of("big", "huge", "int", "ok", "name", "none", "obj", "list"), rows.header());
      assertEquals("123456789012345.6789", rows.text(0));
      assertEquals("1e400", rows.text(1));
      assertEquals("-0", rows.text(2));
      assertEquals(ValueKind.NUMBER, rows.kind(1));
      assertEquals("true", rows.text(3));
      assertEquals(ValueKind.BOOLEAN, rows.kind(3));
      assertEquals("caf\u00E9 \uD83D\uDE00", rows.text(4));
      assertTrue(rows.has(5));
      assertNull(rows.text(5));
      assertEquals(ValueKind.NULL, rows.kind(5));
      assertEquals(ValueKind.OBJECT, rows.kind(6));
      assertNull(rows.text(6));
      assertEquals(ValueKind.ARRAY, rows.kind(7));
      assertFalse(rows.next());
    }
    assertTrue(problems.isEmpty(), problems::message);
  }

  @Test
  void next_findsArrayAtPointerAndNamesLineColumnAndPath() throws IOException {
    Path file =
        write(
            "{\n  \"meta\": {\"skip\": [1, {\"a\": 2}]},\n  \"3166-1\": [\n"
                + "    {\"alpha_2\": \"AW\", \"name\": \"Aruba\"},\n"
                + "    {\"name\": \"Afghanistan\",\n     \"alpha_2\": \"AF\", \"extra\": 1}\n  ],\n"
                + "  \"after\": [1]\n}\n");
    Problems problems = Problems.forFile("t", file);
    try (RowCursor rows = JsonRows.open(file, "/3166-1", problems)) {
      assertTrue(rows.next());
      assertEquals(4, rows.line());
      assertEquals(List.of("alpha_2", "name"), rows.header());
      assertEquals(DisplayPath.of(file) + ":4:17", rows.where(0));
      assertEquals("$['3166-1'][0].alpha_2", rows.jsonPath(0));
      assertTrue(rows.next());
      assertEquals(List.of("alpha_2", "name", "extra"), rows.header());
      assertEquals("AF", rows.text(0));
      assertEquals(6, rows.line(0));
      assertEquals(17, rows.column(0));
      assertEquals("$['3166-1'][1].extra", rows.jsonPath(2));
      assertFalse(rows.next());
      assertFalse(rows.has(5));
    }
    assertTrue(problems.isEmpty(), problems::message);
  }

  @Test
  void next_absentKeyIsNotPresentInThatRow() throws IOException {
    Path file = write("[{\"a\": 1, \"b\": 2}, {\"b\": 3}]");
    try (RowCursor rows = JsonRows.open(file, "", Problems.forFile("t", file))) {
      rows.next();
      rows.next();
      assertFalse(rows.has(0));
      assertTrue(rows.has(1));
      assertEquals("3", rows.text(1));
    }
  }

  @Test
  void next_readsDebianIsoCodes() throws IOException {
    Path file = Path.of("/usr/share/iso-codes/json/iso_3166-1.json");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(file));
    Problems problems = Problems.forFile("iso", file);
    int count = 0;
    try (RowCursor rows = JsonRows.open(file, "/3166-1", problems)) {
      while (rows.next()) {
        count++;
      }
      assertTrue(rows.header().contains("alpha_2"));
    }
    assertTrue(problems.isEmpty(), problems::message);
    assertTrue(count > 240, "rows: " + count);
  }

  @Test
  void next_readsArrayByIndexInPointer() throws IOException {
    Path file = write("[[{\"a\": 0}], [{\"a\": 1}, {\"a\": 2}]]");
    try (RowCursor rows = JsonRows.open(file, "/1", Problems.forFile("t", file))) {
      rows.next();
      assertEquals("1", rows.text(0));
      assertEquals("$[1][0].a", rows.jsonPath(0));
    }
  }

  @Test
  void next_skipsByteOrderMarkAndCountsCrlfLines() throws IOException {
    Path file = write("\uFEFF[\r\n{\"a\": \"x\"},\r\n{\"a\": \"y\"}\r\n]");
    try (RowCursor rows = JsonRows.open(file, null, Problems.forFile("t", file))) {
      rows.next();
      assertEquals(DisplayPath.of(file) + ":2:7", rows.where(0));
      rows.next();
      assertEquals(3, rows.line());
      assertEquals("y", rows.text(0));
    }
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("source.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
