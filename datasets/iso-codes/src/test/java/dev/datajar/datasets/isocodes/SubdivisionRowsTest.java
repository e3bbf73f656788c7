package dev.datajar.datasets.isocodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubdivisionRowsTest {
  private static final Path FILE = SourceFiles.DIR.resolve(SubdivisionRows.FILE);

  @Test
  void read_givesEveryRowOfTheFile() throws IOException {
    int expected = SourceFiles.rows(SubdivisionRows.FILE, "3166-2").size();
    try (Stream<Map<String, ?>> rows = SubdivisionRows.read(FILE)) {
      assertEquals(expected, rows.count());
    }
  }

  @Test
  void read_derivesCountryFromTheCodePrefix() throws IOException {
    Map<String, ?> row = row("GB-ABC");
    assertEquals("GB", row.get("country"));
    assertEquals("Armagh City, Banbridge and Craigavon", row.get("name"));
  }

  @Test
  void read_keepsAFullParentCode() throws IOException {
    assertEquals("GB-NIR", row("GB-ABC").get("parent"));
  }

  @Test
  void read_completesAShortParentCode() throws IOException {
    // The file says "parent": "NX" on AZ-BAB, meaning AZ-NX.
    assertEquals("AZ-NX", row("AZ-BAB").get("parent"));
  }

  @Test
  void read_leavesTopLevelSubdivisionsWithoutParent() throws IOException {
    assertTrue(!row("AD-06").containsKey("parent"));
    assertEquals("Sant Julià de Lòria", row("AD-06").get("name"));
  }

  @Test
  void read_rejectsACodeWithoutCountryPrefix(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(
        file,
        "{\"3166-2\": [\n  {\"code\": \"XYZ\", \"name\": \"n\", \"type\": \"t\"}\n]}",
        StandardCharsets.UTF_8);
    try (Stream<Map<String, ?>> rows = SubdivisionRows.read(file)) {
      UncheckedIOException e = assertThrows(UncheckedIOException.class, rows::toList);
      assertEquals(
          file
              + ":2:3: expected a \"code\" of the form CC-XXX (country alpha-2,"
              + " hyphen, subdivision), not 'XYZ'. Fix the file, or check that it is ISO 3166-2"
              + " from iso-codes.",
          e.getCause().getMessage());
    }
  }

  private static Map<String, ?> row(String code) throws IOException {
    try (Stream<Map<String, ?>> rows = SubdivisionRows.read(FILE)) {
      List<Map<String, ?>> found = rows.filter(r -> code.equals(r.get("code"))).toList();
      assertEquals(1, found.size(), code);
      return found.get(0);
    }
  }
}
