/**
 * PostgreSQL's one home: everything datajar does differently when a dataset lives in a PostgreSQL
 * schema instead of a SQLite file; not API.
 *
 * <p>Shared with the builder (public for that reason only): {@link
 * dev.datajar.runtime.internal.postgres.PostgresFormat} (how entities map onto PostgreSQL: the
 * Hibernate settings and the offset column of a time-zone pair), {@link
 * dev.datajar.runtime.internal.postgres.DataJarPostgresDialect} (with {@code
 * PostgresSqlAstTranslator}: SQLite's NULL order and case-insensitive {@code like}), {@link
 * dev.datajar.runtime.internal.postgres.PostgresSchemas} (schema names, the metadata table and
 * {@code datajar.datasets}) and {@link dev.datajar.runtime.internal.postgres.JdbcUrls} (passwords
 * kept out of URLs).
 *
 * <p>The runtime's side: {@link dev.datajar.runtime.internal.postgres.PostgresOpener} (connecting,
 * session setup and the start-up checks of schema, rows and columns), {@link
 * dev.datajar.runtime.internal.postgres.PostgresFlavour} (PostgreSQL's implementation of the engine
 * seam {@link dev.datajar.runtime.internal.core.SqlFlavour}: SQL spelling, cursors, array
 * parameters, joined lookups, sorting in memory, {@code sql()}'s guard ({@code PostgresSqlGuard})
 * and read-only transaction), and {@code PostgresCodec} (each storage-format codec's native
 * PostgreSQL column form).
 */
package dev.datajar.runtime.internal.postgres;
