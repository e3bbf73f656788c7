/**
 * Typed, read-only access to datasets shipped in jars.
 *
 * <p>Install {@link dev.datajar.runtime.DataSetModule} and inject a {@link
 * dev.datajar.runtime.Store} per entity:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new DataSetModule());
 *
 * class Countries {
 *   @Inject Store<Country> countries;
 *
 *   List<Country> europe() {
 *     return countries.search(Query.where(Where.eq("continent", "EU")).orderBy("name"));
 *   }
 * }
 *
 * injector.getInstance(DataSets.class).close(); // when the service stops
 * }</pre>
 *
 * <p>What happens at injector creation, for each dataset: its manifest is found through {@code
 * META-INF/datasets/index}; a file inside a jar is copied once into the cache directory under its
 * sha256 (a file in a class folder is read in place); the file's sha256, SQLite header, {@code
 * application_id} and format version are checked; a small read-only connection pool is opened; and
 * the entity classes' shape is compared with the one recorded in the file (the full schema check,
 * which starts Hibernate, only when the shape differs or {@code verifyFully()} asks for it). No
 * Hibernate session factory is started: Hibernate starts on first use, for HQL ({@code query()})
 * and the entities the plain reader cannot read, or in the background with {@code
 * startHibernateInBackground()}. Any failure stops injector creation with a {@link
 * dev.datajar.runtime.DataSetOpenException} that names the dataset, the file and the fix.
 *
 * <p>Reading: {@code get}, {@code getAll}, {@code search}, {@code first}, {@code one}, {@code
 * count} and {@code stream} of the entities the build recorded a layout for (one table; a basic or
 * composite id; basic attributes, embeddables, to-ones; element collections, many-to-manys and
 * one-to-manys as sets or lists) run as datajar's own SQL over reused prepared statements and
 * dedicated connections, every value read with the codec the builder wrote it with, and a new
 * object built for every call; so does {@code sql()}, the caller's query over the same connections
 * and codecs. HQL ({@code query()}) and the mappings the README lists under Known limits (maps,
 * sorted sets, ...) go through a read-only Hibernate session per call; lazy associations of such
 * objects load on access after the call returned. Nothing can be written: HQL and SQL are limited
 * to queries, connections are opened {@code mode=ro}, {@code immutable=1} and {@code query_only}.
 */
package dev.datajar.runtime;
