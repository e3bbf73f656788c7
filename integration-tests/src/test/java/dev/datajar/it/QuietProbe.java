package dev.datajar.it;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.datajar.it.shop.Product;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Store;
import java.util.List;

/**
 * A service's normal start as {@link QuietStartIT} runs it in a JVM of its own: open every dataset,
 * read one row by {@code get} (no Hibernate) and by HQL (which starts Hibernate and its pool),
 * print one line, close.
 */
public final class QuietProbe {
  private QuietProbe() {}

  public static void main(String[] args) {
    Injector injector = Guice.createInjector(new DataSetModule());
    try (DataSets dataSets = injector.getInstance(DataSets.class)) {
      Store<Product> products = Injectors.store(injector, Product.class);
      String sku = products.get(1L).orElseThrow().getSku();
      // get() reads without Hibernate; HQL starts it, whose start-up must be as quiet
      List<String> viaHql =
          products.query("select p.sku from Product p where p.id = ?1", String.class, 1L);
      if (!viaHql.equals(List.of(sku))) {
        throw new IllegalStateException("get found " + sku + ", HQL " + viaHql);
      }
      System.out.println("sku " + sku);
    }
  }
}
