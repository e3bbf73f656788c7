/**
 * The row path: plain entities read by SQL from the manifest's recorded layouts, without Hibernate;
 * of the internal packages it uses {@code internal.core} only; not API.
 *
 * <p>{@code RowPath} runs an entity's reads (a query it cannot write goes to the {@code ReadPath}
 * it was given, Hibernate's); {@code SqlWriter} writes the SQL; {@code RowMapper} turns rows into
 * entities through the codecs, with {@code EntityMembers} (fields and setters), {@code Composite}
 * (composite ids, embeddables), {@code CollectionReader} (collections per batch of rows) and {@code
 * JoinedLookup} (a lookup joining its to-ones, where the engine seam asks for it). {@code SqlCall}
 * runs {@code Store.sql()} on the same connections and codecs (an entity result it cannot build
 * goes to the Hibernate reader it was given).
 */
package dev.datajar.runtime.internal.read;
