package dev.datajar.spring;

import dev.datajar.runtime.DataSets;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The health of the datasets (component {@code datasets}) through Spring Boot 3's health API: UP
 * with which version of each is served; DOWN once they were closed, or when the SQLite file a
 * dataset reads no longer exists or cannot be read (a cache directory cleaned under the running
 * service: connections opened later would fail). A dataset that cannot be opened at all stops the
 * application's start-up with its reason, before any health is asked for. Under Spring Boot 4
 * {@link Boot4DataSetsHealthIndicator} reports the same.
 */
public class DataSetsHealthIndicator implements HealthIndicator {
  private final DataSets dataSets;

  public DataSetsHealthIndicator(DataSets dataSets) {
    this.dataSets = dataSets;
  }

  @Override
  public Health health() {
    DataSetsHealth h = DataSetsHealth.of(dataSets);
    return (h.up() ? Health.up() : Health.down()).withDetails(h.details()).build();
  }
}
