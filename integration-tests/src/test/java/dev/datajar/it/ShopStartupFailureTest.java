package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.datajar.it.shop.Product;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.DataSets;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a dataset can fail to open fails the injector, with a message that says which. */
class ShopStartupFailureTest {
  @TempDir Path dir;

  @Test
  void missingDataSet_namesWhereItLookedAndHowToOverride() {
    DataSetOpenException e =
        Injectors.startFailure(DataSetModule.builder().dataSets("nope").build());
    assertEquals("nope", e.dataSet());
    String m = e.getMessage();
    assertTrue(
        m.startsWith(
            "dataset 'nope' not found: no META-INF/datasets/nope.manifest.json on"
                + " the class path (indexes seen: file:"),
        m);
    assertTrue(m.contains("/target/classes/META-INF/datasets/index"), m);
    assertTrue(m.matches("(?s).*, listing [^)]*'shop'.*"), m); // what a typo was meant to be
    assertTrue(
        m.endsWith(
            "), no system property datajar.nope.path, no environment variable"
                + " DATAJAR_NOPE_PATH. Add the dataset's jar as a dependency, or set"
                + " -Ddatajar.nope.path=/path/to/nope.sqlite. A module's datasets are put into its jar by"
                + " dev.datajar:dataset-maven-plugin when its pom has <execution><goals><goal>build"
                + "</goal></goals></execution> in that plugin's <executions>: the goal runs in phase"
                + " process-classes, so 'mvn package' builds them (an IDE's own compile does not)."),
        m);
  }

  @Test
  void overrideToAMissingFile_namesTheSetting() {
    Path missing = dir.resolve("gone.sqlite");
    DataSetOpenException e =
        Injectors.startFailure(
            DataSetModule.builder().dataSets("shop").path("shop", missing).build());
    assertEquals(
        "dataset 'shop': "
            + missing
            + " (from path(\"shop\", ...) on the builder, or datajar.paths.shop in Spring Boot) does not exist or is not a file (nor a directory of dataset jars). Fix the"
            + " path, or remove the setting to use the dataset jar on the class path.",
        e.getMessage());
  }

  @Test
  void overrideBySystemProperty_isUsedAndNamed() {
    Path missing = dir.resolve("gone.sqlite");
    System.setProperty("datajar.shop.path", missing.toString());
    try {
      DataSetOpenException e =
          Injectors.startFailure(DataSetModule.builder().dataSets("shop").build());
      assertEquals(
          "dataset 'shop': "
              + missing
              + " (from system property datajar.shop.path) does not exist or is not a file (nor a"
              + " directory of dataset jars). Fix the path, or remove the setting to use the dataset"
              + " jar on the class path.",
          e.getMessage());
    } finally {
      System.clearProperty("datajar.shop.path");
    }
  }

  @Test
  void overrideToAGoodCopy_opensIt() throws Exception {
    Path copy = dir.resolve("shop.sqlite");
    Files.copy(Injectors.builtFile("shop.sqlite"), copy);
    Files.copy(Injectors.builtFile("shop.manifest.json"), dir.resolve("shop.manifest.json"));
    Injector i =
        Guice.createInjector(DataSetModule.builder().dataSets("shop").path("shop", copy).build());
    try (DataSets engines = i.getInstance(DataSets.class)) {
      // read through a private link to it (the same inode)
      assertTrue(Files.isSameFile(copy, engines.file("shop")), engines.file("shop") + "");
      assertEquals(11, Injectors.store(i, Product.class).count());
    }
  }

  @Test
  void tamperedFile_failsOnItsChecksum() throws Exception {
    Path copy = dir.resolve("shop.sqlite");
    Files.copy(Injectors.builtFile("shop.sqlite"), copy);
    Files.copy(Injectors.builtFile("shop.manifest.json"), dir.resolve("shop.manifest.json"));
    String expected = ShopWriteRefusalTest.sha256(copy);
    long size = Files.size(copy);
    try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
      f.seek(size - 100);
      int b = f.read();
      f.seek(size - 100);
      f.write(b ^ 0x01);
    }
    DataSetOpenException e =
        Injectors.startFailure(DataSetModule.builder().dataSets("shop").path("shop", copy).build());
    assertEquals(
        "dataset 'shop': "
            + copy
            + " has sha256 "
            + ShopWriteRefusalTest.sha256(copy)
            + " ("
            + size
            + " bytes), but its manifest says "
            + expected
            + " ("
            + size
            + " bytes). The file"
            + " was changed after it was built, or the jar is corrupt: rebuild the dataset.",
        e.getMessage());
  }

  @Test
  void truncatedFile_failsOnItsChecksumNotOnSqlitesComplaint() throws Exception {
    Path copy = dir.resolve("shop.sqlite");
    Files.copy(Injectors.builtFile("shop.sqlite"), copy);
    Files.copy(Injectors.builtFile("shop.manifest.json"), dir.resolve("shop.manifest.json"));
    String expected = ShopWriteRefusalTest.sha256(copy);
    long size = Files.size(copy);
    try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
      f.setLength(4096);
    }
    DataSetOpenException e =
        Injectors.startFailure(DataSetModule.builder().dataSets("shop").path("shop", copy).build());
    assertEquals(
        "dataset 'shop': "
            + copy
            + " has sha256 "
            + ShopWriteRefusalTest.sha256(copy)
            + " (4096 bytes), but its manifest says "
            + expected
            + " ("
            + size
            + " bytes). The file"
            + " was changed after it was built, or the jar is corrupt: rebuild the dataset.",
        e.getMessage());
  }

  @Test
  void notASqliteFile_failsOnItsHeader() throws Exception {
    Path text = dir.resolve("shop.sqlite");
    Files.writeString(text, "id,name\n1,not a database\n".repeat(10), StandardCharsets.UTF_8);
    DataSetOpenException e =
        Injectors.startFailure(DataSetModule.builder().dataSets("shop").path("shop", text).build());
    assertEquals(
        "dataset 'shop': "
            + text
            + " is not a SQLite database (it does not start with"
            + " the SQLite header). Point the dataset at the .sqlite file the builder wrote, or"
            + " rebuild it.",
        e.getMessage());
  }

  @Test
  void foreignSqliteFile_failsOnItsApplicationId() throws Exception {
    Path other = dir.resolve("other.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement s = c.createStatement()) {
      s.execute("create table product (id integer primary key, sku text)");
    }
    DataSetOpenException e =
        Injectors.startFailure(
            DataSetModule.builder().dataSets("shop").path("shop", other).build());
    assertEquals(
        "dataset 'shop': "
            + other
            + " is a SQLite database but not a datajar dataset"
            + " (application_id 0x0, expected 0x444a4152). Build it with the datajar builder.",
        e.getMessage());
  }

  @Test
  void anotherDataSetsFile_failsOnTheSchema() throws Exception {
    Path corpus = dir.resolve("corpus.sqlite");
    Files.copy(Injectors.builtFile("corpus.sqlite"), corpus);
    DataSetOpenException e =
        Injectors.startFailure(
            DataSetModule.builder().dataSets("shop").path("shop", corpus).build());
    String m = e.getMessage();
    assertTrue(
        m.startsWith(
            "dataset 'shop': "
                + corpus
                + " was built from other entity classes"
                + " than those on the class path (schema fingerprint in the file "),
        m);
    assertTrue(
        m.endsWith(
            "Rebuild the dataset with the current entity classes, or use the"
                + " classes of the version it was built with."),
        m);
  }
}
