package dev.datajar.spring;

import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.StoreObserver;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Spring Boot auto-configuration of datajar: one {@link DataSets} bean, opened when the context
 * starts (every start-up check runs then) and closed with it; a {@code Store<E>} bean for every
 * entity of the opened datasets, so that {@code @Autowired Store<Country> countries} works; and
 * every bean that is a {@link Store} subclass ({@code @Component class CountryStore extends
 * Store<Country>}) attached to its dataset.
 *
 * <p>With Actuator, {@link DataJarActuatorAutoConfiguration} adds the {@code datasets} endpoint and
 * health indicator; with Micrometer, {@link DataJarMetricsAutoConfiguration} the meters of store
 * calls.
 *
 * <p>Configured through {@link DataJarProperties} ({@code datajar.*}). A {@code DataSets} bean of
 * the application's own replaces the one made here; the {@code Store<E>} beans then come from it.
 * The generated {@code Store<E>} beans are primary, so that a custom store of the same entity does
 * not make {@code @Autowired Store<E>} ambiguous.
 */
@AutoConfiguration
@ConditionalOnClass(DataSets.class)
@EnableConfigurationProperties(DataJarProperties.class)
public class DataJarAutoConfiguration {

  /**
   * Opens the configured datasets; Spring calls {@link DataSets#close()} at shutdown. A single
   * {@link StoreObserver} bean (the Micrometer meters of {@link DataJarMetricsAutoConfiguration},
   * or the application's own) sees every store call.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public DataSets dataJarDataSets(
      DataJarProperties properties,
      ApplicationContext context,
      ObjectProvider<StoreObserver> observer) {
    DataSets.Builder b = StoreRegistrar.builder(properties, context.getClassLoader());
    observer.ifUnique(b::observer);
    return b.open();
  }

  /** Registers a {@code Store<E>} bean definition per entity, before any bean is created. */
  @Bean
  public static StoreRegistrar dataJarStoreRegistrar(Environment environment) {
    return new StoreRegistrar(environment);
  }

  /** Attaches every {@link Store} subclass bean to the dataset of its entity. */
  @Bean
  public static BeanPostProcessor dataJarStoreAttacher(ObjectProvider<DataSets> dataSets) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName)
          throws BeansException {
        if (bean instanceof Store<?> store && store.getClass() != Store.class) {
          dataSets.getObject().attach(store);
        }
        return bean;
      }
    };
  }
}
