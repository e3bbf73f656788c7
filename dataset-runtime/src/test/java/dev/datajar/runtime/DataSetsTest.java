package dev.datajar.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Inject;
import dev.datajar.runtime.fixture.City;
import dev.datajar.runtime.fixture.Country;
import dev.datajar.runtime.fixture.CountryStore;
import dev.datajar.runtime.fixture.Fixtures;
import dev.datajar.runtime.fixture.Vendor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point without Guice, and what Guice reports for a store of an unknown entity. */
class DataSetsTest {
  @TempDir static Path root;

  private static DataSets.Builder geo() {
    Fixtures.geo(root);
    return DataSets.builder().classLoader(Fixtures.loader(root));
  }

  @Test
  void open_handsOutStoresWithoutAnInjector() {
    try (DataSets dataSets = geo().open()) {
      assertEquals(Set.of("geo"), dataSets.names());
      Store<Country> countries = dataSets.store(Country.class);
      assertSame(countries, dataSets.store(Country.class));
      assertEquals("Japan", countries.get(3L).map(Country::getName).orElse(null));
      CountryStore custom = dataSets.attach(new CountryStore());
      assertEquals("Japan", custom.byAlpha2("JP").orElseThrow().getName());
      assertEquals(10, dataSets.store(City.class).count());
    }
  }

  @Test
  void entities_readsManifestsWithoutOpening() {
    Map<String, List<Class<?>>> entities = geo().entities();
    assertEquals(Set.of("geo"), entities.keySet());
    assertTrue(entities.get("geo").contains(Country.class), entities.toString());
  }

  @Test
  void store_ofAnEntityOfNoOpenedDataset_namesIt() {
    try (DataSets dataSets = geo().open()) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> dataSets.store(Vendor.class));
      assertEquals(
          "dev.datajar.runtime.fixture.Vendor is not an entity of an opened dataset"
              + " (opened: geo). Check that its dataset's jar is on the class path and that the"
              + " dataset is among those opened.",
          e.getMessage());
    }
  }

  /** A service that injects a store of an entity no opened dataset holds. */
  static final class NeedsVendors {
    @Inject Store<Vendor> vendors;
  }

  @Test
  void injector_withAStoreOfAnUnknownEntity_failsAtCreationNamingIt() {
    Fixtures.geo(root);
    DataSetModule module = DataSetModule.builder().classLoader(Fixtures.loader(root)).build();
    CreationException e =
        assertThrows(
            CreationException.class,
            () ->
                Guice.createInjector(
                    module, binder -> binder.bind(NeedsVendors.class).asEagerSingleton()));
    // Guice shortens class names in its messages and lists the full names below them.
    assertTrue(
        e.getMessage()
            .contains(
                "Store<Vendor>: Vendor is not an entity of an opened" + " dataset (opened: geo)."),
        e.getMessage());
    assertTrue(e.getMessage().contains("\"dev.datajar.runtime.fixture.Vendor\""), e.getMessage());
  }
}
