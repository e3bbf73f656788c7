package dev.datajar.runtime.format;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** THROWAWAY stub until the lead's version lands on main. */
public final class HibernateSetup {
  private HibernateSetup() {}

  public static SessionFactoryImplementor buildSessionFactory(String dataSetName,
      Collection<Class<?>> entityClasses, DataSource dataSource, ClassLoader classLoader,
      Map<String, Object> extraSettings) {
    Map<String, Object> s = new HashMap<>();
    s.put("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect");
    s.put("hibernate.hbm2ddl.auto", "none");
    if (dataSource != null) {
      s.put("jakarta.persistence.nonJtaDataSource", dataSource);
    } else {
      s.put("hibernate.boot.allow_jdbc_metadata_access", "false");
    }
    s.putAll(extraSettings);
    var bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(classLoader).build();
    var registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(s).build();
    MetadataSources sources = new MetadataSources(registry);
    entityClasses.forEach(sources::addAnnotatedClass);
    return (SessionFactoryImplementor) sources.buildMetadata().buildSessionFactory();
  }
}
