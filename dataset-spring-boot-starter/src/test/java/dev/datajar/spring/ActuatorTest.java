package dev.datajar.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.datajar.datasets.isocodes.Country;
import dev.datajar.datasets.isocodes.Currency;
import dev.datajar.runtime.DataSetInfo;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.RowNotFoundException;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Spring Boot web application with Actuator and the iso-codes dataset jar: {@code
 * /actuator/datasets}, the {@code datasets} health component and the {@code datajar.store.*}
 * meters, asked over HTTP and through the context's meter registry.
 */
class ActuatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path cache;

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  private ConfigurableApplicationContext start(String... properties) {
    return new SpringApplicationBuilder(App.class)
        .web(WebApplicationType.SERVLET)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .properties(
            "server.port=0",
            "datajar.cache-directory=" + cache,
            "management.endpoints.web.exposure.include=datasets,health,metrics",
            "management.endpoint.health.show-details=always")
        .properties(properties)
        .run();
  }

  private record Answer(int status, JsonNode body) {}

  private static Answer get(ConfigurableApplicationContext context, String path)
      throws IOException, InterruptedException {
    String port = context.getEnvironment().getProperty("local.server.port");
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
  }

  @Test
  void endpoint_saysWhichVersionOfEachDatasetIsServed() throws Exception {
    try (ConfigurableApplicationContext context = start()) {
      DataSetInfo info = context.getBean(DataSets.class).info("iso-codes");
      Answer all = get(context, "/actuator/datasets");
      assertEquals(200, all.status(), String.valueOf(all.body()));
      JsonNode iso = all.body().path("datasets").path("iso-codes");
      assertEquals("iso-codes", iso.path("name").asText(), all.body().toString());
      assertEquals(info.sha256(), iso.path("sha256").asText());
      assertEquals(64, iso.path("sha256").asText().length());
      assertEquals(info.totalRows(), iso.path("totalRows").asLong());
      assertTrue(iso.path("totalRows").asLong() > 200, iso.toString());
      assertEquals(info.tables().get("country"), iso.path("tables").path("country").asLong());
      assertEquals(info.source(), iso.path("source").asText());
      assertEquals(info.file().toString(), iso.path("file").asText());
      assertTrue(info.file().startsWith(cache), info.file().toString());
      assertEquals(info.servedSince().toString(), iso.path("servedSince").asText());
      assertFalse(iso.path("datajarVersion").asText().isEmpty(), iso.toString());
      if (info.source().startsWith("jar:")) {
        // The dataset jar of this reactor (as installed or packaged): its Maven coordinates.
        assertEquals("dev.datajar", iso.path("artifact").path("groupId").asText());
        assertEquals("dataset-iso-codes", iso.path("artifact").path("artifactId").asText());
        assertEquals(info.artifact().version(), iso.path("artifact").path("version").asText());
        assertNotNull(info.builtAt());
      } else {
        // Its class folder, in a reactor build that has not packaged it: no coordinates.
        assertTrue(iso.path("artifact").isMissingNode(), iso.toString());
        assertNull(info.artifact());
      }

      Answer one = get(context, "/actuator/datasets/iso-codes");
      assertEquals(200, one.status());
      assertEquals(iso, one.body());
      assertEquals(404, get(context, "/actuator/datasets/nope").status());
    }
  }

  @Test
  void health_isUpWithTheVersions_andDownWhenTheFileIsGone() throws Exception {
    try (ConfigurableApplicationContext context = start()) {
      DataSets dataSets = context.getBean(DataSets.class);
      // Spring Boot 3's health API: its indicator, not the one for Spring Boot 4.
      assertEquals(
          DataSetsHealthIndicator.class, context.getBean("datasetsHealthIndicator").getClass());
      Answer health = get(context, "/actuator/health");
      assertEquals(200, health.status(), String.valueOf(health.body()));
      JsonNode component = health.body().path("components").path("datasets");
      assertEquals("UP", component.path("status").asText(), health.body().toString());
      JsonNode iso = component.path("details").path("iso-codes");
      assertEquals(dataSets.info("iso-codes").sha256(), iso.path("sha256").asText());
      assertEquals(dataSets.info("iso-codes").totalRows(), iso.path("totalRows").asLong());

      // A cleaner took the cached copy away: connections opened later would fail.
      Files.delete(dataSets.file("iso-codes"));
      Answer down = get(context, "/actuator/health");
      assertEquals(503, down.status(), String.valueOf(down.body()));
      JsonNode gone = down.body().path("components").path("datasets");
      assertEquals("DOWN", gone.path("status").asText());
      assertTrue(
          gone.path("details")
              .path("iso-codes")
              .path("error")
              .asText()
              .contains("no longer exists or cannot be read"),
          gone.toString());

      dataSets.close();
      Answer closed = get(context, "/actuator/health");
      assertEquals(503, closed.status());
      assertEquals(
          "the datasets were closed",
          closed.body().path("components").path("datasets").path("details").path("error").asText());
    }
  }

  @Test
  void metrics_countAndTimeStoreCallsInTheContextsRegistry() throws Exception {
    try (ConfigurableApplicationContext context = start()) {
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      Store<Country> countries = context.getBean(DataSets.class).store(Country.class);
      for (int i = 0; i < 3; i++) {
        assertTrue(countries.get("JP").isPresent());
      }
      assertThrows(
          RowNotFoundException.class, () -> countries.one(Query.where(Where.eq("alpha2", "XX"))));
      Timer gets =
          registry
              .get(DataJarMetrics.CALLS)
              .tags(
                  "dataset", "iso-codes",
                  "entity", Country.class.getName(),
                  "operation", "get",
                  "outcome", "success")
              .timer();
      assertEquals(3, gets.count());
      assertTrue(gets.totalTime(TimeUnit.NANOSECONDS) > 0);
      assertEquals(
          1,
          registry
              .get(DataJarMetrics.CALLS)
              .tags("operation", "one", "outcome", "error")
              .timer()
              .count());
      assertEquals(
          1.0,
          registry
              .get(DataJarMetrics.ERRORS)
              .tags("operation", "one", "exception", "RowNotFoundException")
              .counter()
              .count());
      Answer metric = get(context, "/actuator/metrics/datajar.store.calls?tag=operation:get");
      assertEquals(200, metric.status(), String.valueOf(metric.body()));
      assertEquals(3.0, metric.body().path("measurements").get(0).path("value").asDouble());
    }
  }

  @Test
  void metrics_countRowCacheHitsAndMisses_perEntity() throws Exception {
    try (ConfigurableApplicationContext context = start()) {
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      Store<Country> countries = context.getBean(DataSets.class).store(Country.class);
      assertTrue(countries.get("JP").isPresent()); // read: a miss
      assertTrue(countries.get("JP").isPresent()); // cached: a hit
      assertTrue(countries.get("JP").isPresent());
      assertTrue(countries.get("XX").isEmpty()); // read, no row: a miss
      assertTrue(countries.get("XX").isEmpty()); // known to have no row: a hit
      countries.search(Query.where(Where.eq("alpha2", "DE"))); // a query: not a lookup by id
      assertEquals(3.0, cache(registry, Country.class, "hit"));
      assertEquals(2.0, cache(registry, Country.class, "miss"));
      assertEquals(0.0, cache(registry, Currency.class, "hit"), "one pair of meters per entity");
      assertEquals(0.0, cache(registry, Currency.class, "miss"));
      Answer metric =
          get(
              context,
              "/actuator/metrics/datajar.store.cache?tag=result:hit&tag=entity:"
                  + Country.class.getName());
      assertEquals(200, metric.status(), String.valueOf(metric.body()));
      assertEquals(3.0, metric.body().path("measurements").get(0).path("value").asDouble());
    }
  }

  private static double cache(MeterRegistry registry, Class<?> entity, String result) {
    return registry
        .get(DataJarMetrics.CACHE)
        .tags("dataset", "iso-codes", "entity", entity.getName(), "result", result)
        .functionCounter()
        .count();
  }

  @Test
  void metrics_canBeTurnedOff() throws Exception {
    try (ConfigurableApplicationContext context = start("datajar.metrics.enabled=false")) {
      assertTrue(context.getBeansOfType(DataJarMetrics.class).isEmpty());
      context.getBean(DataSets.class).store(Country.class).get("JP");
      assertNull(context.getBean(MeterRegistry.class).find(DataJarMetrics.CALLS).timer());
    }
  }

  /** Plain Java: the same meters with a registry of one's own. */
  @Test
  void metrics_withoutSpring_throughTheObserver() {
    DataJarMetrics metrics = new DataJarMetrics();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (DataSets dataSets = DataSets.builder().cacheDirectory(cache).observer(metrics).open()) {
      Store<Country> countries = dataSets.store(Country.class);
      countries.get("JP"); // before the registry is bound: not seen by it
      metrics.bindTo(registry);
      countries.get("JP");
      countries.search(Query.where(Where.eq("alpha2", "DE")));
      // The cache's counts are the runtime's own: the lookup before binding is in them too.
      assertEquals(1.0, cache(registry, Country.class, "miss"));
      assertEquals(1.0, cache(registry, Country.class, "hit"));
    }
    assertEquals(1, registry.get(DataJarMetrics.CALLS).tags("operation", "get").timer().count());
    assertEquals(1, registry.get(DataJarMetrics.CALLS).tags("operation", "search").timer().count());
  }
}
