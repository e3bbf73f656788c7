package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One broken source folder per case under {@code src/test/resources/bad/<case>}, each with the
 * complete message it must produce pinned beside it in {@code expected.txt}. Run with {@code
 * -Dgolden.update=true} to rewrite the expected files after a deliberate change.
 */
class BadInputTest {
  private static final Path CASES = Path.of("src/test/resources/bad");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "unknown-column",
        "misnamed-folder",
        "csv-with-semicolons",
        "header-with-spaces",
        "json-names-mixed",
        "missing-required-column",
        "not-an-integer",
        "integer-overflow",
        "bad-date",
        "unknown-enum",
        "bad-boolean",
        "bad-uuid",
        "decimal-scale",
        "null-in-not-null",
        "duplicate-primary-key",
        "unique-violation",
        "dangling-foreign-key",
        "values-and-references",
        "reference-to-a-table-with-problems",
        "json-wrong-type",
        "jsonl-bad-values",
        "empty-file",
        "invalid-utf8",
        "utf16-file",
        "bad-primary-key"
      })
  void build_reportsBadData(String name) throws IOException {
    check(name, Fixtures.request(dir, "broken").sourceDirectory(CASES.resolve(name)).build());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "entity-in-two-datasets:twin-a",
        "dataset-with-no-entities:empty",
        "entity-in-no-dataset:stray",
        "association-outside-dataset:crossing",
        "entity-not-instantiable:shapes"
      })
  void build_reportsBadEntities(String nameAndDataSet) throws IOException {
    String[] parts = nameAndDataSet.split(":");
    check(parts[0], Fixtures.request(dir, parts[1]).build());
  }

  private void check(String name, BuildRequest request) throws IOException {
    DataSetBuildException e =
        assertThrows(DataSetBuildException.class, () -> new DataSetBuilder().build(request));
    Path golden = CASES.resolve(name).resolve("expected.txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, e.getMessage() + "\n", StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8).stripTrailing(), e.getMessage());
    assertEquals(List.of(), listing(request.outputDirectory()), "no artifact written");
    // Only the build lock stays (deleting a lock file would let two builds in at once).
    assertEquals(
        List.of(),
        listing(request.workDirectory()).stream().filter(n -> !n.endsWith(".lock")).toList(),
        "no temporary file left");
  }

  private static List<String> listing(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
