package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.datajar.it.corpus.CsvValue;
import dev.datajar.it.shop.Product;
import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Store;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Opening at injector creation, choosing datasets, and closing. */
class LifecycleTest {
  @Test
  void productionInjector_opensEveryDataSetOnTheClassPath() {
    Injector injector = Guice.createInjector(Stage.PRODUCTION, new DataSetModule());
    try (DataSets engines = injector.getInstance(DataSets.class)) {
      // iso-codes: a test dependency for the dependency-trees invoker case, so on the class path.
      assertEquals(Set.of("corpus", "iso-codes", "lobs", "shop"), engines.names());
      assertEquals(Injectors.builtFile("shop.sqlite"), engines.file("shop"));
      assertEquals(
          List.of(
              "dev.datajar.it.shop.Category",
              "dev.datajar.it.shop.Product",
              "dev.datajar.it.shop.Reading",
              "dev.datajar.it.shop.Stock",
              "dev.datajar.it.shop.Tag"),
          engines.entities("shop").stream().map(Class::getName).sorted().toList());
      assertEquals(8, Injectors.store(injector, CsvValue.class).count());
    }
  }

  @Test
  void closedEngines_refuseReads() {
    Injector injector = Guice.createInjector(DataSetModule.builder().dataSets("shop").build());
    Store<Product> products = Injectors.store(injector, Product.class);
    assertEquals(11, products.count());
    DataSets engines = injector.getInstance(DataSets.class);
    engines.close();
    engines.close(); // idempotent
    DataSetException e = assertThrows(DataSetException.class, products::search);
    assertEquals(
        "dataset 'shop' is closed: DataSets.close() was called; open the"
            + " datasets again (a new DataSets or injector) to read it",
        e.getMessage());
    assertThrows(DataSetException.class, () -> products.get(1L));
  }

  @Test
  void onlyTheNamedDataSets_areBound() {
    Injector injector = Guice.createInjector(DataSetModule.builder().dataSets("corpus").build());
    try (DataSets engines = injector.getInstance(DataSets.class)) {
      assertEquals(Set.of("corpus"), engines.names());
      RuntimeException e =
          assertThrows(RuntimeException.class, () -> Injectors.store(injector, Product.class));
      assertTrue(
          e.getMessage()
              .contains(
                  "Store<Product>: Product is not an"
                      + " entity of an opened dataset (opened: corpus). Check that its dataset's jar is on"
                      + " the class path and that DataSetModule opens its dataset."),
          e.getMessage());
    }
  }
}
