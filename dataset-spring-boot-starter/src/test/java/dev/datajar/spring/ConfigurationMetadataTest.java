package dev.datajar.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.BeanInfo;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * {@code META-INF/spring-configuration-metadata.json} of the starter names every {@code datajar.*}
 * property the starter reads: those bound to {@link DataJarProperties} and those its
 * auto-configurations test.
 */
class ConfigurationMetadataTest {

  /** The starter's own metadata (Spring Boot's jars have theirs). */
  private static JsonNode metadata() throws Exception {
    List<URL> ours = new ArrayList<>();
    for (URL url :
        Collections.list(
            ConfigurationMetadataTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
      if (url.toString().contains("dataset-spring-boot-starter")) {
        ours.add(url);
      }
    }
    assertEquals(1, ours.size(), ours.toString());
    try (InputStream in = ours.get(0).openStream()) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static Set<String> documented() throws Exception {
    Set<String> names = new TreeSet<>();
    metadata().path("properties").forEach(p -> names.add(p.path("name").asText()));
    return names;
  }

  /** The bound properties, in Spring's canonical (kebab-case) form. */
  private static void bound(Class<?> type, String prefix, Set<String> out) throws Exception {
    BeanInfo info = Introspector.getBeanInfo(type, Object.class);
    for (PropertyDescriptor p : info.getPropertyDescriptors()) {
      String name =
          prefix + "." + p.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
      Class<?> t = p.getPropertyType();
      if (p.getWriteMethod() == null && t.getEnclosingClass() == DataJarProperties.class) {
        bound(t, name, out); // a nested group (datajar.metrics)
      } else {
        out.add(name);
      }
    }
  }

  /**
   * The datajar.* properties the auto-configurations test with @ConditionalOnProperty. A nested
   * configuration whose @ConditionalOnClass names a class missing here (the Spring Boot 4 health
   * indicator's, under Spring Boot 3) is skipped, as Spring skips it: its methods name that API.
   */
  private static void conditions(Class<?> type, Set<String> out) {
    ConditionalOnClass onClass = type.getAnnotation(ConditionalOnClass.class);
    if (onClass != null) {
      for (String name : onClass.name()) {
        try {
          Class.forName(name, false, type.getClassLoader());
        } catch (ClassNotFoundException e) {
          return;
        }
      }
    }
    List<AnnotatedElement> elements = new ArrayList<>();
    elements.add(type);
    Collections.addAll(elements, type.getDeclaredMethods());
    for (Class<?> nested : type.getDeclaredClasses()) {
      conditions(nested, out);
    }
    for (AnnotatedElement e : elements) {
      ConditionalOnProperty c = e.getAnnotation(ConditionalOnProperty.class);
      if (c == null) {
        continue;
      }
      for (String n : c.name().length > 0 ? c.name() : c.value()) {
        String full = c.prefix().isEmpty() ? n : c.prefix() + "." + n;
        if (full.startsWith("datajar.")) {
          out.add(full);
        }
      }
    }
  }

  @Test
  void everyPropertyTheStarterReads_isDocumented() throws Exception {
    Set<String> read = new TreeSet<>();
    bound(DataJarProperties.class, DataJarProperties.PREFIX, read);
    for (Class<?> c :
        List.of(
            DataJarAutoConfiguration.class,
            DataJarActuatorAutoConfiguration.class,
            DataJarMetricsAutoConfiguration.class)) {
      conditions(c, read);
    }
    assertEquals(
        Set.of(
            "datajar.datasets",
            "datajar.paths",
            "datajar.jdbc",
            "datajar.cache-directory",
            "datajar.cache-retention",
            "datajar.connection-max-lifetime",
            "datajar.follow",
            "datajar.metrics.enabled"),
        read,
        "what this test finds the starter reading");
    Set<String> documented = documented();
    for (String p : read) {
      assertTrue(documented.contains(p), p + " is not in the metadata: " + documented);
    }
  }

  @Test
  void everyDocumentedProperty_hasADescription() throws Exception {
    int seen = 0;
    for (JsonNode p : metadata().path("properties")) {
      if (p.path("name").asText().startsWith("datajar.")) {
        seen++;
        assertTrue(p.path("description").asText().length() > 20, "no description: " + p);
      }
    }
    assertEquals(8, seen);
  }
}
