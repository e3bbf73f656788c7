package com.example.countries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.datasets.isocodes.Country;
import dev.datajar.datasets.isocodes.Currency;
import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.hibernate.Version;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application starts under Spring Boot 3.5's parent, with the versions it manages, and serves
 * every plain read; what needs Hibernate 7 fails at once, saying which property to set.
 */
@SpringBootTest
class CountriesAppTest {
  @Autowired Store<Currency> currencies;
  @Autowired Store<Country> countries;
  @Autowired CountryNames names;

  @Test
  void theParentManagesDatajarsDependenciesDown() {
    // What this case is about: if the parent stopped managing these, the test would prove nothing.
    assertTrue(Version.getVersionString().startsWith("6.6."), Version.getVersionString());
    assertEquals("3.1.0", version("jakarta.persistence", "jakarta.persistence-api"));
    assertEquals("3.49.1.0", version("org.xerial", "sqlite-jdbc"));
    assertEquals("6.3.3", version("com.zaxxer", "HikariCP"));
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
  void aQueryNeedingHibernate7FailsNamingTheVersionsAndTheProperty() {
    DataSetException e =
        assertThrows(
            DataSetException.class,
            () -> currencies.query("select c.name from Currency c", String.class));
    String m = e.getMessage();
    assertTrue(m.contains("Hibernate ORM " + Version.getVersionString()), m);
    assertTrue(m.contains("<hibernate.version>"), m);
    assertTrue(m.contains("<jakarta-persistence.version>"), m);
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
