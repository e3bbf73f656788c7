/**
 * The runtime behind the API: one opened dataset and the reads of its entities; not API.
 *
 * <p>{@code Engine} holds one dataset: its connections, a reader per entity and, started only when
 * needed, Hibernate; it links the row path's mappers and is the Hibernate path's {@code
 * hibernate.Sessions}. {@code EntityReader}, behind {@code Store}, checks ids and criteria and
 * hands each call to the entity's {@code ReadPath}, chosen once: {@code read.RowPath} or {@code
 * hibernate.HibernatePath}; {@code query()} goes to {@code hibernate.Queries}, {@code sql()} to
 * {@code read.SqlCall} (through {@code Engine}).
 *
 * <p>The packages below, each depending only on those listed after it: {@code internal.open}
 * (finding, copying, checking and opening datasets; it builds the {@code Engine}s), this package,
 * {@code internal.read} (the row path: plain SQL and the recorded layouts, no Hibernate), {@code
 * internal.hibernate} (the Hibernate path and {@code query()}), {@code internal.postgres}
 * (PostgreSQL's one home) and {@code internal.core} (what they all share: the engine seam,
 * connections, the time limit, the entity model and criteria checks). {@code read}, {@code
 * hibernate} and {@code postgres} do not depend on one another.
 */
package dev.datajar.runtime.internal;
