package dev.datajar.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Stage;
import dev.datajar.runtime.fixture.City;
import dev.datajar.runtime.fixture.Country;
import dev.datajar.runtime.fixture.Fixtures;
import dev.datajar.runtime.format.SchemaModel;
import dev.datajar.runtime.format.TableModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each start-up failure fails injector creation with a message that says what and where. */
class StartupFailureTest {
  @TempDir Path root;

  /** A module that sees only {@code root}, with no system property or variable set. */
  private DataSetModule.Builder module() {
    return DataSetModule.builder()
        .classLoader(Fixtures.loader(root))
        .systemProperties(k -> k.equals("user.home") ? root.toString() : null)
        .environment(k -> null);
  }

  static DataSetOpenException failure(DataSetModule module) {
    CreationException e = assertThrows(CreationException.class, () -> Guice.createInjector(module));
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DataSetOpenException d) {
        // Guice's own message repeats ours (it shortens class names it recognises, though).
        assertTrue(
            e.getMessage().contains("dataset '") || e.getMessage().contains("datasets"),
            e.getMessage());
        return d;
      }
    }
    throw new AssertionError("no DataSetOpenException in", e);
  }

  /** Issue 11: the usual cause, a plugin without its execution, is named with its fix. */
  private static final String PLUGIN =
      " A module's datasets are put into its jar by dev.datajar:dataset-maven-plugin"
          + " when its pom has <execution><goals><goal>build</goal></goals></execution> in that"
          + " plugin's <executions>: the goal runs in phase process-classes, so 'mvn package'"
          + " builds them (an IDE's own compile does not).";

  @Test
  void missingDataSet_saysWhereItLookedAndHowToOverride() {
    DataSetOpenException e = failure(module().dataSets("geo").build());
    assertEquals(
        "dataset 'geo' not found: no META-INF/datasets/geo.manifest.json on the class path"
            + " (no META-INF/datasets/index either), no system property datajar.geo.path, no"
            + " environment variable DATAJAR_GEO_PATH. Add the dataset's jar as a dependency, or set"
            + " -Ddatajar.geo.path=/path/to/geo.sqlite."
            + PLUGIN,
        e.getMessage());
    assertEquals("geo", e.dataSet());
  }

  @Test
  void missingDataSet_listsTheIndexesSeen() throws IOException {
    Fixtures.oui(root);
    DataSetOpenException e = failure(module().dataSets("oui", "geo").build());
    assertEquals(
        "dataset 'geo' not found: no META-INF/datasets/geo.manifest.json on the class path"
            + " (indexes seen: "
            + root.toUri().toURL()
            + "META-INF/datasets/index, listing 'oui'), no system property"
            + " datajar.geo.path, no environment variable DATAJAR_GEO_PATH. Add the dataset's jar as a"
            + " dependency, or set -Ddatajar.geo.path=/path/to/geo.sqlite."
            + PLUGIN,
        e.getMessage());
  }

  @Test
  void productionStage_failsAtCreationToo() throws IOException {
    Path file = Fixtures.geo(root);
    Files.write(file, new byte[] {1}, StandardOpenOption.APPEND);
    CreationException e =
        assertThrows(
            CreationException.class,
            () -> Guice.createInjector(Stage.PRODUCTION, module().build()));
    assertTrue(e.getMessage().contains("has sha256"), e.getMessage());
  }

  @Test
  void noDataSetsAtAll_failsFast() {
    DataSetOpenException e = failure(module().build());
    assertEquals(
        "no datasets found: there is no META-INF/datasets/index on the class path."
            + PLUGIN
            + " Otherwise add a dataset jar as a dependency, or name datasets with"
            + " DataSets.builder().dataSets(...) (DataSetModule.builder() with Guice) and give their"
            + " files with -Ddatajar.<name>.path=...",
        e.getMessage());
  }

  /** Issue 19: an index that is there but lists nothing is not "there is no index". */
  @Test
  void emptyIndex_isToldFromAMissingOne() throws IOException {
    Path index = root.resolve("META-INF/datasets/index");
    Files.createDirectories(index.getParent());
    Files.write(index, new byte[0]);
    DataSetOpenException e = failure(module().build());
    assertEquals(
        "no datasets found: the META-INF/datasets/index on the class path is empty ("
            + index.toUri().toURL()
            + "): the build of the module that wrote it found no dataset to put in it. Check that"
            + " the module has an interface annotated @DataSet and entities that implement it,"
            + " then rebuild it with the current dev.datajar:dataset-maven-plugin (mvn package)."
            + " Otherwise add a dataset jar as a dependency, or name datasets with"
            + " DataSets.builder().dataSets(...) (DataSetModule.builder() with Guice) and give their"
            + " files with -Ddatajar.<name>.path=...",
        e.getMessage());
  }

  @Test
  void overrideToMissingFile_namesTheSetting() {
    Path nowhere = root.resolve("nowhere.sqlite");
    DataSetOpenException e =
        failure(
            module()
                .dataSets("geo")
                .systemProperties(k -> k.equals("datajar.geo.path") ? nowhere.toString() : null)
                .build());
    assertEquals(
        "dataset 'geo': "
            + nowhere
            + " (from system property datajar.geo.path) does not exist or is not a file (nor a"
            + " directory of dataset jars). Fix the path, or remove the setting to use the dataset"
            + " jar on the class path.",
        e.getMessage());
  }

  @Test
  void checksumMismatch_isRefused() throws IOException {
    Path file = Fixtures.geo(root);
    String expected = Fixtures.sha256(file);
    long size = Files.size(file);
    Files.write(file, new byte[] {1}, StandardOpenOption.APPEND);
    DataSetOpenException e = failure(module().build());
    assertEquals(
        "dataset 'geo': "
            + file
            + " has sha256 "
            + Fixtures.sha256(file)
            + " ("
            + (size + 1)
            + " bytes), but its manifest says "
            + expected
            + " ("
            + size
            + " bytes). The"
            + " file was changed after it was built, or the jar is corrupt: rebuild the dataset.",
        e.getMessage());
  }

  @Test
  void notASqliteFile_isRefused() throws IOException {
    Path file = Fixtures.geo(root);
    Files.writeString(file, "country,alpha2\nFrance,FR\n", StandardCharsets.UTF_8);
    Fixtures.resign(root, "geo");
    DataSetOpenException e = failure(module().build());
    assertEquals(
        "dataset 'geo': "
            + file
            + " is not a SQLite database (it does not start with"
            + " the SQLite header). Point the dataset at the .sqlite file the builder wrote, or"
            + " rebuild it.",
        e.getMessage());
  }

  @Test
  void sqliteFileNotBuiltByDatajar_isRefused() throws Exception {
    Path file = Fixtures.geo(root);
    Files.delete(file);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("create table country (id integer primary key)");
    }
    Fixtures.resign(root, "geo");
    DataSetOpenException e = failure(module().build());
    assertEquals(
        "dataset 'geo': "
            + file
            + " is a SQLite database but not a datajar dataset"
            + " (application_id 0x0, expected 0x444a4152). Build it with the datajar builder.",
        e.getMessage());
  }

  @Test
  void schemaMismatch_listsTheDifferences() {
    SchemaModel schema = Fixtures.schema("geo", List.of(City.class, Country.class));
    List<String> ddl = new ArrayList<>();
    for (TableModel t : schema.tables()) {
      // the file lacks the column 'continent', as if built from an older Country
      ddl.add(t.createStatement().replace("\"continent\" text, ", ""));
      ddl.addAll(t.indexStatements());
    }
    Path file =
        Fixtures.write(root, "geo", List.of(City.class, Country.class), "0123abcd", ddl, List.of());
    DataSetOpenException e = failure(module().build());
    assertTrue(
        e.getMessage()
            .startsWith(
                "dataset 'geo': "
                    + file
                    + " was built from other entity"
                    + " classes than those on the class path (schema fingerprint in the file 0123abcd, of the"
                    + " entities "
                    + schema.fingerprint()
                    + ")\n  1) "),
        e.getMessage());
    assertTrue(e.getMessage().contains("continent"), e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                "\n1 difference. Rebuild the dataset with the current"
                    + " entity classes, or use the classes of the version it was built with."),
        e.getMessage());
  }

  @Test
  void entityClassMissing_isRefused() throws IOException {
    Fixtures.geo(root);
    Path manifest = Fixtures.manifest(root, "geo");
    Files.writeString(
        manifest,
        Files.readString(manifest).replace("dev.datajar.runtime.fixture.City", "com.example.Gone"));
    DataSetOpenException e = failure(module().build());
    assertEquals(
        "dataset 'geo': entity class com.example.Gone (listed in the manifest of "
            + root.toUri().toURL()
            + "META-INF/datasets/geo.sqlite) is not on the class path. Put the dataset"
            + " module's classes on the class path with its file.",
        e.getMessage());
  }
}
