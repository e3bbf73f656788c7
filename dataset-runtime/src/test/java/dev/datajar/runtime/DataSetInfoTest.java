package dev.datajar.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.datajar.runtime.fixture.City;
import dev.datajar.runtime.fixture.Country;
import dev.datajar.runtime.fixture.CountryStore;
import dev.datajar.runtime.fixture.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DataSets#info}: which version of a dataset is served, from a jar (coordinates, time), a
 * class folder and a file given by a setting; and {@link StoreObserver}: every store call seen
 * once, with its failure.
 */
class DataSetInfoTest {
  private static final Instant BUILT = Instant.parse("2026-11-22T00:00:00Z");

  @TempDir Path tmp;

  /** A dataset jar as Maven packs one: the dataset, its manifest and a pom.properties. */
  private Path geoJar() throws IOException {
    Path classes = tmp.resolve("classes");
    Fixtures.geo(classes);
    Path pom = classes.resolve("META-INF/maven/org.example/geo-data/pom.properties");
    Files.createDirectories(pom.getParent());
    Files.writeString(
        pom,
        "artifactId=geo-data\ngroupId=org.example\nversion=1.2.3\n",
        StandardCharsets.ISO_8859_1);
    Path jar = tmp.resolve("geo-data-1.2.3.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        JarEntry e = new JarEntry(classes.relativize(f).toString().replace('\\', '/'));
        e.setLastModifiedTime(FileTime.from(BUILT)); // as project.build.outputTimestamp sets it
        j.putNextEntry(e);
        Files.copy(f, j);
        j.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void info_ofADatasetInAJar_namesItsArtifactChecksumRowsAndSource() throws IOException {
    Path jar = geoJar();
    String sha = Fixtures.sha256(Fixtures.sqlite(tmp.resolve("classes"), "geo"));
    Path cache = tmp.resolve("cache");
    Instant before = Instant.now();
    try (DataSets dataSets =
        DataSets.builder().classLoader(Fixtures.loader(jar)).cacheDirectory(cache).open()) {
      Instant after = Instant.now();
      DataSetInfo info = dataSets.info("geo");
      assertEquals("geo", info.name());
      assertEquals(new DataSetInfo.Artifact("org.example", "geo-data", "1.2.3"), info.artifact());
      assertEquals("org.example:geo-data:1.2.3", info.artifact().toString());
      assertEquals(sha, info.sha256());
      assertNull(info.schema());
      assertEquals(Map.of("city", 10L, "country", 10L), info.tables());
      assertEquals(20, info.totalRows());
      assertEquals(List.of(City.class.getName(), Country.class.getName()), sorted(info.entities()));
      assertEquals(BUILT, info.builtAt());
      assertEquals("test", info.datajarVersion());
      assertEquals(
          "jar:" + jar.toUri().toURL() + "!/META-INF/datasets/geo.sqlite",
          info.source(),
          "the resource inside the jar");
      assertEquals(dataSets.file("geo"), info.file());
      assertTrue(info.file().startsWith(cache), info.file() + " is the cached copy");
      assertFalse(info.servedSince().isBefore(before), info.servedSince() + " vs " + before);
      assertFalse(info.servedSince().isAfter(after), info.servedSince() + " vs " + after);
      assertEquals(List.of(info), dataSets.info());
      assertTrue(dataSets.isOpen());
      dataSets.close();
      assertFalse(dataSets.isOpen());
      assertEquals(info, dataSets.info("geo"), "still described once closed");
    }
  }

  @Test
  void info_ofAClassFolderAndOfAFileSetting_hasNoArtifact() throws IOException {
    Path classes = tmp.resolve("classes");
    Path file = Fixtures.geo(classes);
    try (DataSets dataSets = DataSets.builder().classLoader(Fixtures.loader(classes)).open()) {
      DataSetInfo info = dataSets.info("geo");
      assertNull(info.artifact());
      assertNull(info.builtAt());
      assertEquals(file.toUri().toURL().toString(), info.source());
      assertEquals(file, info.file());
      assertEquals(Fixtures.sha256(file), info.sha256());
    }
    Path copy = Files.copy(file, tmp.resolve("geo-copy.sqlite"));
    try (DataSets dataSets =
        DataSets.builder().classLoader(Fixtures.loader(classes)).path("geo", copy).open()) {
      DataSetInfo info = dataSets.info("geo");
      assertNull(info.artifact());
      assertEquals(
          copy + " (from path(\"geo\", ...) on the builder, or datajar.paths.geo in Spring Boot)",
          info.source());
      assertTrue(Files.isSameFile(copy, info.file()), info.file() + " links to the file");
      assertNull(info.sha256(), "the class path's manifest describes another file");
      assertEquals(Map.of("city", 10L, "country", 10L), info.tables());
    }
  }

  @Test
  void info_ofADatasetNotOpen_namesThoseOpen() {
    Path classes = tmp.resolve("classes");
    Fixtures.geo(classes);
    try (DataSets dataSets = DataSets.builder().classLoader(Fixtures.loader(classes)).open()) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> dataSets.info("oui"));
      assertEquals("dataset 'oui' is not open (open: geo)", e.getMessage());
    }
  }

