package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datajar.it.shop.Product;
import dev.datajar.runtime.Store;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Read-only HQL and SQL queries whose rows become records or basic values. */
class RecordsTest {
  record SkuName(String sku, String name) {}

  record SkuCategory(String sku, Long categoryId) {}

  record Priced(String sku, BigDecimal price) {}

  record CategoryCount(String code, Long products) {}

  private final Store<Product> products = Injectors.store(Product.class);

  @Test
  void hql_selectsASubsetOfColumnsIntoARecord() {
    List<SkuName> rows =
        products.query(
            "select p.sku, p.name from Product p where p.price > ?1" + " order by p.sku",
            SkuName.class,
            new BigDecimal("500"));
    assertEquals(
        List.of(
            new SkuName("LAP-13", "Laptop 13"),
            new SkuName("LAP-15", "Laptop 15"),
            new SkuName("PHN-01", "Phone One")),
        rows);
  }

  @Test
  void hql_readsAForeignKeyAsItsRawId() {
    List<SkuCategory> rows =
        products.query(
            "select p.sku, p.category.id from Product p" + " where p.id in (?1) order by p.id",
            SkuCategory.class,
            List.of(1L, 7L, 11L));
    assertEquals(
        List.of(
            new SkuCategory("LAP-13", 3L),
            new SkuCategory("CBL-01", 2L),
            new SkuCategory("GFT-01", 1L)),
        rows);
  }

  @Test
  void hql_aggregatesIntoRecordsAndBasicValues() {
    List<CategoryCount> rows =
        products.query(
            "select c.code, count(p) from Product p join"
                + " p.category c group by c.code order by count(p) desc, c.code",
            CategoryCount.class);
    assertEquals(new CategoryCount("laptops", 3L), rows.get(0));
    assertEquals(new CategoryCount("phones", 3L), rows.get(1));
    assertEquals(List.of(11L), products.query("select count(p) from Product p", Long.class));
  }

  @Test
  void sql_mapsColumnLabelsToRecordComponents() {
    List<SkuCategory> rows =
        products.sql(
            "select sku, category_id as categoryId from product" + " where id <= ? order by id",
            SkuCategory.class,
            2);
    assertEquals(List.of(new SkuCategory("LAP-13", 3L), new SkuCategory("LAP-15", 3L)), rows);
  }

  @Test
  void sql_readsDecimalsExactlyWithTheirScale() {
    List<Priced> rows =
        products.sql(
            "select sku, price from product where sku in (?, ?, ?)" + " order by sku",
            Priced.class,
            "LAP-15",
            "MOW-01",
            "GFT-01");
    assertEquals(
        List.of(
            new Priced("GFT-01", null),
            new Priced("LAP-15", new BigDecimal("1299.00")),
            new Priced("MOW-01", new BigDecimal("349.90"))),
        rows);
  }

  @Test
  void sql_returnsBasicValuesForOneColumn() {
    assertEquals(
        List.of("electronics", "garden"),
        products.sql(
            "select code from category where parent_id is null order by code", String.class));
    assertEquals(List.of(100_000L), products.sql("select count(*) from reading", Long.class));
  }
}
