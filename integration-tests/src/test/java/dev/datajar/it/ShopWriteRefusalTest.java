package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.it.shop.Category;
import dev.datajar.it.shop.Product;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.ReadOnlyDataSetException;
import dev.datajar.runtime.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing a caller does changes the dataset, or what the next caller sees. */
class ShopWriteRefusalTest {
  private final Store<Product> products = Injectors.store(Product.class);
  private final Store<Category> categories = Injectors.store(Category.class);

  @Test
  void sqlWrites_areRefused() {
    List<String> writes =
        new ArrayList<>(
            List.of(
                "delete from product",
                "update product set name = 'x'",
                "insert into tag (id, label) values (99, 'x')",
                "drop table tag",
                "create table evil (x integer)",
                "pragma query_only = 0"));
    if (PostgresDataSets.selected()) {
      // Past the text guard (it is a WITH ... SELECT): the server's READ ONLY transaction
      // refuses the write inside it.
      writes.add("with gone as (delete from tag returning id) select count(*) from gone");
    }
    for (String sql : writes) {
      ReadOnlyDataSetException e =
          assertThrows(ReadOnlyDataSetException.class, () -> products.sql(sql, Long.class), sql);
      assertTrue(
          e.getMessage()
              .startsWith(
                  "dataset 'shop' is read-only: sql() runs queries" + " only, not '" + sql + "'"),
          e.getMessage());
    }
    assertEquals(11, products.count());
  }

  @Test
  void sqlWriteThatReturnsRows_isRefusedBySqlite() {
    // 'returning' makes a write look like a query to the driver: SQLite itself must refuse it.
    assertThrows(
        ReadOnlyDataSetException.class,
        () -> products.sql("delete from product returning id", Long.class));
    assertThrows(
        ReadOnlyDataSetException.class,
        () -> products.sql("update product set name = 'x' returning id", Long.class));
    assertEquals(11, products.count());
    assertEquals("Laptop 13", products.get(1L).orElseThrow().getName());
  }

  @Test
  void attach_cannotCreateAFile(@TempDir Path dir) {
    Path evil = dir.resolve("evil.db");
    assertThrows(
        RuntimeException.class,
        () -> products.sql("attach database '" + evil + "' as evil", Long.class));
    assertFalse(Files.exists(evil));
  }

  @Test
  void hqlWrites_areRefused() {
    for (String hql :
        List.of(
            "delete from Product",
            "update Product p set p.name = 'x'",
            "insert into Tag (id, label) values (99, 'x')")) {
      ReadOnlyDataSetException e =
          assertThrows(
              ReadOnlyDataSetException.class, () -> products.query(hql, Product.class), hql);
      assertEquals(
          "dataset 'shop' is read-only: query() runs select statements only, not '"
              + hql
              + "'. Change the dataset's sources and rebuild it instead.",
          e.getMessage());
    }
  }

  @Test
  void changingAReturnedEntity_isNotSeenByTheNextCaller() {
    Product mine = products.get(1L).orElseThrow();
    mine.setName("changed");
    mine.getAliases().clear();
    mine.getTags().clear();
    mine.getCategory().setName("changed too");
    Product next = products.get(1L).orElseThrow();
    assertEquals("Laptop 13", next.getName());
    assertEquals(2, next.getAliases().size());
    assertEquals(2, next.getTags().size());
    assertEquals("Laptops", next.getCategory().getName());
    assertEquals("Laptops", categories.get(3L).orElseThrow().getName());
    assertEquals("Laptop 13", products.search().get(0).getName());
  }

  @Test
  void theFileNeverChanges() throws Exception {
    sqlWrites_areRefused();
    changingAReturnedEntity_isNotSeenByTheNextCaller();
    Path file = Injectors.shared().getInstance(DataSets.class).file("shop");
    if (PostgresDataSets.selected()) {
      assertEquals(null, file, "read from PostgreSQL, not from a file");
      assertEquals(11, products.count()); // and the writes above were refused by the server
      return;
    }
    String manifest = Files.readString(file.resolveSibling("shop.manifest.json"));
    assertTrue(manifest.contains("\"sha256\" : \"" + sha256(file) + "\""), manifest);
  }

  static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      md.update(in.readAllBytes());
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
