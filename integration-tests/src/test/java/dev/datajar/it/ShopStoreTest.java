package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.it.shop.Product;
import dev.datajar.it.shop.Tag;
import dev.datajar.runtime.MultipleRowsFoundException;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.RowNotFoundException;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every {@link Store} method over the shop dataset as the plugin built it. */
class ShopStoreTest {
  private final Store<Product> products = Injectors.store(Product.class);
  private final Store<Tag> tags = Injectors.store(Tag.class);

  static List<Long> ids(List<Product> rows) {
    return rows.stream().map(Product::getId).toList();
  }

  static List<Long> ids(Long... ids) {
    return Arrays.asList(ids);
  }

  @Test
  void entityType_isTheTypeArgument() {
    assertEquals(Product.class, products.entityType());
  }

  @Test
  void search_returnsEveryRowByPrimaryKey() {
    assertEquals(ids(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L), ids(products.search()));
  }

  @Test
  void search_ordersAndPages() {
    Query q = Query.all().orderByDesc("price").orderBy("sku").offset(2).limit(3);
    // by price desc: 2 (1299.00), 1 (999.99), 3 (599.5), 9 (349.90), 10 (249), ...; NULL last
    assertEquals(ids(3L, 9L, 10L), ids(products.search(q)));
  }

  @Test
  void search_ordersDecimalsNumericallyNotAsText() {
    List<Long> byPrice =
        ids(products.search(Query.where(Where.isNotNull("price")).orderBy("price")));
    assertEquals(ids(7L, 6L, 5L, 4L, 8L, 10L, 9L, 3L, 1L, 2L), byPrice);
  }

  @Test
  void search_limitZeroReturnsNothing() {
    assertEquals(List.of(), products.search(Query.all().limit(0)));
  }

  @Test
  void first_appliesOffsetAndIsEmptyWhenNothingMatches() {
    assertEquals(
        Optional.of(3L),
        products
            .first(Query.where(Where.startsWith("sku", "PHN")).orderBy("sku").offset(0))
            .map(Product::getId));
    assertEquals(
        Optional.of(4L),
        products
            .first(Query.where(Where.startsWith("sku", "PHN")).orderBy("sku").offset(1))
            .map(Product::getId));
    assertEquals(Optional.empty(), products.first(Query.where(Where.eq("sku", "NOPE"))));
  }

  @Test
  void one_returnsTheSingleMatch() {
    assertEquals(7L, products.one(Query.where(Where.eq("sku", "CBL-01"))).getId());
  }

  @Test
  void one_failsWhenNothingMatches() {
    RowNotFoundException e =
        assertThrows(
            RowNotFoundException.class, () -> products.one(Query.where(Where.eq("sku", "NOPE"))));
    assertEquals("no Product matches where sku = 'NOPE'", e.getMessage());
    assertEquals(Product.class, e.entityType());
  }

  @Test
  void one_failsWhenSeveralMatch() {
    MultipleRowsFoundException e =
        assertThrows(
            MultipleRowsFoundException.class,
            () -> products.one(Query.where(Where.eq("category.id", 3L))));
    assertEquals(
        "more than one Product matches where category.id = 3; use first(query) or"
            + " search(query) if several are expected",
        e.getMessage());
  }

  @Test
  void count_countsMatchesAndIgnoresOffsetLimitAndOrder() {
    assertEquals(11, products.count());
    assertEquals(4, tags.count());
    Query laptops = Query.where(Where.eq("category.id", 3L));
    assertEquals(3, products.count(laptops));
    assertEquals(3, products.count(laptops.orderByDesc("name").offset(2).limit(1)));
    assertEquals(1, products.search(laptops.offset(2).limit(1)).size());
  }

  @Test
  void get_findsByIdAndIsEmptyForAnUnknownId() {
    assertEquals("LAP-15", products.get(2L).orElseThrow().getSku());
    assertEquals("LAP-15", products.get(2).orElseThrow().getSku()); // an int id is widened
    assertEquals(Optional.empty(), products.get(999L));
    assertEquals("eco", tags.get(3).orElseThrow().getLabel());
  }

  @Test
  void get_refusesAnIdOfTheWrongType() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> products.get("2"));
    assertEquals(
        "'id' of Product is a Long, but the value 2 is a String. Pass a Long.", e.getMessage());
  }

  @Test
  void getAll_answersInTheOrderOfTheIdsWithEmptiesForMissingOnes() {
    List<Optional<Product>> got = products.getAll(List.of(9L, 404L, 1L, 9L, 11L));
    assertEquals(
        List.of("MOW-01", "-", "LAP-13", "MOW-01", "GFT-01"),
        got.stream().map(o -> o.map(Product::getSku).orElse("-")).toList());
    assertEquals(List.of(), products.getAll(List.of()));
  }

  @Test
  void stream_readsEveryRowInOrder() {
    try (Stream<Product> s = products.stream()) {
      assertEquals(ids(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L), ids(s.toList()));
    }
  }

  @Test
  void stream_appliesTheQuery() {
    Query q =
        Query.where(Where.gt("price", new BigDecimal("100"))).orderBy("name").offset(1).limit(2);
    try (Stream<Product> s = products.stream(q)) {
      // price > 100 by name: Laptop 13, Laptop 15, Lawn Mower, Phone One, Tablet, 10 inch
      assertEquals(
          "Laptop 15|Lawn Mower", s.map(Product::getName).collect(Collectors.joining("|")));
    }
    assertTrue(products.search(q).get(0) != products.search(q).get(0), "new objects per call");
  }
}
