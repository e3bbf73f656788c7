package dev.datajar.spring;

import dev.datajar.runtime.DataSets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The Actuator endpoint {@code datasets}: which version of each dataset the application serves
 * ({@link DataSets#info()}). Over HTTP {@code /actuator/datasets} and {@code
 * /actuator/datasets/{name}} once exposed ({@code management.endpoints.web.exposure.include}); a
 * name that is not open answers 404.
 */
@Endpoint(id = "datasets")
public class DataSetsEndpoint {
  private final DataSets dataSets;

  public DataSetsEndpoint(DataSets dataSets) {
    this.dataSets = dataSets;
  }

  /** Every opened dataset, by name. */
  @ReadOperation
  public Map<String, Object> dataSets() {
    Map<String, Object> all = new LinkedHashMap<>();
    dataSets.info().forEach(i -> all.put(i.name(), DataSetDescriptions.of(i)));
    return Map.of("datasets", all);
  }

  /** One dataset; {@code null} (404) if none of that name is open. */
  @ReadOperation
  public Map<String, Object> dataSet(@Selector String name) {
    if (!dataSets.names().contains(name)) {
      return null;
    }
    return DataSetDescriptions.of(dataSets.info(name));
  }
}
