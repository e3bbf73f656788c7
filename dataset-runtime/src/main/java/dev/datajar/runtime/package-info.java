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
 * application_id} and format version are checked; a small read-only connection pool and a Hibernate
 * session factory are opened; and the entity classes' schema is compared with the one recorded in
 * the file. Any failure stops injector creation with a {@link
 * dev.datajar.runtime.DataSetOpenException} that names the dataset, the file and the fix.
 *
 * <p>Reading: lookups by id, searches and counts of plain entities (basic attributes and to-one
 * associations to other plain entities) run as reused prepared statements over dedicated
 * connections, with loaded rows cached as immutable state and a new object built for every call.
 * Everything else (collections, inheritance, embeddables, HQL) goes through a read-only Hibernate
 * session per call; lazy associations of returned objects load on access after the call returned.
 * Nothing can be written: HQL and SQL are limited to queries, connections are opened {@code
 * mode=ro}, {@code immutable=1} and {@code query_only}.
 */
package dev.datajar.runtime;
