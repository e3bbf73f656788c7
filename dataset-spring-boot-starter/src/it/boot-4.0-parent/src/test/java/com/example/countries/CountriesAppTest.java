package com.example.countries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.datasets.isocodes.Country;
import dev.datajar.datasets.isocodes.Currency;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import dev.datajar.spring.Boot4DataSetsHealthIndicator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hibernate.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application starts under Spring Boot 4.0's parent, with the versions it manages (Hibernate
 * 7.2), and serves plain reads and HQL queries alike; Actuator's health endpoint has the {@code
 * datasets} component.
 */
@SpringBootTest(properties = "management.endpoint.health.show-details=always")
class CountriesAppTest {
  @Autowired HealthEndpoint health;
  @Autowired DataSets dataSets;
  @Autowired Store<Currency> currencies;
  @Autowired Store<Country> countries;
  @Autowired CountryNames names;

  record Code(String alpha3, String name) {}

  @Test
  void theParentManagesItsOwnVersions() {
    // What this case is about: if the parent stopped managing these, the test would prove nothing.
    assertTrue(Version.getVersionString().startsWith("7.2."), Version.getVersionString());
    assertEquals("3.50.3.0", version("org.xerial", "sqlite-jdbc"));
  }

  @Test
  void getsByIdentifier() {
    assertEquals("Euro", currencies.get("EUR").orElseThrow().getName());
    assertTrue(currencies.get("XYZ").isEmpty());
  }

  @Test
  void searchesCountsAndStreams() {
    List<Country> found = countries.search(Query.where(Where.eq("alpha3", "FRA")));
    assertEquals(List.of("FR"), found.stream().map(Country::getAlpha2).toList());
    assertTrue(countries.count() > 240);
    try (var s = countries.stream(Query.where(Where.startsWith("name", "Fr")))) {
      assertTrue(s.anyMatch(c -> c.getAlpha2().equals("FR")));
    }
  }

  @Test
  void servesThroughTheApplicationsOwnBeans() {
    assertEquals("France", names.name("250"));
    assertEquals("Côte d'Ivoire", names.name("CIV"));
    assertEquals(countries.count(), names.count());
  }

  @Test
  void runsQueriesThroughHibernate() {
    assertEquals(
        List.of(new Code("EUR", "Euro")),
        currencies.query(
            "select c.alpha3, c.name from Currency c where c.numericCode = ?1", Code.class, "978"));
    assertEquals(
        List.of("Euro"),
        currencies.sql("select name from currency where alpha_3 = ?", String.class, "EUR"));
  }

  @Test
  void healthIsUpWithTheVersionServed() {
    HealthDescriptor datasets = health.healthForPath("datasets");
    assertNotNull(datasets, "no datasets health component: " + health.health());
    assertEquals(Status.UP, datasets.getStatus());
    Map<String, Object> details = ((IndicatedHealthDescriptor) datasets).getDetails();
    Map<?, ?> iso = (Map<?, ?>) details.get("iso-codes");
    assertNotNull(iso, details.toString());
    assertEquals(dataSets.info("iso-codes").sha256(), iso.get("sha256"));
    assertEquals(dataSets.info("iso-codes").totalRows(), iso.get("totalRows"));
    assertEquals(Status.UP, health.health().getStatus());
  }

  /** The same indicator over datasets of one's own: DOWN, with the reason, once they are closed. */
  @Test
  void healthIsDownOnceClosed(@TempDir Path cache) {
    DataSets own = DataSets.builder().cacheDirectory(cache).open();
    Boot4DataSetsHealthIndicator indicator = new Boot4DataSetsHealthIndicator(own);
    assertEquals(Status.UP, indicator.health().getStatus());
    own.close();
    Health closed = indicator.health();
    assertEquals(Status.DOWN, closed.getStatus());
    assertEquals("the datasets were closed", closed.getDetails().get("error"));
  }

  /** The version a Maven-built jar on the class path records of itself. */
  private static String version(String group, String artifact) {
    String name = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = CountriesAppTest.class.getClassLoader().getResourceAsStream(name)) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException | NullPointerException e) {
      throw new AssertionError("no " + name + " on the class path", e);
    }
  }
}
