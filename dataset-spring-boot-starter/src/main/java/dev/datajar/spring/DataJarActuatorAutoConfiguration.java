package dev.datajar.spring;

import dev.datajar.runtime.DataSets;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Spring Boot Actuator on the class path: the {@code datasets} endpoint ({@link
 * DataSetsEndpoint}) and the {@code datasets} health indicator ({@link DataSetsHealthIndicator}).
 * Without Actuator nothing here is loaded; the starter does not bring it.
 *
 * <p>Spring Boot 4 moved the health API from {@code org.springframework.boot.actuate.health}
 * (Spring Boot 3's {@code spring-boot-actuator}) to {@code
 * org.springframework.boot.health.contributor} ({@code spring-boot-health}). One indicator is
 * written for each, in its own nested configuration whose conditions name the API's classes as
 * strings, so an application loads only the one for the Spring Boot it runs on; both report the
 * same ({@link DataSetsHealth}). {@code management.health.datasets.enabled=false} turns the
 * indicator off.
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

  /**
   * Spring Boot 4's health API. Only where Spring Boot 3's is missing: an application that has both
   * on its class path (Spring Boot 3 with a stray {@code spring-boot-health}) gets the one its
   * Actuator reads, not two beans of one name.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  @ConditionalOnMissingClass("org.springframework.boot.actuate.health.HealthIndicator")
  @ConditionalOnProperty(
      prefix = "management.health.datasets",
      name = "enabled",
      matchIfMissing = true)
  static class Boot4Health {
    /** The bean name makes the health component "datasets". */
    @Bean
    @ConditionalOnMissingBean(name = "datasetsHealthIndicator")
    Boot4DataSetsHealthIndicator datasetsHealthIndicator(DataSets dataSets) {
      return new Boot4DataSetsHealthIndicator(dataSets);
    }
  }
}
