package dev.datajar.spring;

import dev.datajar.runtime.DataSetInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link DataSetInfo} as plain maps, strings and numbers, for the Actuator endpoint and health
 * details: serialised the same way by every JSON library and Spring Boot version; unknown values
 * are left out.
 */
final class DataSetDescriptions {
  private DataSetDescriptions() {}

  static Map<String, Object> of(DataSetInfo info) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", info.name());
    if (info.artifact() != null) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("groupId", info.artifact().groupId());
      a.put("artifactId", info.artifact().artifactId());
      a.put("version", info.artifact().version());
      m.put("artifact", a);
    }
    put(m, "sha256", info.sha256());
    put(m, "schema", info.schema());
    m.put("tables", new LinkedHashMap<>(info.tables()));
    m.put("totalRows", info.totalRows());
    m.put("entities", info.entities());
    put(m, "builtAt", info.builtAt());
    put(m, "datajarVersion", info.datajarVersion());
    m.put("source", info.source());
    put(m, "file", info.file());
    m.put("servedSince", info.servedSince().toString());
    return m;
  }

  /** The short form of the health details: which version, since when. */
  static Map<String, Object> brief(DataSetInfo info) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (info.artifact() != null) {
      m.put("artifact", info.artifact().toString());
    }
    put(m, "sha256", info.sha256());
    put(m, "schema", info.schema());
    m.put("totalRows", info.totalRows());
    m.put("servedSince", info.servedSince().toString());
    return m;
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value.toString());
    }
  }
}
