package dev.datajar.spring;

import dev.datajar.runtime.DataSetInfo;
import dev.datajar.runtime.DataSets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The health of the datasets (component {@code datasets}): UP with which version of each is served;
 * DOWN once they were closed, or when the SQLite file a dataset reads no longer exists or cannot be
 * read (a cache directory cleaned under the running service: connections opened later would fail).
 * A dataset that cannot be opened at all stops the application's start-up with its reason, before
 * any health is asked for.
 */
public class DataSetsHealthIndicator implements HealthIndicator {
  private final DataSets dataSets;

  public DataSetsHealthIndicator(DataSets dataSets) {
    this.dataSets = dataSets;
  }

  @Override
  public Health health() {
    if (!dataSets.isOpen()) {
      return Health.down().withDetail("error", "the datasets were closed").build();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    boolean up = true;
    for (DataSetInfo info : dataSets.info()) {
      Map<String, Object> d = DataSetDescriptions.brief(info);
      if (info.file() != null && !Files.isReadable(info.file())) {
        up = false;
        d.put(
            "error",
            info.file()
                + " no longer exists or cannot be read; restart the service to copy or"
                + " open it again");
      }
      details.put(info.name(), d);
    }
    return (up ? Health.up() : Health.down()).withDetails(details).build();
  }
}
