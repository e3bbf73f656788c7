package dev.datajar.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.datajar.runtime.fixture.Atlas;
import dev.datajar.runtime.fixture.Country;
import dev.datajar.runtime.fixture.CountryStore;
import dev.datajar.runtime.fixture.Fixtures;
import dev.datajar.runtime.fixture.PopulatedCountryStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store subclasses and injection into user classes, with no binding of their own. */
class CustomStoreTest {
  @TempDir static Path root;
  static Injector injector;

  @BeforeAll
  static void open() {
    Fixtures.geo(root);
    injector =
        Guice.createInjector(DataSetModule.builder().classLoader(Fixtures.loader(root)).build());
  }

  @AfterAll
  static void close() {
    injector.getInstance(DataSets.class).close();
  }

  @Test
  void subclass_isInjectableWithoutBinding() {
    Atlas atlas = injector.getInstance(Atlas.class);
    assertEquals("Japan", atlas.countryStore().byAlpha2("JP").orElseThrow().getName());
    assertEquals(Optional.empty(), atlas.countryStore().byAlpha2("XX"));
    assertEquals(Country.class, atlas.countryStore().entityType());
    assertEquals(10, atlas.cities().count());
  }

  @Test
  void genericStore_isASingleton() {
    assertSame(
        injector.getInstance(Atlas.class).countries(),
        injector.getInstance(Atlas.class).countries());
  }

  @Test
  void subclass_defaultOrderAppliesWhenTheQueryHasNone() {
    CountryStore store = injector.getInstance(CountryStore.class);
    assertEquals(
        List.of("Antarctica", "Brazil", "Egypt"),
        store.search(Query.all().limit(3)).stream().map(Country::getName).toList());
    assertEquals(
        List.of("FR", "DE"),
        store.search(Query.all().orderBy("id").limit(2)).stream().map(Country::getAlpha2).toList());
  }

  @Test
  void subclass_defaultFilterAppliesToEveryLookup() {
    PopulatedCountryStore store = injector.getInstance(PopulatedCountryStore.class);
    assertEquals(9, store.count());
    assertEquals(9, store.search().size());
    assertEquals(Optional.empty(), store.get(7L)); // Antarctica has no population
    assertEquals("France", store.get(1L).orElseThrow().getName());
    List<Optional<Country>> all = store.getAll(List.of(7L, 1L));
    assertTrue(all.get(0).isEmpty());
    assertEquals("France", all.get(1).orElseThrow().getName());
    assertEquals(Optional.empty(), store.first(Query.where(Where.eq("alpha2", "AQ"))));
  }

  @Test
  void subclass_createdWithNew_saysHowToGetOne() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new CountryStore().count());
    assertEquals(
        "dev.datajar.runtime.fixture.CountryStore is not attached to a dataset: get it"
            + " from DataSets.store(), attach it with DataSets.attach(), or inject it with"
            + " DataSetModule installed",
        e.getMessage());
  }
}
