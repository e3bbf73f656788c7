package dev.datajar.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.datasets.isocodes.Country;
import dev.datajar.datasets.isocodes.CountryStore;
import dev.datajar.datasets.isocodes.Currency;
import dev.datajar.runtime.DataSetChanges;
import dev.datajar.runtime.DataSetInfo;
import dev.datajar.runtime.DataSetListener;
import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Store;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * A real Spring Boot application over the iso-codes dataset jar built by this reactor: the
 * auto-configuration is found through its imports file, not named by the test.
 */
class DataJarAutoConfigurationTest {
  @TempDir Path cache;

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    /** A custom store, declared as a bean like any other. */
    @Bean
    CountryStore countryStore() {
      return new CountryStore();
    }

    @Bean
    Lookups lookups() {
      return new Lookups();
    }
  }

  /** Where the application's code gets its stores: by generic type. */
  @Component
  static class Lookups {
    @Autowired Store<Country> countries;
    @Autowired Store<Currency> currencies;
    @Autowired CountryStore countryStore;
  }

  private ConfigurableApplicationContext start(String... properties) {
    return new SpringApplicationBuilder(App.class)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .properties("datajar.cache-directory=" + cache)
        .properties(properties)
        .run();
  }

  @Test
  void context_injectsStoresByEntityAndAttachesCustomStores() throws Exception {
    Lookups lookups;
    DataSets dataSets;
    try (ConfigurableApplicationContext context = start()) {
      lookups = context.getBean(Lookups.class);
      dataSets = context.getBean(DataSets.class);
      assertEquals(Set.of("iso-codes"), dataSets.names());
      assertEquals("Côte d'Ivoire", lookups.countries.get("CI").orElseThrow().getName());
      assertEquals("Euro", lookups.currencies.get("EUR").orElseThrow().getName());
      assertEquals("CIV", lookups.countryStore.byCode("384").orElseThrow().getAlpha3());
      assertSame(dataSets.store(Country.class), lookups.countries);
      // datajar.cache-directory was used: the dataset was copied out of its jar there.
      assertTrue(
          dataSets.file("iso-codes").startsWith(cache), dataSets.file("iso-codes").toString());
      assertTrue(Files.isRegularFile(dataSets.file("iso-codes")));
    }
    // Closed with the context: every store read fails from now on.
    assertThrows(RuntimeException.class, () -> lookups.countries.count());
    assertThrows(RuntimeException.class, () -> lookups.countryStore.byCode("CI"));
  }

  @Test
  void datasetsProperty_namesWhatToOpen_andAnUnknownOneFailsTheStart() {
    try (ConfigurableApplicationContext context = start("datajar.datasets=iso-codes")) {
      assertEquals(Set.of("iso-codes"), context.getBean(DataSets.class).names());
    }
    Throwable failure = assertThrows(RuntimeException.class, () -> start("datajar.datasets=nope"));
    while (!(failure instanceof DataSetOpenException) && failure.getCause() != null) {
      failure = failure.getCause();
    }
    assertTrue(failure instanceof DataSetOpenException, String.valueOf(failure));
    assertEquals("nope", ((DataSetOpenException) failure).dataSet());
  }

  @Test
  void pathsProperty_readsADatasetFromAFile() throws Exception {
    Path file;
    try (ConfigurableApplicationContext context = start()) {
      file = context.getBean(DataSets.class).file("iso-codes"); // the cached copy
    }
    Path elsewhere = cache.resolve("elsewhere").resolve("iso-codes.sqlite");
    Files.createDirectories(elsewhere.getParent());
    Files.copy(file, elsewhere);
    try (ConfigurableApplicationContext context = start("datajar.paths.iso-codes=" + elsewhere)) {
      DataSets dataSets = context.getBean(DataSets.class);
      // read through a private link to it (the same inode)
      assertTrue(
          Files.isSameFile(elsewhere, dataSets.file("iso-codes")), "" + dataSets.file("iso-codes"));
      assertEquals(
          "Japan", context.getBean(Lookups.class).countries.get("JP").orElseThrow().getName());
    }
  }

  @Test
  void cacheRetentionProperty_removesCopiesNoJvmHasUsedForThatLong() throws Exception {
    // A copy of an older version, last used three days ago by a JVM that has stopped.
    Path old = cache.resolve("0123456789abcdef".repeat(4) + ".sqlite");
    Path oldLock = cache.resolve("0123456789abcdef".repeat(4) + ".lock");
    Files.writeString(old, "an older version");
    Files.writeString(oldLock, "");
    FileTime threeDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(3)));
    Files.setLastModifiedTime(old, threeDaysAgo);
    Files.setLastModifiedTime(oldLock, threeDaysAgo);
    try (ConfigurableApplicationContext context = start()) {
      assertTrue(Files.exists(old), "kept: the default retention is 7 days");
    }
    try (ConfigurableApplicationContext context = start("datajar.cache-retention=2d")) {
      assertFalse(Files.exists(old), "removed: unused for longer than 2 days");
      assertFalse(Files.exists(oldLock));
      Path served = context.getBean(DataSets.class).file("iso-codes");
      assertTrue(Files.isRegularFile(served), served.toString());
    }
  }

  @Test
  void followProperty_readsTheFileThroughAPrivateLink_andReloadTakesANewOne() throws Exception {
    Path file;
    try (ConfigurableApplicationContext context = start()) {
      file = context.getBean(DataSets.class).file("iso-codes"); // the cached copy
    }
    Path elsewhere = cache.resolve("followed").resolve("iso-codes.sqlite");
    Files.createDirectories(elsewhere.getParent());
    Files.copy(file, elsewhere);
    try (ConfigurableApplicationContext context =
        start("datajar.paths.iso-codes=" + elsewhere, "datajar.follow.iso-codes=1h")) {
      DataSets dataSets = context.getBean(DataSets.class);
      Path pinned = dataSets.file("iso-codes");
      assertEquals(cache.resolve("pinned"), pinned.getParent()); // followed: a private link
      Path next = elsewhere.resolveSibling(".next");
      Files.copy(file, next);
      Files.move(next, elsewhere, StandardCopyOption.ATOMIC_MOVE);
      dataSets.reload("iso-codes");
      assertTrue(!dataSets.file("iso-codes").equals(pinned), "a new version is served");
      assertEquals(
          "Japan", context.getBean(Lookups.class).countries.get("JP").orElseThrow().getName());

      // A version with one country renamed: a listener is told what changed.
      List<DataSetChanges> told = new ArrayList<>();
      dataSets.addListener(
          new DataSetListener() {
            @Override
            public void switched(String name, DataSetInfo old, DataSetInfo now, Changes changes) {
              told.add(changes.get().orElseThrow());
            }
          });
      Files.copy(file, next);
      next.toFile().setWritable(true);
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + next);
          Statement st = c.createStatement()) {
        assertEquals(
            1, st.executeUpdate("update country set name = 'Nippon' where alpha_2 = 'JP'"));
      }
      Files.move(next, elsewhere, StandardCopyOption.ATOMIC_MOVE);
      dataSets.reload("iso-codes");
      assertEquals(
          "Nippon", context.getBean(Lookups.class).countries.get("JP").orElseThrow().getName());
      assertEquals(1, told.size());
      DataSetChanges.TableChanges countries = told.get(0).table("country").orElseThrow();
      assertEquals(
          List.of(0L, 0L, 1L),
          List.of(countries.added(), countries.removed(), countries.changed()));
      assertEquals(List.of(new DataSetChanges.ColumnCount("name", 1)), countries.changedColumns());
      assertEquals(1, told.get(0).changed(), "no other table changed");
      assertEquals(List.of(), told.get(0).schemaChanges());
    }
  }

  @Test
  void pathsProperty_aDirectoryOfJars_servesTheNewestThatPassesItsChecks() throws Exception {
    // The iso-codes jar as the plugin built it, dropped into a directory as an operator would.
    Path jar = datasetJar();
    Path dir = Files.createDirectories(cache.resolve("drop"));
    Path part = dir.resolve(".iso-codes.jar.part");
    Files.copy(jar, part);
    Files.move(part, dir.resolve("dataset-iso-codes.jar"), StandardCopyOption.ATOMIC_MOVE);
    try (ConfigurableApplicationContext context =
        start("datajar.paths.iso-codes=" + dir, "datajar.follow.iso-codes=1h")) {
      DataSets dataSets = context.getBean(DataSets.class);
      DataSetInfo served = dataSets.info("iso-codes");
      assertTrue(served.source().contains("dataset-iso-codes.jar"), served.source());
      assertTrue(dataSets.file("iso-codes").startsWith(cache), dataSets.file("iso-codes") + "");
      // A newer version whose file does not match its manifest: refused, the first one serves on.
      Path bad = dir.resolve(".bad.part");
      newerAndDamaged(jar, bad);
      Files.move(bad, dir.resolve("dataset-iso-codes-99.0.jar"), StandardCopyOption.ATOMIC_MOVE);
      DataSetOpenException e =
          assertThrows(DataSetOpenException.class, () -> dataSets.reload("iso-codes"));
      assertTrue(e.getMessage().contains("dataset-iso-codes-99.0.jar"), e.getMessage());
      assertEquals(served.sha256(), dataSets.info("iso-codes").sha256());
      assertEquals(
          "Japan", context.getBean(Lookups.class).countries.get("JP").orElseThrow().getName());
    }
  }

  /** The jar this test's class path reads iso-codes from. */
  private static Path datasetJar() throws Exception {
    URL manifest =
        DataJarAutoConfigurationTest.class
            .getClassLoader()
            .getResource("META-INF/datasets/iso-codes.manifest.json");
    JarURLConnection c = (JarURLConnection) manifest.openConnection();
    return Path.of(c.getJarFileURL().toURI());
  }

  /** A copy of {@code jar} as version 99.0, whose manifest gives another sha256 for its file. */
  private static void newerAndDamaged(Path jar, Path out) throws Exception {
    try (JarFile in = new JarFile(jar.toFile());
        JarOutputStream o = new JarOutputStream(Files.newOutputStream(out))) {
      for (JarEntry e : Collections.list(in.entries())) {
        byte[] b = in.getInputStream(e).readAllBytes();
        if (e.getName().endsWith(".manifest.json")) {
          // Another sha256 than its file's (a manifest naming the served file would be no change).
          b =
              new String(b, StandardCharsets.UTF_8)
                  .replaceFirst("(\"sha256\" : \")([0-9a-f]{64})", "$1" + "ab".repeat(32))
                  .getBytes(StandardCharsets.UTF_8);
        } else if (e.getName().endsWith("/pom.properties")) {
          b =
              new String(b, StandardCharsets.ISO_8859_1)
                  .replaceAll("(?m)^version=.*$", "version=99.0")
                  .getBytes(StandardCharsets.ISO_8859_1);
        }
        o.putNextEntry(new JarEntry(e.getName()));
        o.write(b);
        o.closeEntry();
      }
    }
  }
}
