package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.datajar.it.shop.Category;
import dev.datajar.it.shop.Product;
import dev.datajar.it.shop.ProductStore;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A store subclass with finders, a default order and a default filter, injected unbound. */
class ProductStoreTest {
  /** A service as users write them: field injection, no module of its own. */
  static class Catalog {
    @Inject ProductStore shopFront;
    @Inject Store<Product> allProducts;
    @Inject Store<Category> categories;
  }

  private final Catalog catalog = Injectors.shared().getInstance(Catalog.class);

  private static List<String> skus(List<Product> rows) {
    return rows.stream().map(Product::getSku).toList();
  }

  @Test
  void injectedWithNoBinding_andReadsItsEntity() {
    assertEquals(Product.class, catalog.shopFront.entityType());
    assertEquals(Category.class, catalog.categories.entityType());
    assertSame(catalog.allProducts, Injectors.shared().getInstance(Catalog.class).allProducts);
  }

  @Test
  void defaultOrderAndFilter_applyToSearch() {
    // active products only, by name
    assertEquals(
        List.of(
            "GFT-01", "LAP-13", "LAP-15", "MOW-01", "PHN-01", "RAK-01", "SHV-01", "TAB-01",
            "CBL-01"),
        skus(catalog.shopFront.search()));
    assertEquals(9, catalog.shopFront.count());
    try (Stream<Product> s = catalog.shopFront.stream()) {
      assertEquals(skus(catalog.shopFront.search()), skus(s.toList()));
    }
    assertEquals(Optional.of("GFT-01"), catalog.shopFront.first(Query.all()).map(Product::getSku));
    assertEquals(11, catalog.allProducts.count());
  }

  @Test
  void defaultFilter_appliesToEveryLookup() {
    assertEquals(Optional.empty(), catalog.shopFront.get(4L)); // inactive
    assertEquals("PHN-02", catalog.allProducts.get(4L).orElseThrow().getSku());
    assertEquals(
        List.of(true, false, true),
        catalog.shopFront.getAll(List.of(3L, 4L, 1L)).stream().map(Optional::isPresent).toList());
    assertEquals(Optional.empty(), catalog.shopFront.bySku("OLD-01"));
    assertEquals(
        1,
        catalog.shopFront.count(
            Query.where(Where.eq("category.id", 4L)).and(Where.like("name", "Phone%"))));
  }

  @Test
  void finders() {
    assertEquals("Phone One", catalog.shopFront.bySku("PHN-01").orElseThrow().getName());
    assertEquals(List.of("LAP-13", "LAP-15"), skus(catalog.shopFront.inCategory(3)));
    assertEquals(
        List.of("CBL-01", "RAK-01", "SHV-01"),
        skus(catalog.shopFront.cheaperThan(new BigDecimal("99.95"))));
  }

  @Test
  void anExplicitOrder_replacesTheDefaultOne() {
    assertEquals(
        List.of("TAB-01", "SHV-01"),
        skus(catalog.shopFront.search(Query.all().orderByDesc("sku").limit(2))));
  }
}
