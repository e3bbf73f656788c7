package dev.datajar.builder.internal.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesRowsTest {
  @TempDir Path dir;

  @Test
  void next_readsOneObjectPerLineSkippingBlankLines() throws IOException {
    Path file = dir.resolve("rows.jsonl");
    Files.writeString(
        file,
        "{\"id\": 1, \"v\": 12.50}\r\n\n   \n{\"id\": 2, \"name\": \"\uD83D\uDE00\"}",
        StandardCharsets.UTF_8);
    Problems problems = Problems.forFile("t", file);
    try (RowCursor rows = JsonLinesRows.open(file, problems)) {
      assertTrue(rows.next());
      assertEquals(1, rows.line());
      assertEquals("12.50", rows.text(1));
      assertEquals(DisplayPath.of(file) + ":1:16", rows.where(1));
      assertEquals("$.v", rows.jsonPath(1));
      assertTrue(rows.next());
      assertEquals(4, rows.line());
      assertFalse(rows.has(1));
      assertEquals("\uD83D\uDE00", rows.text(2));
      assertEquals(4, rows.line(2));
      assertFalse(rows.next());
    }
    assertTrue(problems.isEmpty(), problems::message);
  }
}
