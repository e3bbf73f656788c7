package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.runtime.format.Manifest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table read from several files: a folder named after the table, or a {@code files} list in its
 * settings. Parts are read in order, problems name the part and its line, constraints are checked
 * over all parts, and every part counts for the manifest and the up-to-date check.
 */
class TablePartsTest {
  private static final String HEADER = "id,code,name,region\n";

  @TempDir Path dir;
  private Path sources;
  private Path folder;
  private String at;

  @BeforeEach
  void folder() throws Exception {
    sources = dir.resolve("src");
    folder = Files.createDirectories(sources.resolve("broken"));
    at = sources.toAbsolutePath() + "/broken";
  }

  private BuildRequest.Builder request() {
    return Fixtures.request(dir, "broken").sourceDirectory(sources);
  }

  @Test
  void build_readsEveryPartOfATableFolderInNameOrder() throws Exception {
    Path airports = Files.createDirectories(folder.resolve("airport"));
    Path regions = Files.createDirectories(folder.resolve("region"));
    // the region an airport of part 1 references is only in region's second part: keys are
    // checked once every part of every table is in
    Files.writeString(regions.resolve("a.csv"), "code,name\nEU,Europe\n");
    Files.writeString(regions.resolve("b.jsonl"), "{\"code\": \"NA\", \"name\": \"America\"}\n");
    Files.writeString(airports.resolve("2026-02.csv"), HEADER + "3,JFK,New York,NA\n");
    Files.writeString(
        airports.resolve("2026-01.csv"), HEADER + "1,HAM,Hamburg,EU\n2,LGA,La Guardia,NA\n");
    Files.writeString(airports.resolve("notes.txt"), "not a part");
    BuildResult result = new DataSetBuilder().build(request().build());
    assertEquals(3, result.dataSets().get(0).rows() - 2);
    assertEquals(
        List.of("1|HAM|NA", "2|LGA|NA", "3|JFK|NA"),
        Fixtures.query(
            dir.resolve("out/broken.sqlite"),
            "select a.id, a.code, r.code from airport a join region r on r.code = 'NA' order by rowid"));
    Manifest manifest;
    try (InputStream in = Files.newInputStream(dir.resolve("out/broken.manifest.json"))) {
      manifest = Manifest.read(in, "manifest");
    }
    assertEquals(
        List.of("airport/2026-01.csv", "airport/2026-02.csv", "region/a.csv", "region/b.jsonl"),
        manifest.sources().stream().map(Manifest.Source::path).toList());

    assertTrue(new DataSetBuilder().build(request().build()).dataSets().get(0).upToDate());
    Files.writeString(airports.resolve("2026-03.csv"), HEADER + "4,EWR,Newark,NA\n");
    assertFalse(
        new DataSetBuilder().build(request().build()).dataSets().get(0).upToDate(),
        "a new part makes the table out of date");
    assertTrue(new DataSetBuilder().build(request().build()).dataSets().get(0).upToDate());
    Files.writeString(airports.resolve("2026-02.csv"), HEADER + "3,JFK,John F. Kennedy,NA\n");
    assertFalse(
        new DataSetBuilder().build(request().build()).dataSets().get(0).upToDate(),
        "a changed part makes the table out of date");
    Files.delete(airports.resolve("2026-03.csv"));
    assertFalse(
        new DataSetBuilder().build(request().build()).dataSets().get(0).upToDate(),
        "a removed part makes the table out of date");
    assertEquals(
        List.of("1", "2", "3"),
        Fixtures.query(dir.resolve("out/broken.sqlite"), "select id from airport order by id"));
  }

  @Test
  void build_namesThePartAndItsLineInEveryProblem() throws Exception {
    Files.writeString(folder.resolve("region.csv"), "code,name\nEU,Europe\n");
    Path airports = Files.createDirectories(folder.resolve("airport"));
    Files.writeString(airports.resolve("1.csv"), HEADER + "1,HAM,Hamburg,EU\n2,CDG,Paris,EU\n");
    Files.writeString(
        airports.resolve("2.csv"),
        "code,id,name,region\n"
            + "ZRH,x3,Zurich,EU\n"
            + "MUC,1,Munich,EU\n"
            + "JFK,4,New York,NA\n"
            + "ORY,5,Paris,EU\n");
    DataSetBuildException e =
        assertThrows(
            DataSetBuildException.class, () -> new DataSetBuilder().build(request().build()));
    assertEquals(
        "dataset 'broken': 3 problems in "
            + at
            + "/airport (2 files: 1.csv, 2.csv):\n"
            + "  1) "
            + at
            + "/airport/2.csv:2:2: column 'id': 'x3' is not an integer (Airport.id)."
            + " Fix the value.\n"
            + "  2) "
            + at
            + "/airport/2.csv:3: column 'id': duplicate primary key '1' (Airport.id): "
            + at
            + "/airport/1.csv:2 has the same key. Give each row its own key, or remove the"
            + " duplicate.\n"
            + "  3) "
            + at
            + "/airport/2.csv:4:4: column 'region_code': 'NA' references no row of table"
            + " 'region' (Airport.region). Add that row to 'region', or fix the value.\n"
            + "3 problems",
        e.getMessage());

    Files.writeString(
        airports.resolve("2.csv"),
        "code,id,name,region\n" + "MUC,3,Munich,EU\n" + "JFK,4,New York,NA\n");
    e =
        assertThrows(
            DataSetBuildException.class, () -> new DataSetBuilder().build(request().build()));
    assertEquals(
        "dataset 'broken': 1 problem in "
            + at
            + "/airport (2 files: 1.csv, 2.csv):\n"
            + "  1) "
            + at
            + "/airport/2.csv:3:4: column 'region_code': 'NA' references no row of table"
            + " 'region' (Airport.region). Add that row to 'region', or fix the value.\n"
            + "1 problem",
        e.getMessage());
  }

