import dev.datajar.runtime.internal.logging.HibernateLogProvider;
import org.jboss.logging.LoggerProvider;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Typed, read-only access to datasets shipped in jars: {@link dev.datajar.runtime.DataSets}, {@link
 * dev.datajar.runtime.Store}, {@link dev.datajar.runtime.Query} and {@link
 * dev.datajar.runtime.Where}, with {@link dev.datajar.runtime.DataSetModule} for Guice; {@code
 * dev.datajar.runtime.source} for row sources the builder calls.
 *
 * <p>A service on the module path {@code requires dev.datajar.runtime} and opens the packages of
 * its entity classes (or depends on a dataset jar, an automatic module, whose packages are open):
 * the runtime builds entity objects through deep reflection, and Hibernate does for {@code
 * query()}, {@code sql()} and the mappings it reads.
 *
 * <pre>{@code
 * module com.example.geo {
 *   requires dev.datajar.runtime;
 *   opens com.example.geo.model to dev.datajar.runtime, org.hibernate.orm.core;
 * }
 * }</pre>
 *
 * <p>The storage format ({@code dev.datajar.runtime.format}) and everything under {@code
 * dev.datajar.runtime.internal} are not API: they are exported only to datajar's own modules (the
 * builder, the tools, the Maven plugin) and to Hibernate, which instantiates the dialects by name.
 */
// "module": the qualified exports name datajar's modules that are built after this one.
// "requires-automatic", "requires-transitive-automatic": Hibernate (core, community dialects),
// Guice and pgjdbc have no descriptor, only an Automatic-Module-Name.
@SuppressWarnings({"module", "requires-automatic", "requires-transitive-automatic"})
module dev.datajar.runtime {
  // In the API's signatures: entity annotations and metamodel attributes (Where), JDBC types.
  requires transitive jakarta.persistence;
  requires transitive java.sql;
  requires org.hibernate.orm.core;
  requires org.hibernate.orm.community.dialects;
  requires org.xerial.sqlitejdbc;
  requires com.zaxxer.hikari;
  requires com.fasterxml.jackson.core;
  requires org.jboss.logging;
  requires org.slf4j;
  requires java.logging;
  // DataSetsJmx's signatures: MBeanServer, ObjectName.
  requires transitive java.management;

  // Optional integrations: present only for the users who use them.
  // DataSetModule extends Guice's AbstractModule: a Guice user requires com.google.guice too
  // (not transitive: a module that does not use Guice must not need it to compile).
  requires static com.google.guice;
  requires static jakarta.inject;
  requires static org.postgresql.jdbc;

  exports dev.datajar.runtime;
  exports dev.datajar.runtime.source;

  // Guice calls Store's package-private @Inject method.
  opens dev.datajar.runtime to
      com.google.guice;

  exports dev.datajar.runtime.format to
      dev.datajar.builder,
      dev.datajar.tools,
      dev.datajar.maven,
      org.hibernate.orm.core;
  exports dev.datajar.runtime.internal.diff to
      dev.datajar.tools;
  exports dev.datajar.runtime.internal.postgres to
      dev.datajar.builder,
      org.hibernate.orm.core;

  // Whether an SLF4J backend is there decides where Hibernate's records go (Slf4jPresence).
  uses SLF4JServiceProvider;

  // Hibernate's records go to SLF4J or java.util.logging through this provider.
  provides LoggerProvider with
      HibernateLogProvider;
}
