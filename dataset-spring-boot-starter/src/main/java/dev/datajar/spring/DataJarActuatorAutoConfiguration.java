package dev.datajar.spring;

import dev.datajar.runtime.DataSets;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Spring Boot Actuator on the class path: the {@code datasets} endpoint ({@link
 * DataSetsEndpoint}) and the {@code datasets} health indicator ({@link DataSetsHealthIndicator}).
 * Without Actuator nothing here is loaded; the starter does not bring it.
 *
 * <p>The health indicator is written for Spring Boot 3's health API ({@code
 * org.springframework.boot.actuate.health}); Spring Boot 4 moved it, and there only the endpoint is
 * made. {@code management.health.datasets.enabled=false} turns the indicator off.
 */
@AutoConfiguration(after = DataJarAutoConfiguration.class)
@ConditionalOnClass({DataSets.class, Endpoint.class})
@ConditionalOnBean(DataSets.class)
public class DataJarActuatorAutoConfiguration {

  /** {@code /actuator/datasets}, once exposed. */
  @Bean
  @ConditionalOnMissingBean
  public DataSetsEndpoint dataSetsEndpoint(DataSets dataSets) {
    return new DataSetsEndpoint(dataSets);
  }

  /** Spring Boot 3's health API. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  @ConditionalOnProperty(
      prefix = "management.health.datasets",
      name = "enabled",
      matchIfMissing = true)
  static class Health {
    /** The bean name makes the health component "datasets". */
    @Bean
    @ConditionalOnMissingBean(name = "datasetsHealthIndicator")
    DataSetsHealthIndicator datasetsHealthIndicator(DataSets dataSets) {
      return new DataSetsHealthIndicator(dataSets);
    }
  }
}
