package dev.datajar.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.BuildLog;
import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.TableSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildParametersTest {
  private static final Path BASE = Path.of("/project");
  private final ClassLoader loader = getClass().getClassLoader();

  private static BuildParameters parameters(
      List<String> names, List<TableConfig> tables, boolean force) {
    return new BuildParameters(
        BASE.resolve("target/classes"),
        BASE.resolve("src/main/datasets"),
        BASE.resolve("target/classes/META-INF/datasets"),
        BASE.resolve("target/datajar"),
        names,
        tables,
        force,
        null);
  }

  private static TableConfig table(String dataSet, String table) {
    TableConfig t = new TableConfig();
    t.dataSet = dataSet;
    t.table = table;
    return t;
  }

  @Test
  void toRequest_carriesDirectoriesLoaderLogAndForce() throws Exception {
    BuildRequest r = parameters(null, null, true).toRequest(loader, BuildLog.SILENT);
    assertEquals(BASE.resolve("target/classes"), r.classesDirectory());
    assertEquals(BASE.resolve("src/main/datasets"), r.sourceDirectory());
    assertEquals(BASE.resolve("target/classes/META-INF/datasets"), r.outputDirectory());
    assertEquals(BASE.resolve("target/datajar"), r.workDirectory());
    assertSame(loader, r.classLoader());
    assertSame(BuildLog.SILENT, r.log());
    assertTrue(r.force());
    assertTrue(r.dataSets().isEmpty());
    assertTrue(r.tables().isEmpty());
  }

  @Test
  void toRequest_splitsAndTrimsCommaListsOfNames() throws Exception {
    BuildRequest r =
        parameters(Arrays.asList("geo, iso-codes", " oui ", "", null), null, false)
            .toRequest(loader, BuildLog.SILENT);
    assertEquals(java.util.Set.of("geo", "iso-codes", "oui"), r.dataSets());
  }

  @Test
  void toRequest_rejectsInvalidNameNamingPomElementAndProperty() {
    DataSetBuildException e =
        assertThrows(
            DataSetBuildException.class,
            () ->
                parameters(List.of("geo,Geo Data"), null, false)
                    .toRequest(loader, BuildLog.SILENT));
    assertEquals(
        "<dataSets> (-Ddataset.names): 'Geo Data' is not a valid dataset name: use 1-64"
            + " lower-case letters, digits, '-' or '_', starting with a letter. Fix the name in the"
            + " pom or on the command line.",
        e.getMessage());
  }

  @Test
  void toRequest_mapsEveryTableField() throws Exception {
    TableConfig t = table(" geo ", "airport");
    t.file = "airports-2026.json";
    t.format = "json";
    t.jsonPointer = "/data/rows";
    t.defaults = Map.of("country", "NL");
    BuildRequest r = parameters(null, List.of(t), false).toRequest(loader, BuildLog.SILENT);
    assertEquals(
        List.of(
            new TableSettings(
                "geo",
                "airport",
                Path.of("airports-2026.json"),
                "json",
                "/data/rows",
                Map.of("country", "NL"))),
        r.tables());
  }

  @Test
  void toRequest_mapsFilesListAndFieldSizeLimit() throws Exception {
    TableConfig t = table("geo", "airport");
    t.files = List.of("2025.csv", " ", "2026/airports.csv ");
    t.maxFieldSize = 1 << 26;
    BuildRequest r = parameters(null, List.of(t), false).toRequest(loader, BuildLog.SILENT);
    assertEquals(
        List.of(
            new TableSettings(
                "geo",
                "airport",
                null,
                List.of(Path.of("2025.csv"), Path.of("2026/airports.csv")),
                null,
                null,
                Map.of(),
                1 << 26)),
        r.tables());
  }

  @Test
  void toRequest_keepsRelativeFileRelativeForTheBuilderToResolve() throws Exception {
    TableConfig t = table("geo", "airport");
    t.file = "sub/airport.csv";
    TableSettings s =
        parameters(null, List.of(t), false).toRequest(loader, BuildLog.SILENT).tables().get(0);
    assertEquals(Path.of("sub/airport.csv"), s.file());
  }

  @Test
  void toRequest_leavesUnsetTableFieldsToTheConvention() throws Exception {
    TableConfig t = table("geo", "airport");
    t.file = "  ";
    t.format = "";
    TableSettings s =
        parameters(null, List.of(t), false).toRequest(loader, BuildLog.SILENT).tables().get(0);
    assertNull(s.file());
    assertNull(s.format());
    assertNull(s.jsonPointer());
    assertEquals(Map.of(), s.defaults());
  }

  @Test
  void toRequest_rejectsTableWithoutDataSet() {
    DataSetBuildException e =
        assertThrows(
            DataSetBuildException.class,
            () ->
                parameters(null, List.of(table("geo", "a"), table(null, "airport")), false)
                    .toRequest(loader, BuildLog.SILENT));
    assertEquals(
        "<tables>: <table> number 2 has no <dataSet>. Name both the dataset and the"
            + " table (as Hibernate names it) that the element configures.",
        e.getMessage());
  }

  @Test
  void toRequest_rejectsTableWithoutTable() {
    DataSetBuildException e =
        assertThrows(
            DataSetBuildException.class,
            () ->
                parameters(null, List.of(table("geo", " ")), false)
                    .toRequest(loader, BuildLog.SILENT));
    assertEquals(
        "<tables>: <table> number 1 has no <table>. Name both the dataset and the"
            + " table (as Hibernate names it) that the element configures.",
        e.getMessage());
  }

  @Test
  void toRequest_rejectsTableConfiguredTwice() {
    DataSetBuildException e =
        assertThrows(
            DataSetBuildException.class,
            () ->
                parameters(null, List.of(table("geo", "airport"), table("geo", "airport")), false)
                    .toRequest(loader, BuildLog.SILENT));
    assertEquals(
        "<tables>: table 'airport' of dataset 'geo' is configured twice (<table> number"
            + " 2). Merge the two <table> elements into one.",
        e.getMessage());
  }
}
