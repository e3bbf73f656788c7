package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.datajar.it.corpus.CsvValue;
import dev.datajar.it.shop.Product;
import dev.datajar.runtime.DataSetEngines;
import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.Store;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Opening at injector creation, choosing datasets, and closing. */
class LifecycleTest {
  @Test
  void productionInjector_opensEveryDataSetOnTheClassPath() {
    Injector injector = Guice.createInjector(Stage.PRODUCTION, new DataSetModule());
    try (DataSetEngines engines = injector.getInstance(DataSetEngines.class)) {
      assertEquals(Set.of("corpus", "shop"), engines.names());
      assertEquals(Injectors.builtFile("shop.sqlite"), engines.file("shop"));
      assertEquals(List.of("dev.datajar.it.shop.Category", "dev.datajar.it.shop.Product",
          "dev.datajar.it.shop.Reading", "dev.datajar.it.shop.Stock", "dev.datajar.it.shop.Tag"),
          engines.entities("shop").stream().map(Class::getName).sorted().toList());
      assertEquals(8, Injectors.store(injector, CsvValue.class).count());
    }
  }

  @Test
  void closedEngines_refuseReads() {
    Injector injector = Guice.createInjector(DataSetModule.builder().dataSets("shop").build());
    Store<Product> products = Injectors.store(injector, Product.class);
    assertEquals(11, products.count());
    DataSetEngines engines = injector.getInstance(DataSetEngines.class);
    engines.close();
    engines.close(); // idempotent
    DataSetException e = assertThrows(DataSetException.class, products::search);
    assertEquals("dataset 'shop' is closed: its DataSetEngines were closed; create a new"
        + " injector to read it again", e.getMessage());
    assertThrows(DataSetException.class, () -> products.get(1L));
  }

  @Test
  void onlyTheNamedDataSets_areBound() {
    Injector injector = Guice.createInjector(DataSetModule.builder().dataSets("corpus").build());
    try (DataSetEngines engines = injector.getInstance(DataSetEngines.class)) {
      assertEquals(Set.of("corpus"), engines.names());
      RuntimeException e = assertThrows(RuntimeException.class,
          () -> Injectors.store(injector, Product.class));
      assertTrue(e.getMessage().contains("IllegalStateException: this Store<...> reads an entity"
          + " of no opened dataset (opened: corpus). Check that the entity's dataset jar is on"
          + " the class path and that DataSetModule opens its dataset.\n  at Store.attach"),
          e.getMessage());
      assertTrue(e.getMessage().contains("while locating Store<Product>"), e.getMessage());
    }
  }
}
