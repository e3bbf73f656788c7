package dev.datajar.it;

import dev.datajar.it.shop.Product;
import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.DataSets;

/**
 * Opens the shop dataset of the packaged jar with no setting but what the JVM's system properties
 * and environment give, as a service does, and prints {@code OPENED <file> <products>} or {@code
 * REFUSED <message>}; run by {@link ReadOnlyCacheIT} on a read-only file system.
 */
public final class ReadOnlyProbe {
  private ReadOnlyProbe() {}

  public static void main(String[] args) {
    try (DataSets dataSets =
        DataSets.builder()
            .dataSets("shop")
            .classLoader(ReadOnlyProbe.class.getClassLoader())
            .open()) {
      System.out.println(
          "OPENED " + dataSets.file("shop") + " " + dataSets.store(Product.class).count());
    } catch (DataSetOpenException e) {
      System.out.println("REFUSED " + e.getMessage());
    }
  }
}
