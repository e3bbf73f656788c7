package dev.datajar.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.datajar.runtime.format.CorpusFixture;
import dev.datajar.runtime.format.CorpusJar;
import dev.datajar.runtime.format.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of wrong input gives one line that says what was expected; messages pinned. */
class BadInputTest {
  @TempDir static Path dir;
  static Path built;
  static Path jar;

  @BeforeAll
  static void buildCorpus() throws Exception {
    built = CorpusFixture.build(dir.resolve("corpus"));
    jar = CorpusJar.write(built, dir.resolve("edges.jar"));
  }

  @Test
  void open_refusesAMissingPath() {
    Path missing = dir.resolve("nothing.jar");
    assertEquals(
        missing
            + " does not exist: expected a dataset jar, a class folder with"
            + " META-INF/datasets/, or a .sqlite file",
        message(missing));
  }

  @Test
  void namesIn_listsTheDatasetsOfAJarOrFolder() throws Exception {
    assertEquals(java.util.List.of("edges"), DataSetInput.namesIn(jar));
    assertEquals(java.util.List.of("edges"), DataSetInput.namesIn(built));
    assertEquals(java.util.List.of(), DataSetInput.namesIn(dir.resolve("nothing")));
  }

  @Test
  void open_refusesAJarWithoutADataset() throws Exception {
    Path plain = dir.resolve("plain.jar");
    try (JarOutputStream zip = new JarOutputStream(Files.newOutputStream(plain))) {
      zip.putNextEntry(new JarEntry("com/example/Nothing.txt"));
      zip.closeEntry();
    }
    assertEquals(java.util.List.of(), DataSetInput.namesIn(plain));
    assertEquals(
        plain
            + " holds no dataset: META-INF/datasets/index is missing. Expected a jar"
            + " of a module built with the dataset-maven-plugin's build goal",
        message(plain));
  }

  /** Issue 19: the index of a module built into PostgreSQL lists a dataset that has no file. */
  @Test
  void open_refusesADatasetBuiltIntoPostgres_inAFolderAndInAJar() throws Exception {
    Path folder = dir.resolve("pg-classes");
    Path datasets = Files.createDirectories(folder.resolve("META-INF/datasets"));
    Files.writeString(datasets.resolve("index"), "geo\n");
    Files.write(
        datasets.resolve("geo.manifest.json"),
        Manifest.builder("geo")
            .file(null)
            .checksum(null, 0)
            .postgres(new Manifest.Postgres("geo_1_0_0123456789", "a".repeat(64), "b".repeat(64)))
            .build()
            .toJson());
    assertEquals(
        java.util.Optional.of("geo_1_0_0123456789"), DataSetInput.postgresSchema(folder, "geo"));
    assertEquals(java.util.Optional.empty(), DataSetInput.postgresSchema(built, "edges"));
    String refused =
        ": dataset 'geo' was built into PostgreSQL (schema geo_1_0_0123456789), and the tools"
            + " (inspect, dump, diff, guard, the command line's build) read datasets built into SQLite"
            + " files only. Build it without"
            + " dataset.jdbc.url to use them on it";
    assertEquals(folder + refused, message(folder));

    Path pgJar = dir.resolve("pg.jar");
    try (JarOutputStream zip = new JarOutputStream(Files.newOutputStream(pgJar))) {
      for (String f : new String[] {"index", "geo.manifest.json"}) {
        zip.putNextEntry(new JarEntry("META-INF/datasets/" + f));
        zip.write(Files.readAllBytes(datasets.resolve(f)));
        zip.closeEntry();
      }
    }
    assertEquals(pgJar + refused, message(pgJar));
  }

  @Test
  void open_refusesAFileThatIsNotSqlite() throws Exception {
    Path text =
        Files.writeString(dir.resolve("notes.sqlite"), "just text, long enough? ".repeat(10));
    assertEquals(
        text
            + " is not a datajar dataset file: expected a SQLite file with"
            + " application_id 0x444A4152 ('DJAR') as the dataset builder writes, but it is not a"
            + " SQLite file",
        message(text));
  }

  @Test
  void open_refusesASqliteFileOfAnotherApplication() throws Exception {
    Path other = dir.resolve("other-app.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement s = c.createStatement()) {
      s.execute("create table t (x)");
    }
    assertEquals(
        other
            + " is not a datajar dataset file: expected a SQLite file with"
            + " application_id 0x444A4152 ('DJAR') as the dataset builder writes, but it is a SQLite"
            + " file of another application",
        message(other));
  }

