package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duplicate keys inside the multi-row chunks the loader inserts: each duplicate is reported at its
 * own line, and no row before it in the chunk is reported by mistake.
 */
class DuplicateKeyTest {
  @TempDir Path dir;

  @Test
  void build_reportsEachDuplicateKeyInALargeFile() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("src/broken"));
    Files.writeString(folder.resolve("region.csv"), "code,name\nEU,Europe\n");
    StringBuilder csv = new StringBuilder("id,code,name\n");
    for (int row = 1; row <= 500; row++) {
      int id = row == 100 ? 37 : row == 150 || row == 151 ? 149 : row;
      csv.append(id).append(",C").append(row).append(",n").append(row).append('\n');
    }
    Files.writeString(folder.resolve("airport.csv"), csv);
    DataSetBuildException e =
        assertThrows(
            DataSetBuildException.class,
            () ->
                new DataSetBuilder()
                    .build(
                        Fixtures.request(dir, "broken")
                            .sourceDirectory(dir.resolve("src"))
                            .build()));
    String file = folder.resolve("airport.csv").toAbsolutePath().toString();
    String tail = " has the same key. Give each row its own key, or remove the duplicate.";
    assertEquals(
        "dataset 'broken': 3 problems in "
            + file
            + ":\n"
            + "  1) "
            + file
            + ":101: column 'id': duplicate primary key '37' (Airport.id): line 38"
            + tail
            + "\n"
            + "  2) "
            + file
            + ":151: column 'id': duplicate primary key '149' (Airport.id): line 150"
            + tail
            + "\n"
            + "  3) "
            + file
            + ":152: column 'id': duplicate primary key '149' (Airport.id): line 150"
            + tail
            + "\n"
            + "3 problems",
        e.getMessage());
  }
}
