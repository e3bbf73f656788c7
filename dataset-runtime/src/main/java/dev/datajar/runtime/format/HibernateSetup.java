package dev.datajar.runtime.format;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Boots Hibernate the one way datajar uses it, on the build side and at run time, so that both
 * sides map every entity to the same tables, columns and storage forms.
 *
 * <p>The settings fix what must not vary: {@link DataJarDialect}; snake_case table and column
 * names; offsets and zones kept ({@code NATIVE} time-zone storage, which the dialect stores as
 * text); no schema tool and no JDBC metadata access at boot (the dialect is given, and the builder
 * has no database yet). UUIDs as text and durations as nanoseconds come from the dialect's types.
 */
public final class HibernateSetup {
  private HibernateSetup() {}

  /**
   * A booted session factory and the schema model read from it; close the factory when done.
   *
   * @param sessionFactory the factory
   * @param schema its tables, columns, codecs and entity layouts
   */
  public record Booted(SessionFactoryImplementor sessionFactory, SchemaModel schema)
      implements AutoCloseable {
    @Override
    public void close() {
      sessionFactory.close();
    }
  }

  /** The settings both sides share; {@code extra} settings are applied on top. */
  public static Map<String, Object> settings(Map<String, Object> extra) {
    Map<String, Object> s = new HashMap<>();
    s.put(AvailableSettings.DIALECT, DataJarDialect.class.getName());
    s.put("hibernate.boot.allow_jdbc_metadata_access", "false");
    s.put(AvailableSettings.TIMEZONE_DEFAULT_STORAGE, "NATIVE");
    // UUIDs as text and durations as nanoseconds: DataJarDialect.contributeTypes. Instants are
    // TIMESTAMP_UTC, Hibernate's default. (The 'preferred_*_jdbc_type' settings would do the
    // same but are incubating: Hibernate logs HHH90006001 for each, twice per boot.)
    s.put(
        AvailableSettings.PHYSICAL_NAMING_STRATEGY,
        PhysicalNamingStrategySnakeCaseImpl.class.getName());
    // Unnamed indexes and unique keys: <table>_<columns> (IndexNames), not IDX/UK and a hash.
    s.put(AvailableSettings.IMPLICIT_NAMING_STRATEGY, UnnamedKeys.INSTANCE);
    s.put(AvailableSettings.HBM2DDL_AUTO, "none");
    s.put(AvailableSettings.SHOW_SQL, "false");
    if (extra != null) {
      s.putAll(extra);
    }
    return s;
  }

  /**
   * Boots Hibernate for one dataset's entities.
   *
   * @param dataSetName the dataset, for messages
   * @param entityClasses its {@code @Entity} classes
   * @param dataSource where sessions get connections; {@code null} for a model-only factory (the
   *     builder writes with its own JDBC connection)
   * @param classLoader loads the entity classes and anything they name
   * @param extraSettings Hibernate settings applied on top of {@link #settings}
   * @throws UnsupportedTypeException if an attribute has a type datajar cannot store
   */
  public static Booted boot(
      String dataSetName,
      Collection<Class<?>> entityClasses,
      DataSource dataSource,
      ClassLoader classLoader,
      Map<String, Object> extraSettings) {
    Map<String, Object> settings = settings(extraSettings);
    if (dataSource != null) {
      settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
    } else {
      settings.put(AvailableSettings.CONNECTION_PROVIDER, NoConnections.class.getName());
    }
    BootstrapServiceRegistry bootstrap =
        new BootstrapServiceRegistryBuilder()
            .applyClassLoader(classLoader)
            .applyClassLoader(HibernateSetup.class.getClassLoader())
            .build();
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder(bootstrap).applySettings(settings).build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      entityClasses.stream()
          .sorted((a, b) -> a.getName().compareTo(b.getName()))
          .forEach(sources::addAnnotatedClass);
      Metadata metadata = sources.buildMetadata();
      SessionFactoryImplementor sf = (SessionFactoryImplementor) metadata.buildSessionFactory();
      try {
        return new Booted(sf, SchemaModelReader.read(dataSetName, metadata, sf));
      } catch (RuntimeException e) {
        sf.close();
        throw e;
      }
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }
}
