/**
 * What every read path, the opener and PostgreSQL share; depends on no other internal package; not
 * API.
 *
 * <p>The engine seam {@code SqlFlavour} (where SQLite and PostgreSQL differ; {@code SqliteFlavour}
 * here with {@code SqlGuard}, {@code PostgresFlavour} in {@code internal.postgres}); {@code
 * ReadPath}, how one entity's reads run; {@code EntityModel} (attribute paths, types, coercion) and
 * {@code Criteria} (size limits, leaves); {@code ConditionWriter}, what the SQL and HQL writers
 * share; {@code FastConnections} (a dataset's connections, for plain reads and Hibernate's pool),
 * {@code QueryTimeLimit}, {@code OpenStreams} and {@code ReleasingSpliterator} (streams whose
 * connections come back even when dropped); {@code ClosedDataSet}, the closed message; {@code
 * QueryFailures}, the refusal and failure messages of {@code query()} and {@code sql()}.
 */
package dev.datajar.runtime.internal.core;
