/**
 * How datasets are found, copied, checked, opened and read; not API.
 *
 * <p>{@code DataSetCatalog} locates datasets, {@code FileCache} copies them out of jars (into a
 * directory {@code CacheDirectory} has checked to be the user's own), {@code FileSource} says where
 * a file comes from and what must be checked, {@code EngineOpener} checks and opens (the full
 * schema check, {@code SchemaCheck}, only when the entity classes' shape differs or it is asked
 * for), and {@code Engine} holds one dataset. {@code EntityReader} dispatches each entity's reads
 * to its {@code ReadPath}: {@code RowPath} (SQL from {@code SqlWriter}, rows mapped by {@code
 * RowMapper} from the recorded layout, connections from {@code FastConnections}) or {@code
 * HibernatePath} (HQL from {@code HqlWriter}, sessions from {@code HibernateSide}, which starts
 * Hibernate on first use). {@code OpenStreams} reclaims the connections of streams dropped without
 * being closed.
 *
 * <p>Where SQLite and PostgreSQL differ, the readers ask the engine seam {@code SqlFlavour} ({@code
 * SqliteFlavour} here, {@code PostgresFlavour} in {@code internal.postgres}, PostgreSQL's one
 * home), chosen once per dataset when it opens; they never test which engine they are on.
 */
package dev.datajar.runtime.internal;