  @Test
  void open_refusesAnUnknownDatasetName() {
    ToolException e =
        assertThrows(ToolException.class, () -> DataSetInput.open(jar, "geo", null, null));
    assertEquals(jar + " has no dataset 'geo'; it holds edges. Name one of those", e.getMessage());
  }

  @Test
  void diff_refusesTwoDifferentDatasets() throws Exception {
    Path renamed =
        copyWith(
            "renamed.sqlite",
            "update datajar_metadata set value = 'other'" + " where key = 'name'");
    try (DataSetInput a = DataSetInput.open(jar, null, null, "edges-1.0");
        DataSetInput b = DataSetInput.open(renamed, null, null, "other.sqlite")) {
      ToolException e = assertThrows(ToolException.class, () -> new Differ().diff(a, b, 5));
      assertEquals(
          "cannot compare dataset 'edges' (edges-1.0) with dataset 'other'"
              + " (other.sqlite): expected two versions of the same dataset",
          e.getMessage());
    }
  }

  @Test
  void diff_refusesDifferentStorageFormats() throws Exception {
    Path newer =
        copyWith(
            "edges.sqlite",
            "update datajar_metadata set value = '2'" + " where key = 'formatVersion'");
    try (DataSetInput a = DataSetInput.open(jar, null, null, "edges-1.0");
        DataSetInput b = DataSetInput.open(newer, null, null, "edges-2.0")) {
      ToolException e = assertThrows(ToolException.class, () -> new Differ().diff(a, b, 5));
      assertEquals(
          "cannot compare edges-1.0 (storage format 1) with edges-2.0 (storage format"
              + " 2): rows are stored differently. Expected two versions built with the same"
              + " storage format; rebuild the older one with the current datajar",
          e.getMessage());
    }
  }

  @Test
  void dump_refusesABareFileWithoutEntityClasses() throws Exception {
    Path bare = copyWith("edges.sqlite", null);
    try (DataSetInput in = DataSetInput.open(bare, null, null, "edges.sqlite")) {
      ToolException e =
          assertThrows(
              ToolException.class,
              () ->
                  new Dumper().dump(in, dir.resolve("never"), java.util.Set.of(), DumpFormat.CSV));
      assertEquals(
          "edges.sqlite: no manifest names the entity classes of dataset 'edges'. A .sqlite file,"
              + " or a folder holding only datasets (such as one the command line's build wrote),"
              + " has none: give the dataset jar, its coordinates or the module's target/classes",
          e.getMessage());
    }
  }

  /** A class an entity uses, from another jar: named with dots, and how to add that jar. */
  @Test
  void aClassFromAnotherJar_isNamedWithTheClassPathToGive() throws Exception {
    try (DataSetInput in = DataSetInput.open(jar, null, null, "edges.jar")) {
      assertEquals(
          "edges.jar: class com.acme.common.Unit, which an entity class of dataset 'edges' uses,"
              + " cannot be loaded. Expected it in the dataset jar; if it comes from another jar (a"
              + " dependency of the dataset module), put that jar on the class path: java -cp"
              + " dataset-tools-<version>-cli.jar:<that jar> dev.datajar.tools.cli.Main <command>"
              + " ...",
          dev.datajar.tools.internal.EntitySchema.classMissing(
                  in,
                  java.util.List.of("dev.datajar.Edge"),
                  new NoClassDefFoundError("com/acme/common/Unit"))
              .getMessage());
    }
  }

  @Test
  void dump_refusesAnUnknownTable() throws Exception {
    try (DataSetInput in = DataSetInput.open(jar, null, null, "edges.jar")) {
      ToolException e =
          assertThrows(
              ToolException.class,
              () ->
                  new Dumper()
                      .dump(in, dir.resolve("never"), java.util.Set.of("airport"), DumpFormat.CSV));
      assertEquals("dataset 'edges' has no table 'airport'. Tables: edge", e.getMessage());
    }
  }

  /** A copy of the corpus file in a folder of its own (no manifest beside it), changed by sql. */
  private static Path copyWith(String name, String sql) throws Exception {
    Path folder = Files.createTempDirectory(dir, "copy");
    Path copy = folder.resolve(name);
    Files.copy(built.resolve("edges.sqlite"), copy, StandardCopyOption.REPLACE_EXISTING);
    if (sql != null) {
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
          Statement s = c.createStatement()) {
        s.execute(sql);
      }
    }
    return copy;
  }

  private static String message(Path p) {
    return assertThrows(ToolException.class, () -> DataSetInput.open(p, null, null, null))
        .getMessage();
  }
}
