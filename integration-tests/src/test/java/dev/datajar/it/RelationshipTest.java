package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datajar.it.shop.Category;
import dev.datajar.it.shop.Product;
import dev.datajar.it.shop.Stock;
import dev.datajar.it.shop.Tag;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Returned entities are usable after the call: to-one references, collections, join tables and
 * element collections load without a lazy-loading exception.
 */
class RelationshipTest {
  private final Store<Product> products = Injectors.store(Product.class);
  private final Store<Category> categories = Injectors.store(Category.class);
  private final Store<Stock> stock = Injectors.store(Stock.class);

  private static List<String> labels(Product p) {
    return p.getTags().stream().map(Tag::getLabel).toList();
  }

  @Test
  void manyToOne_navigatesUpTheTreeAfterReturn() {
    Product laptop = products.get(1L).orElseThrow();
    Category c = laptop.getCategory();
    assertEquals("laptops", c.getCode());
    assertEquals("computers", c.getParent().getCode());
    assertEquals("electronics", c.getParent().getParent().getCode());
    assertEquals(null, c.getParent().getParent().getParent());
  }

  @Test
  void oneToMany_childrenDefinedAfterTheirReferencesLoad() {
    Category electronics = categories.get(1L).orElseThrow();
    assertEquals(
        List.of("computers", "phones"),
        electronics.getChildren().stream().map(Category::getCode).toList());
    Category garden = categories.one(Query.where(Where.eq("code", "garden")));
    assertEquals(List.of("tools"), garden.getChildren().stream().map(Category::getCode).toList());
    assertEquals(List.of(), categories.get(3L).orElseThrow().getChildren());
  }

  @Test
  void manyToMany_throughTheJoinTableFile() {
    List<Product> all = products.search();
    assertEquals(List.of("sale", "new"), labels(all.get(0)));
    assertEquals(List.of("sale", "eco"), labels(all.get(8)));
    assertEquals(List.of(), labels(all.get(10)));
  }

  @Test
  void elementCollection_fromItsOwnFile() {
    assertEquals(
        List.of("notebook", "ultrabook"), List.copyOf(products.get(1L).orElseThrow().getAliases()));
    assertEquals(List.of("spade"), List.copyOf(products.get(5L).orElseThrow().getAliases()));
    assertEquals(List.of(), List.copyOf(products.get(2L).orElseThrow().getAliases()));
  }

  @Test
  void rowSourceDerivedForeignKeys_pointAtTheRightProducts() {
    List<Stock> rows = stock.search();
    assertEquals(
        List.of("LAP-13 AMS 12", "LAP-13 BER 0", "PHN-01 AMS 40", "SHV-01 BER 7", "MOW-01 AMS 2"),
        rows.stream()
            .map(s -> s.getProduct().getSku() + " " + s.getWarehouse() + " " + s.getQuantity())
            .toList());
    assertEquals(
        List.of(1L, 2L),
        stock.search(Query.where(Where.eq("product.sku", "LAP-13"))).stream()
            .map(Stock::getId)
            .toList());
  }

  @Test
  void entitiesFromEveryReadPath_navigateAfterTheCall() {
    Optional<Product> first = products.first(Query.where(Where.eq("sku", "MOW-01")));
    assertEquals("garden", first.orElseThrow().getCategory().getCode());
    Product one = products.one(Query.where(Where.eq("sku", "SHV-01")));
    assertEquals("garden", one.getCategory().getParent().getCode());
    Product fromGetAll = products.getAll(List.of(3L)).get(0).orElseThrow();
    assertEquals(List.of("sale"), labels(fromGetAll));
    List<Product> streamed;
    try (Stream<Product> s = products.stream(Query.where(Where.in("id", 1L, 9L)))) {
      streamed = s.toList();
    }
    // the stream and its session are closed: the references still load
    assertEquals("laptops", streamed.get(0).getCategory().getCode());
    assertEquals(List.of("notebook", "ultrabook"), List.copyOf(streamed.get(0).getAliases()));
    assertEquals(List.of("sale", "eco"), labels(streamed.get(1)));
    Product fromHql =
        products.query("select p from Product p where p.sku = ?1", Product.class, "LAP-15").get(0);
    assertEquals("computers", fromHql.getCategory().getParent().getCode());
  }
}
