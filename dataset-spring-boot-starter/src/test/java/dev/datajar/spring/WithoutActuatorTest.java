package dev.datajar.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.datasets.isocodes.Country;
import dev.datajar.runtime.DataSets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Actuator and Micrometer are optional: run by its own surefire execution with both taken off the
 * class path (see the pom), an application starts, reads, and says which version it serves through
 * {@link DataSets#info()}; no endpoint, health indicator or meters are made.
 */
class WithoutActuatorTest {
  @TempDir Path cache;

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @Test
  void actuatorAndMicrometerAreNotOnTheClassPath() {
    // Else this test would prove nothing.
    assertThrows(
        ClassNotFoundException.class,
        () -> Class.forName("org.springframework.boot.actuate.endpoint.annotation.Endpoint"));
    assertThrows(
        ClassNotFoundException.class,
        () -> Class.forName("io.micrometer.core.instrument.MeterRegistry"));
  }

  @Test
  void theStarterWorksWithoutThem() {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(App.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties("datajar.cache-directory=" + cache)
            .run()) {
      DataSets dataSets = context.getBean(DataSets.class);
      assertEquals("Japan", dataSets.store(Country.class).get("JP").orElseThrow().getName());
      assertEquals("iso-codes", dataSets.info("iso-codes").name());
      assertTrue(dataSets.info("iso-codes").totalRows() > 200);
      for (String name : context.getBeanDefinitionNames()) {
        String type = String.valueOf(context.getType(name));
        assertTrue(
            !type.contains("DataSetsEndpoint")
                && !type.contains("DataSetsHealthIndicator")
                && !type.contains("DataJarMetrics"),
            name + ": " + type);
      }
    }
  }
}