  @Test
  void build_readsTheFilesListedInTheTableSettingsInTheirOrder() throws Exception {
    Files.writeString(folder.resolve("region.csv"), "code,name\nEU,Europe\n");
    Files.writeString(folder.resolve("new.csv"), HEADER + "2,CDG,Paris,EU\n");
    Files.writeString(
        folder.resolve("old.json"),
        "[{\"id\": 1, \"code\": \"HAM\", \"name\": \"Hamburg\", \"region\": \"EU\"}]");
    new DataSetBuilder()
        .build(
            request()
                .tables(
                    List.of(
                        new TableSettings(
                            "broken",
                            "airport",
                            null,
                            List.of(Path.of("old.json"), Path.of("new.csv")),
                            null,
                            null,
                            Map.of(),
                            null)))
                .build());
    assertEquals(
        List.of("1|HAM", "2|CDG"),
        Fixtures.query(
            dir.resolve("out/broken.sqlite"), "select id, code from airport order by rowid"));

    BuildResult swapped =
        new DataSetBuilder()
            .build(
                request()
                    .tables(
                        List.of(
                            new TableSettings(
                                "broken",
                                "airport",
                                null,
                                List.of(Path.of("new.csv"), Path.of("old.json")),
                                null,
                                null,
                                Map.of(),
                                null)))
                    .build());
    assertFalse(swapped.dataSets().get(0).upToDate(), "the order of the parts is an input");
    assertEquals(
        List.of("1|HAM", "2|CDG"),
        Fixtures.query(
            dir.resolve("out/broken.sqlite"), "select id, code from airport order by id"));
  }

  @Test
  void build_reportsPartsThatCannotBeRead() throws Exception {
    Files.createDirectories(folder.resolve("region"));
    Files.writeString(folder.resolve("airport.csv"), HEADER);
    DataSetBuildException e =
        assertThrows(
            DataSetBuildException.class,
            () ->
                new DataSetBuilder()
                    .build(
                        request()
                            .tables(
                                List.of(
                                    new TableSettings(
                                        "broken",
                                        "airport",
                                        Path.of("airport.csv"),
                                        List.of(Path.of("a.csv"), Path.of("a.csv")),
                                        null,
                                        null,
                                        Map.of(),
                                        null)))
                            .build()));
    assertEquals(
        "dataset 'broken': 2 problems in "
            + at
            + ":\n"
            + "  1) table 'region': the folder "
            + at
            + "/region holds no .csv, .json or .jsonl"
            + " file. Put the table's parts in it, or remove the folder.\n"
            + "  2) table 'airport': its table setting has both a <file> and <files>. Keep one of"
            + " them (a single file can be the only <file> in <files>).\n"
            + "2 problems",
        e.getMessage());

    Files.writeString(folder.resolve("region/eu.csv"), "code,name\nEU,Europe\n");
    e =
        assertThrows(
            DataSetBuildException.class,
            () ->
                new DataSetBuilder()
                    .build(
                        request()
                            .tables(
                                List.of(
                                    new TableSettings(
                                        "broken",
                                        "airport",
                                        null,
                                        List.of(
                                            Path.of("a.csv"),
                                            Path.of("airport.csv"),
                                            Path.of("a.csv")),
                                        null,
                                        null,
                                        Map.of(),
                                        0)))
                            .build()));
    assertEquals(
        "dataset 'broken': 3 problems in "
            + at
            + ":\n"
            + "  1) table 'airport': the file set for it, "
            + at
            + "/a.csv, does not exist. Fix the"
            + " <files> of its table setting.\n"
            + "  2) table 'airport': "
            + at
            + "/a.csv is listed twice in <files>. List each part"
            + " once.\n"
            + "  3) table 'airport': <maxFieldSize> is 0; it must be a positive number of"
            + " characters. Fix the table setting, or remove it for the default of 16777216.\n"
            + "3 problems",
        e.getMessage());
  }
}
