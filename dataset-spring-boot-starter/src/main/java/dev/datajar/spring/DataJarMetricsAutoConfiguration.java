package dev.datajar.spring;

import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.StoreObserver;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * With Micrometer on the class path: {@link DataJarMetrics}, the {@link StoreObserver} of the
 * {@link DataSets} bean and a {@link MeterBinder} that Spring Boot binds to the application's meter
 * registry. Without Micrometer (or with {@code datajar.metrics.enabled=false}) no observer is set
 * and store calls are not timed at all.
 */
@AutoConfiguration(before = DataJarAutoConfiguration.class)
@ConditionalOnClass({DataSets.class, MeterBinder.class})
@ConditionalOnProperty(
    prefix = DataJarProperties.PREFIX + ".metrics",
    name = "enabled",
    matchIfMissing = true)
public class DataJarMetricsAutoConfiguration {

  /** The meters of store calls; Spring Boot binds it to the meter registry. */
  @Bean
  @ConditionalOnMissingBean(StoreObserver.class)
  public DataJarMetrics dataJarMetrics() {
    return new DataJarMetrics();
  }
}
