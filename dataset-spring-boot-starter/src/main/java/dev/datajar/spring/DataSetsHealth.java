package dev.datajar.spring;

import dev.datajar.runtime.DataSetInfo;
import dev.datajar.runtime.DataSets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code datasets} health component reports, apart from any Spring Boot version's health
 * API: {@link DataSetsHealthIndicator} (Spring Boot 3) and {@link Boot4DataSetsHealthIndicator}
 * (Spring Boot 4) turn it into their own {@code Health}, so both say the same.
 *
 * @param up whether the datasets can be served
 * @param details per dataset its brief description (and an {@code error} when its file is gone), or
 *     only {@code error} once the datasets were closed
 */
record DataSetsHealth(boolean up, Map<String, Object> details) {

  static DataSetsHealth of(DataSets dataSets) {
    if (!dataSets.isOpen()) {
      return new DataSetsHealth(false, Map.of("error", "the datasets were closed"));
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
    return new DataSetsHealth(up, details);
  }
}
