package dev.datajar.benchmarks.read;

/**
 * One {@code item} row as the plain-JDBC baseline materialises it, so that the baseline pays for
 * building an object per row just as a {@code Store} does.
 */
public record ItemRow(long id, String name, String note, double score, long parentId) {}