  /** Every call as the observer saw it: "dataset entity operation outcome". */
  private static final class Seen implements StoreObserver {
    final List<String> asked = Collections.synchronizedList(new ArrayList<>());
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Calls calls(String dataSet, Class<?> entityType) {
      asked.add(dataSet + " " + entityType.getSimpleName());
      return (operation, nanos, failure) -> {
        assertTrue(nanos >= 0, operation + " took " + nanos);
        calls.add(
            entityType.getSimpleName()
                + " "
                + operation
                + " "
                + (failure == null ? "ok" : failure.getClass().getSimpleName()));
      };
    }
  }

  @Test
  void observer_seesEveryStoreCallOnceWithItsFailure() {
    Path classes = tmp.resolve("classes");
    Fixtures.geo(classes);
    Seen seen = new Seen();
    try (DataSets dataSets =
        DataSets.builder().classLoader(Fixtures.loader(classes)).observer(seen).open()) {
      Store<Country> countries = dataSets.store(Country.class);
      assertEquals("Japan", countries.get(3L).orElseThrow().getName());
      assertEquals(1, countries.getAll(List.of(1L)).size());
      assertEquals(4, countries.search(Query.where(Where.eq("continent", "EU"))).size());
      assertTrue(countries.first(Query.all()).isPresent());
      assertThrows(
          RowNotFoundException.class, () -> countries.one(Query.where(Where.eq("alpha2", "XX"))));
      assertEquals(10, countries.count());
      try (Stream<Country> s = countries.stream()) {
        assertEquals(10, s.count());
      }
      assertEquals(List.of(10L), countries.query("select count(*) from Country", Long.class));
      assertEquals(List.of(10L), countries.sql("select count(*) from city", Long.class));
      CountryStore custom = dataSets.attach(new CountryStore());
      assertEquals("Japan", custom.byAlpha2("JP").orElseThrow().getName());
      assertEquals(10, dataSets.store(City.class).count());
      assertThrows(
          IllegalArgumentException.class, () -> countries.search(Query.where(Where.eq("nope", 1))));
    }
    assertEquals(List.of("geo Country", "geo City"), seen.asked, "asked once per entity");
    assertEquals(
        List.of(
            "Country get ok",
            "Country getAll ok",
            "Country search ok",
            "Country first ok",
            "Country one RowNotFoundException",
            "Country count ok",
            "Country stream ok",
            "Country query ok",
            "Country sql ok",
            "Country first ok",
            "City count ok",
            "Country search IllegalArgumentException"),
        seen.calls);
  }

  @Test
  void observer_throughGuice_seesInjectedStores() {
    Path classes = tmp.resolve("classes");
    Fixtures.geo(classes);
    Seen seen = new Seen();
    Injector injector =
        Guice.createInjector(
            DataSetModule.builder().classLoader(Fixtures.loader(classes)).observer(seen).build());
    DataSets dataSets = injector.getInstance(DataSets.class);
    try {
      CountryStore countries = injector.getInstance(CountryStore.class);
      assertEquals("Japan", countries.byAlpha2("JP").orElseThrow().getName());
      assertEquals("geo", dataSets.info("geo").name());
    } finally {
      dataSets.close();
    }
    assertEquals(List.of("Country first ok"), seen.calls);
  }

  private static List<String> sorted(List<String> names) {
    List<String> s = new ArrayList<>(names);
    Collections.sort(s);
    return s;
  }
}
