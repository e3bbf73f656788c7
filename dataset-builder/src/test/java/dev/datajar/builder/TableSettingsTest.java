package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table settings (file, format, JSON pointer, defaults) and the errors of locating sources. */
class TableSettingsTest {
  @TempDir Path dir;
  private Path sources;
  private Path folder;

  @BeforeEach
  void folder() throws Exception {
    sources = dir.resolve("src");
    folder = Files.createDirectories(sources.resolve("broken"));
  }

  private BuildRequest.Builder request() {
    return Fixtures.request(dir, "broken").sourceDirectory(sources);
  }

  @Test
  void build_readsTheConfiguredFileFormatPointerAndDefaults() throws Exception {
    Files.writeString(folder.resolve("regions.data"), "code,name\nEU,Europe\n");
    Files.writeString(
        folder.resolve("wrapped.json"),
        "{\"meta\": 1, \"airports\": ["
            + "{\"id\": 1, \"code\": \"HAM\", \"region\": \"EU\"},"
            + "{\"id\": 2, \"code\": \"XFW\", \"name\": \"Finkenwerder\"}]}");
    new DataSetBuilder()
        .build(
            request()
                .tables(
                    List.of(
                        new TableSettings(
                            "broken", "region", Path.of("regions.data"), "csv", null, Map.of()),
                        new TableSettings(
                            "broken",
                            "airport",
                            Path.of("wrapped.json"),
                            null,
                            "/airports",
                            Map.of("name", "unnamed", "elevationFt", "0", "region_code", "EU"))))
                .build());
    assertEquals(
        List.of("1|HAM|unnamed|0|EU", "2|XFW|Finkenwerder|0|EU"),
        Fixtures.query(
            dir.resolve("out/broken.sqlite"),
            "select id, code, name, elevation_ft, region_code from airport order by id"));
  }

  @Test
  void build_reportsTablesWithoutSourceAndWithTwoSources() throws Exception {
    Files.writeString(folder.resolve("airport.csv"), "id,name\n1,Hamburg\n");
    Files.writeString(folder.resolve("airport.jsonl"), "{\"id\": 1, \"name\": \"Hamburg\"}\n");
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
                                        "broken", "gate", null, null, null, Map.of())))
                            .build()));
    String at = sources.toAbsolutePath() + "/broken";
    assertEquals(
        "dataset 'broken': 3 problems in "
            + at
            + ":\n"
            + "  1) a table setting names table 'gate', which dataset 'broken' does not have."
            + " Tables: airport, region.\n"
            + "  2) table 'region' (entity Region) has no source. Looked for "
            + at
            + "/region.csv,"
            + " .json and .jsonl, a folder "
            + at
            + "/region/ of such files, a table setting with a"
            + " <file> or <files> for it, and a RowSource whose table() is 'region'. Add one of"
            + " them.\n"
            + "  3) table 'airport' has 2 sources: "
            + at
            + "/airport.csv, "
            + at
            + "/airport.jsonl."
            + " Keep one of them.\n"
            + "3 problems",
        e.getMessage());
  }

  @Test
  void build_reportsABadDefault() throws Exception {
    Files.writeString(folder.resolve("region.csv"), "code,name\nEU,Europe\n");
    Files.writeString(folder.resolve("airport.csv"), "id,name\n1,Hamburg\n");
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
                                        null,
                                        null,
                                        null,
                                        Map.of("elevationFt", "high", "altitude", "1"))))
                            .build()));
    String at = sources.toAbsolutePath() + "/broken";
    assertEquals(
        "dataset 'broken': 2 problems in "
            + at
            + "/airport.csv:\n"
            + "  1) table setting for 'airport': default for 'altitude': table 'airport' has no"
            + " column or attribute of that name. Columns: id, active, code, elevation_ft, fee,"
            + " kind, name, opened, ref, region_code.\n"
            + "  2) table setting for 'airport': default for 'elevationFt': 'high' is not an integer"
            + " (Airport.elevationFt). Fix the default.\n"
            + "2 problems",
        e.getMessage());
  }

  @Test
  void build_reportsAFieldOverTheSizeLimitAsSuch_andReadsItOnceRaised() throws Exception {
    Files.writeString(folder.resolve("region.csv"), "code,name\nEU,Europe\n");
    String longName = "Hamburg Airport Helmut Schmidt, " + "x".repeat(100);
    Files.writeString(folder.resolve("airport.csv"), "id,name,region\n1,\"" + longName + "\",EU\n");
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
                                        "broken", "airport", null, List.of(), null, null, Map.of(),
                                        64)))
                            .build()));
    String at = sources.toAbsolutePath() + "/broken";
    assertEquals(
        "dataset 'broken': 1 problem in "
            + at
            + "/airport.csv:\n"
            + "  1) "
            + at
            + "/airport.csv:2:2: column 'name': field 2 is longer than 64 characters,"
            + " the limit for a CSV field (<maxFieldSize> of the table's settings, 16777216 by"
            + " default). If the value is meant to be that long, raise <maxFieldSize>; if not, look"
            + " for a quote that is opened and never closed.\n"
            + "1 problem",
        e.getMessage());
    new DataSetBuilder()
        .build(
            request()
                .tables(
                    List.of(
                        new TableSettings(
                            "broken", "airport", null, List.of(), null, null, Map.of(), 256)))
                .build());
    assertEquals(
        List.of(longName),
        Fixtures.query(dir.resolve("out/broken.sqlite"), "select name from airport"));
  }

  @Test
  void build_describesAnIoFailureInWordsWithItsPath() throws Exception {
    Files.writeString(folder.resolve("region.csv"), "code,name\nEU,Europe\n");
    Files.writeString(folder.resolve("airport.csv"), "id,name\n1,Hamburg\n");
    Path blocked = Files.writeString(dir.resolve("work"), "a file where the work folder goes");
    java.io.UncheckedIOException e =
        assertThrows(
            java.io.UncheckedIOException.class,
            () -> new DataSetBuilder().build(request().workDirectory(blocked).build()));
    assertEquals(
        "dataset 'broken': I/O failure: "
            + blocked
            + " is in the way (it exists, but"
            + " a folder or a new file is needed there).",
        e.getMessage());
  }
}
