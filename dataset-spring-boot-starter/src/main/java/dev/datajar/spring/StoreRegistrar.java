package dev.datajar.spring;

import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Registers one {@code Store<E>} bean definition per entity of the datasets that will be opened,
 * with its full generic type, so that Spring resolves {@code @Autowired Store<Country>} by type
 * argument.
 *
 * <p>Bean definitions must exist before beans are made, so the entities are read from the manifests
 * on the class path ({@link DataSets.Builder#entities()}: nothing is opened here); each store is
 * created from the {@link DataSets} bean when first needed. The settings are bound from the
 * environment the same way {@link DataJarProperties} is.
 */
public final class StoreRegistrar implements BeanDefinitionRegistryPostProcessor, BeanFactoryAware {
  private final Environment environment;
  private BeanFactory beanFactory;

  StoreRegistrar(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  static DataSets.Builder builder(DataJarProperties properties, ClassLoader classLoader) {
    DataSets.Builder b = DataSets.builder();
    b.dataSets(properties.getDatasets().toArray(String[]::new));
    for (Map.Entry<String, Path> e : properties.getPaths().entrySet()) {
      b.path(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, String> e : properties.getJdbc().entrySet()) {
      b.jdbc(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, Duration> e : properties.getFollow().entrySet()) {
      b.follow(e.getKey(), e.getValue());
    }
    if (properties.getCacheDirectory() != null) {
      b.cacheDirectory(properties.getCacheDirectory());
    }
    if (properties.getCacheRetention() != null) {
      b.cacheRetention(properties.getCacheRetention());
    }
    if (properties.getConnectionMaxLifetime() != null) {
      b.connectionMaxLifetime(properties.getConnectionMaxLifetime());
    }
    if (classLoader != null) {
      b.classLoader(classLoader);
    }
    return b;
  }

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry)
      throws BeansException {
    DataJarProperties properties =
        Binder.get(environment)
            .bind(DataJarProperties.PREFIX, DataJarProperties.class)
            .orElseGet(DataJarProperties::new);
    ClassLoader loader =
        beanFactory instanceof ConfigurableListableBeanFactory f ? f.getBeanClassLoader() : null;
    for (List<Class<?>> entities : builder(properties, loader).entities().values()) {
      for (Class<?> entity : entities) {
        register(registry, entity);
      }
    }
  }

  private <T> void register(BeanDefinitionRegistry registry, Class<T> entity) {
    RootBeanDefinition definition = new RootBeanDefinition();
    definition.setTargetType(ResolvableType.forClassWithGenerics(Store.class, entity));
    definition.setInstanceSupplier(() -> beanFactory.getBean(DataSets.class).store(entity));
    definition.setPrimary(true);
    // The dataset is closed by the DataSets bean, not per store.
    definition.setDestroyMethodName(null);
    registry.registerBeanDefinition("store:" + entity.getName(), definition);
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
}
