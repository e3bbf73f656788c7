package dev.datajar.it;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.datajar.it.shop.Product;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSets;
import java.nio.file.Path;

/**
 * Opens the datasets of the packaged jar through a cache directory and reads one product; run on a
 * class loader of its own or as a separate JVM by {@link JarCacheIT}.
 */
public final class CacheProbe {
  private CacheProbe() {}

  /** {@code <file the shop dataset was read from>|<products>|<sku of product 1>}. */
  public static String probe(Path cacheDirectory) {
    Injector injector =
        Guice.createInjector(
            DataSetModule.builder()
                .cacheDirectory(cacheDirectory)
                .classLoader(CacheProbe.class.getClassLoader())
                .build());
    try (DataSets engines = injector.getInstance(DataSets.class)) {
      var products = Injectors.store(injector, Product.class);
      return engines.file("shop")
          + "|"
          + products.count()
          + "|"
          + products.get(1L).orElseThrow().getSku();
    }
  }

  public static void main(String[] args) {
    System.out.println("PROBE " + probe(Path.of(args[0])));
  }
}
