package dev.datajar.it;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.datajar.it.shop.Product;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSets;

/**
 * A service's normal start as {@link QuietStartIT} runs it in a JVM of its own: open every dataset,
 * read one row, print one line, close.
 */
public final class QuietProbe {
  private QuietProbe() {}

  public static void main(String[] args) {
    Injector injector = Guice.createInjector(new DataSetModule());
    try (DataSets dataSets = injector.getInstance(DataSets.class)) {
      System.out.println(
          "sku " + Injectors.store(injector, Product.class).get(1L).orElseThrow().getSku());
    }
  }
}
