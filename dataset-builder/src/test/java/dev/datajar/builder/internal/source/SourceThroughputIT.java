package dev.datajar.builder.internal.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An informal benchmark: streams a generated file of 5 short columns and prints rows per second and
 * the heap in use afterwards. No timing assertions; only the row count is checked. Slow, so not
 * part of the default run: {@code mvn -pl dataset-builder test -Dtest=SourceThroughputIT}.
 */
class SourceThroughputIT {
  private static final int CSV_ROWS = 1_000_000;
  private static final int JSON_ROWS = 200_000;

  @TempDir Path dir;

  @Test
  void csv_streamsAMillionRows() throws IOException {
    Path file = dir.resolve("rows.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("id,code,name,price,parent\n");
      for (int i = 0; i < CSV_ROWS; i++) {
        out.write(
            i + ",C" + (i % 977) + ",\"Name " + i + "\"," + (i % 1000) + ".25," + (i / 7) + "\n");
      }
    }
    measure("csv", file, CSV_ROWS);
  }

  @Test
  void json_streamsRows() throws IOException {
    Path file = dir.resolve("rows.json");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("[\n");
      for (int i = 0; i < JSON_ROWS; i++) {
        out.write(
            (i == 0 ? "" : ",\n")
                + "{\"id\": "
                + i
                + ", \"code\": \"C"
                + (i % 977)
                + "\", \"name\": \"Name "
                + i
                + "\", \"price\": "
                + (i % 1000)
                + ".25, \"parent\": "
                + (i / 7)
                + "}");
      }
      out.write("\n]\n");
    }
    measure("json", file, JSON_ROWS);
  }

  @Test
  void jsonLines_streamsRows() throws IOException {
    Path file = dir.resolve("rows.jsonl");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < JSON_ROWS; i++) {
        out.write(
            "{\"id\": "
                + i
                + ", \"code\": \"C"
                + (i % 977)
                + "\", \"name\": \"Name "
                + i
                + "\", \"price\": "
                + (i % 1000)
                + ".25, \"parent\": "
                + (i / 7)
                + "}\n");
      }
    }
    measure("jsonl", file, JSON_ROWS);
  }

  private static void measure(String format, Path file, int expected) throws IOException {
    for (int round = 1; round <= 3; round++) { // the first round warms up the JIT
      Problems problems = Problems.forFile("bench", file);
      long start = System.nanoTime();
      long rowsRead = 0;
      long chars = 0;
      try (RowCursor rows = SourceFiles.open(file, null, null, problems)) {
        while (rows.next()) {
          rowsRead++;
          for (int f = 0; f < 5; f++) {
            chars += rows.text(f).length();
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Runtime runtime = Runtime.getRuntime();
      System.gc();
      System.out.printf(
          Locale.ROOT,
          "%s round %d: %,d rows in %.2f s = %,.0f rows/s"
              + " (%,d MB file, %,d MB heap used after)%n",
          format,
          round,
          rowsRead,
          seconds,
          rowsRead / seconds,
          Files.size(file) >> 20,
          (runtime.totalMemory() - runtime.freeMemory()) >> 20);
      assertTrue(problems.isEmpty(), problems::message);
      assertEquals(expected, rowsRead);
      assertTrue(chars > 0);
    }
  }
}
