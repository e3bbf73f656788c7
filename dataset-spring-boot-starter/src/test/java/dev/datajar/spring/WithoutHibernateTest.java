package dev.datajar.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.datasets.isocodes.Country;
import dev.datajar.datasets.isocodes.CountryStore;
import dev.datajar.datasets.isocodes.Currency;
import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Plain reads need no Hibernate at all: run by its own surefire execution with hibernate-core and
 * hibernate-community-dialects taken off the class path (see the pom), an application opens the
 * iso-codes dataset and reads it, {@code sql()} included; {@code query()} fails saying what to add.
 */
class WithoutHibernateTest {
  record Named(String code, String name) {}

  @TempDir Path cache;

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    CountryStore countryStore() {
      return new CountryStore();
    }
  }

  @Test
  void hibernateIsNotOnTheClassPath() {
    // Else this test would prove nothing.
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.hibernate.Version"));
  }

  @Test
  void opensAndReadsWithoutHibernate() {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(App.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties("datajar.cache-directory=" + cache)
            .run()) {
      DataSets dataSets = context.getBean(DataSets.class);
      Store<Currency> currencies = dataSets.store(Currency.class);
      Store<Country> countries = dataSets.store(Country.class);
      CountryStore byCode = context.getBean(CountryStore.class);

      assertEquals("Euro", currencies.get("EUR").orElseThrow().getName());
      assertEquals("CIV", byCode.byCode("384").orElseThrow().getAlpha3());
      assertEquals(
          List.of("FR"),
          countries.search(Query.where(Where.eq("alpha3", "FRA"))).stream()
              .map(Country::getAlpha2)
              .toList());
      assertTrue(countries.count() > 240);
      try (Stream<Country> s = countries.stream(Query.where(Where.startsWith("name", "Fr")))) {
        assertTrue(s.anyMatch(c -> c.getAlpha2().equals("FR")));
      }

      DataSetException e =
          assertThrows(
              DataSetException.class,
              () -> currencies.query("select c.name from Currency c", String.class));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "dataset 'iso-codes': Hibernate, which query() and reads of entities the"
                      + " plain reader cannot read go through, needs Hibernate ORM 7.2 or later"),
          e.getMessage());
      assertTrue(e.getMessage().contains("found: no Hibernate ORM, "), e.getMessage());
      // The same answer again, not a second attempt to start.
      assertEquals(
          e.getMessage(),
          assertThrows(
                  DataSetException.class,
                  () -> currencies.query("select c.name from Currency c", String.class))
              .getMessage());
      // Plain reads go on, and sql() needs no Hibernate (issue 18, item 2): a basic value, a
      // record and an entity.
      assertEquals("Euro", currencies.get("EUR").orElseThrow().getName());
      assertEquals(
          List.of("Euro"),
          currencies.sql("select name from currency where alpha_3 = ?", String.class, "EUR"));
      assertEquals(
          List.of(new Named("EUR", "Euro")),
          currencies.sql(
              "select alpha_3 as code, name from currency where alpha_3 in (?)",
              Named.class,
              List.of("EUR")));
      assertEquals(
          "Euro",
          currencies
              .sql("select * from currency where alpha_3 = ?", Currency.class, "EUR")
              .get(0)
              .getName());
    }
  }
}
