package dev.datajar.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.datajar.runtime.fixture.Country;
import dev.datajar.runtime.fixture.Fixtures;
import dev.datajar.runtime.fixture.Vendor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset locations given through the module, a system property or an environment variable. */
class OverrideTest {
  @TempDir Path tmp;

  private static long countries(Injector injector) {
    return injector.getInstance(Key.get(new TypeLiteral<Store<Country>>() {})).count();
  }

  /** A class path with the entities and both manifests, and a geo file elsewhere with 3 rows. */
  private Path elsewhere() {
    Fixtures.geo(tmp.resolve("classes"));
    Fixtures.oui(tmp.resolve("classes"));
    Path other = tmp.resolve("other");
    Fixtures.write(
        other,
        "geo",
        List.of(dev.datajar.runtime.fixture.City.class, Country.class),
        Fixtures.GEO_ROWS.subList(0, 3));
    return Fixtures.sqlite(other, "geo");
  }

  private DataSetModule.Builder module() {
    return DataSetModule.builder()
        .classLoader(Fixtures.loader(tmp.resolve("classes")))
        .systemProperties(k -> null)
        .environment(k -> null);
  }

  @Test
  void modulePath_wins() throws Exception {
    Path file = elsewhere();
    Injector i =
        Guice.createInjector(
            module()
                .path("geo", file)
                .systemProperties(k -> k.equals("datajar.geo.path") ? "/nowhere" : null)
                .build());
    try (DataSets engines = i.getInstance(DataSets.class)) {
      // read through a private link to it (PinnedFiles), the same inode
      assertTrue(Files.isSameFile(file, engines.file("geo")), engines.file("geo") + "");
      assertEquals(3, countries(i));
      assertEquals(Set.of("geo", "oui"), engines.names());
    }
  }

  @Test
  void systemProperty_overridesTheClassPath() {
    Path file = elsewhere();
    Injector i =
        Guice.createInjector(
            module()
                .systemProperties(k -> k.equals("datajar.geo.path") ? file.toString() : null)
                .environment(k -> k.equals("DATAJAR_GEO_PATH") ? "/nowhere" : null)
                .build());
    try (DataSets engines = i.getInstance(DataSets.class)) {
      assertEquals(3, countries(i));
    }
  }

  @Test
  void environmentVariable_overridesTheClassPath() {
    Path file = elsewhere();
    Injector i =
        Guice.createInjector(
            module()
                .dataSets("geo")
                .environment(k -> k.equals("DATAJAR_GEO_PATH") ? file.toString() : null)
                .build());
    try (DataSets engines = i.getInstance(DataSets.class)) {
      assertEquals(3, countries(i));
      assertEquals(Set.of("geo"), engines.names());
      // only the named dataset is bound
      assertThrows(
          Exception.class, () -> i.getInstance(Key.get(new TypeLiteral<Store<Vendor>>() {})));
    }
  }

  @Test
  void overridingFileWithoutManifest_isCheckedAgainstTheSchema() throws Exception {
    Path file = elsewhere();
    Files.delete(file.resolveSibling("geo.manifest.json"));
    Injector i = Guice.createInjector(module().path("geo", file).build());
    try (DataSets engines = i.getInstance(DataSets.class)) {
      assertEquals(3, countries(i));
    }
  }

  @Test
  void cacheDirectory_fromSystemPropertyThenVariable() throws Exception {
    Path classes = tmp.resolve("jarred");
    String sha = Fixtures.sha256(Fixtures.geo(classes));
    Path jar = Fixtures.jar(classes, tmp.resolve("geo.jar"));
    Path byProperty = tmp.resolve("by-property");
    Injector i =
        Guice.createInjector(
            DataSetModule.builder()
                .classLoader(Fixtures.loader(jar))
                .systemProperties(k -> k.equals("datajar.cache.dir") ? byProperty.toString() : null)
                .environment(k -> k.equals("DATAJAR_CACHE_DIR") ? "/nowhere" : null)
                .build());
    try (DataSets engines = i.getInstance(DataSets.class)) {
      assertEquals(byProperty.resolve(sha + ".sqlite"), engines.file("geo"));
    }
    Path byVariable = tmp.resolve("by-variable");
    i =
        Guice.createInjector(
            DataSetModule.builder()
                .classLoader(Fixtures.loader(jar))
                .systemProperties(k -> null)
                .environment(k -> k.equals("DATAJAR_CACHE_DIR") ? byVariable.toString() : null)
                .build());
    try (DataSets engines = i.getInstance(DataSets.class)) {
      assertEquals(byVariable.resolve(sha + ".sqlite"), engines.file("geo"));
    }
  }
}
