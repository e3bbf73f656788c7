package dev.datajar.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The indexes the builder adds on collections' owner columns are named like the entities' unnamed
 * indexes and left out of the schema fingerprint, so that a dataset built before them (without
 * them) still passes the full check.
 */
class OwnerKeyIndexFingerprintTest {
  @Test
  void anOwnerKeyIndexIsNamedForTableAndColumnsAndKeepsItsKind() {
    List<TableModel> named =
        IndexNames.name(List.of(book(ownerKey(IndexNames.UNNAMED + "owner$shelf_id"))));
    assertEquals(
        List.of(new TableModel.Index("book_shelf_id", List.of("shelf_id"), false, true)),
        named.get(0).indexes());
  }

  @Test
  void theFingerprintLeavesOwnerKeyIndexesOut_butNotTheEntitiesIndexes() {
    String without = new SchemaModel("d", List.of(book()), List.of()).fingerprint();
    String with =
        new SchemaModel("d", List.of(book(ownerKey("book_shelf_id"))), List.of()).fingerprint();
    String declared =
        new SchemaModel(
                "d",
                List.of(book(new TableModel.Index("book_shelf_id", List.of("shelf_id"), false))),
                List.of())
            .fingerprint();
    assertEquals(without, with);
    assertNotEquals(without, declared);
    assertTrue(
        book(ownerKey("book_shelf_id")).indexStatements().get(0).startsWith("create index"),
        "created like any index");
  }

  private static TableModel.Index ownerKey(String name) {
    return new TableModel.Index(name, List.of("shelf_id"), false, true);
  }

  private static TableModel book(TableModel.Index... indexes) {
    return new TableModel("book", "Book", List.of(), List.of("id"), List.of(indexes), List.of());
  }
}
