package dev.datajar.benchmarks.read;

/**
 * One {@code item} row as the plain-JDBC baseline materialises it, so that the baseline pays for
 * building an object per row just as a {@code Store} does.
 */
public record ItemRow(long id, String name, String note, double score, long parentId) {
  /** A {@code parent} row: what an item's eager {@code @ManyToOne} holds. */
  public record Parent(long id, String name) {}

  /** An item row with its parent object, as the join of the two tables reads it. */
  public record WithParent(long id, String name, String note, double score, Parent parent) {}
}
