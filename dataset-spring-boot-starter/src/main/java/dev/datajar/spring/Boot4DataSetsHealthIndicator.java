package dev.datajar.spring;

import dev.datajar.runtime.DataSets;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of the datasets (component {@code datasets}) through Spring Boot 4's health API
 * ({@code spring-boot-health}): the same as {@link DataSetsHealthIndicator} reports under Spring
 * Boot 3. Made only when that API is on the class path, so Spring Boot 3 applications never load
 * this class.
 */
public class Boot4DataSetsHealthIndicator implements HealthIndicator {
  private final DataSets dataSets;

  public Boot4DataSetsHealthIndicator(DataSets dataSets) {
    this.dataSets = dataSets;
  }

  @Override
  public Health health() {
    DataSetsHealth h = DataSetsHealth.of(dataSets);
    return (h.up() ? Health.up() : Health.down()).withDetails(h.details()).build();
  }
}
