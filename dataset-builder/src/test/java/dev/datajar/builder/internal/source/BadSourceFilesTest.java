package dev.datajar.builder.internal.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One broken source file per case under {@code src/test/resources/.../source/bad}, read to the end;
 * the full {@link Problems} message must equal {@code <file>.expected.txt} beside it. A {@code
 * <file>.pointer} holds the JSON pointer to use.
 *
 * <p>Files are read in place (the working directory is the module), so messages show stable
 * relative paths. Run with {@code -Dgolden.update=true} to write missing expected files, then read
 * them before committing.
 */
class BadSourceFilesTest {
  private static final Path FIXTURES =
      Path.of("src/test/resources/dev/datajar/builder/internal/source/bad");

  @TestFactory
  Stream<DynamicTest> read_reportsPinnedMessage() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(FIXTURES)) {
      files = listing.filter(SourceFiles::isSourceFile).sorted().collect(Collectors.toList());
    }
    assertFalse(files.isEmpty(), "no fixtures in " + FIXTURES.toAbsolutePath());
    return files.stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
  }

  private static void check(Path file) throws IOException {
    String actual = readToEnd(file);
    Path expectedFile = file.resolveSibling(file.getFileName() + ".expected.txt");
    if (!Files.exists(expectedFile) && Boolean.getBoolean("golden.update")) {
      Files.writeString(expectedFile, actual + "\n", StandardCharsets.UTF_8);
    }
    assertTrue(
        Files.exists(expectedFile), () -> "missing " + expectedFile + "; actual:\n" + actual);
    assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8).stripTrailing(), actual);
  }

  private static String readToEnd(Path file) throws IOException {
    Path pointerFile = file.resolveSibling(file.getFileName() + ".pointer");
    String pointer = Files.exists(pointerFile) ? Files.readString(pointerFile).strip() : null;
    Problems problems = Problems.forFile("fixtures", file);
    try (RowCursor rows = SourceFiles.open(file, null, pointer, problems)) {
      while (rows.next()) {
        assertTrue(rows.has(0));
      }
    }
    assertFalse(problems.isEmpty(), "no problem found in " + file);
    return problems.message();
  }
}
