package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.datajar.it.shop.Category;
import dev.datajar.it.shop.Product;
import dev.datajar.it.shop.Product_;
import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of condition, by attribute name and through the static metamodel. */
class CriteriaTest {
  private final Store<Product> products = Injectors.store(Product.class);
  private final Store<Category> categories = Injectors.store(Category.class);

  private List<Long> ids(Criterion c) {
    return products.search(Query.where(c)).stream().map(Product::getId).toList();
  }

  @Test
  void comparisons() {
    assertEquals(List.of(7L), ids(Where.eq("sku", "CBL-01")));
    assertEquals(10, ids(Where.ne("sku", "CBL-01")).size());
    // 9.5 < 10 numerically, though "9.5" > "10" as text
    assertEquals(List.of(6L, 7L), ids(Where.lt("price", new BigDecimal("10"))));
    assertEquals(List.of(6L, 7L), ids(Where.le("price", new BigDecimal("9.50"))));
    assertEquals(List.of(2L), ids(Where.gt("price", new BigDecimal("999.99"))));
    assertEquals(List.of(1L, 2L), ids(Where.ge("price", new BigDecimal("999.990"))));
    assertEquals(
        List.of(4L, 8L, 10L),
        ids(Where.between("price", new BigDecimal("99.95"), new BigDecimal("249"))));
  }

  @Test
  void equalityIgnoresTheScaleOfDecimals() {
    assertEquals(List.of(8L), ids(Where.eq("price", new BigDecimal("100.000"))));
    assertEquals(List.of(2L), ids(Where.eq("price", new BigDecimal("1299"))));
  }

  @Test
  void inLikeAndPrefix() {
    assertEquals(List.of(1L, 5L, 9L), ids(Where.in("sku", "MOW-01", "SHV-01", "LAP-13", "X")));
    assertEquals(List.of(1L, 9L), ids(Where.in("id", List.of(9L, 1L))));
    assertEquals(List.of(), ids(Where.in("sku", List.of())));
    assertEquals(List.of(1L, 2L, 8L), ids(Where.like("name", "%laptop%"))); // ASCII case ignored
    assertEquals(List.of(3L, 4L), ids(Where.like("sku", "PHN-0_")));
    assertEquals(List.of(1L, 2L), ids(Where.startsWith("name", "Laptop")));
    assertEquals(List.of(), ids(Where.startsWith("name", "laptop"))); // case-sensitive
    assertEquals(List.of(), ids(Where.startsWith("sku", "LAP_"))); // no wildcards
  }

  @Test
  void nullChecks() {
    assertEquals(List.of(11L), ids(Where.isNull("price")));
    assertEquals(List.of(11L), ids(Where.eq("price", null)));
    assertEquals(10, ids(Where.isNotNull("price")).size());
    assertEquals(10, ids(Where.ne("price", null)).size());
    assertEquals(
        List.of(1L, 5L),
        categories.search(Query.where(Where.isNull("parent"))).stream()
            .map(Category::getId)
            .toList());
  }

  @Test
  void andOrNot() {
    Criterion laptops = Where.eq("category.id", 3L);
    Criterion active = Where.eq("active", true);
    assertEquals(List.of(1L, 2L), ids(Where.and(laptops, active)));
    assertEquals(
        List.of(1L, 2L),
        products.search(Query.where(laptops).and(active)).stream().map(Product::getId).toList());
    assertEquals(List.of(1L, 2L, 4L, 8L), ids(Where.or(laptops, Where.not(active))));
    assertEquals(List.of(8L), ids(Where.and(laptops, Where.not(active))));
    assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 9L, 10L, 11L), ids(Where.not(laptops)));
    // not(price < 10) leaves out the NULL price, as SQL does
    assertEquals(8, ids(Where.not(Where.lt("price", new BigDecimal("10")))).size());
    assertEquals(
        List.of(6L, 8L, 11L),
        ids(
            Where.or(
                Where.eq("sku", "RAK-01"),
                Where.and(Where.eq("active", false), Where.like("name", "Old%")),
                Where.isNull("price"))));
  }

  @Test
  void pathsFollowToOneAssociations() {
    assertEquals(List.of(1L, 2L, 8L), ids(Where.eq("category.code", "laptops")));
    assertEquals(List.of(1L, 2L, 8L), ids(Where.eq("category.parent.code", "computers")));
    assertEquals(List.of(1L, 2L, 3L, 4L, 7L, 8L, 10L), ids(Where.in("category.parent.id", 1L, 2L)));
  }

  @Test
  void metamodelAttributes() {
    assertEquals(List.of(7L), ids(Where.eq(Product_.sku, "CBL-01")));
    assertEquals(List.of(6L, 7L), ids(Where.lt(Product_.price, new BigDecimal("10"))));
    assertEquals(List.of(4L, 8L), ids(Where.eq(Product_.active, false)));
    assertEquals(List.of(1L, 2L), ids(Where.startsWith(Product_.name, "Laptop")));
    assertEquals(List.of(11L), ids(Where.isNull(Product_.price)));
    assertEquals(List.of(2L, 9L), ids(Where.in(Product_.id, List.of(9L, 2L, 404L))));
    assertEquals(
        List.of(4L, 8L, 10L),
        ids(Where.between(Product_.price, new BigDecimal("99.95"), new BigDecimal("249"))));
    assertEquals(
        List.of(6L, 7L),
        products
            .search(
                Query.where(Where.lt(Product_.price, new BigDecimal("10")))
                    .orderByDesc(Product_.sku))
            .stream()
            .map(Product::getId)
            .toList());
  }

  @Test
  void unknownAttribute_failsWithTheValidNames() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> products.search(Query.where(Where.eq("colour", "red"))));
    assertEquals(
        "'colour': Product has no attribute 'colour'. Valid attributes: active, aliases,"
            + " category, currency, id, name, price, sku, tags",
        e.getMessage());
    IllegalArgumentException nested =
        assertThrows(
            IllegalArgumentException.class,
            () -> products.count(Query.where(Where.eq("category.title", "x"))));
    assertEquals(
        "'category.title': Product.category has no attribute 'title'. Valid attributes:"
            + " children, code, id, name, parent",
        nested.getMessage());
    IllegalArgumentException order =
        assertThrows(
            IllegalArgumentException.class, () -> products.search(Query.all().orderBy("cost")));
    assertEquals(
        "'cost': Product has no attribute 'cost'. Valid attributes: active, aliases,"
            + " category, currency, id, name, price, sku, tags",
        order.getMessage());
  }

  @Test
  void valueOfTheWrongType_failsNamingBothTypes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> products.search(Query.where(Where.lt("price", 10.0))));
    assertEquals(
        "'price' of Product is a BigDecimal, but the value 10.0 is a Double. Pass a"
            + " BigDecimal.",
        e.getMessage());
  }
}
