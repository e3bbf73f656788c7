/**
 * How datasets are found, copied, checked, opened and read; not API.
 *
 * <p>{@code DataSetCatalog} locates, {@code FileCache} copies (into a directory
 * {@code CacheDirectory} has checked to be the user's own), {@code FileHeader} and
 * {@code SchemaCheck} check, {@code EngineOpener} opens, {@code Engine} holds one dataset,
 * {@code EntityReader} reads one entity through {@code RowLoader}/{@code SqlWriter} (JDBC fast
 * path) or {@code HqlWriter} (Hibernate).
 */
package dev.datajar.runtime.internal;
