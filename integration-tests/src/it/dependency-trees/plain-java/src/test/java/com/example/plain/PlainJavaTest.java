package com.example.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.datasets.isocodes.Currency;
import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plain-Java service with only the dataset jar: every way of reading works without Guice or
 * pgjdbc on the class path, and a PostgreSQL URL says which dependency to add.
 */
class PlainJavaTest {
  @Test
  void readsEveryWayWithoutGuiceOrPgjdbc() {
    try (DataSets dataSets = DataSets.open()) {
      Store<Currency> currencies = dataSets.store(Currency.class);
      assertEquals("Euro", currencies.get("EUR").orElseThrow().getName());
      assertEquals(1, currencies.search(Query.where(Where.eq("numericCode", "978"))).size());
      try (var s = currencies.stream(Query.where(Where.startsWith("name", "Eur")))) {
        assertEquals(List.of("EUR"), s.map(Currency::getAlpha3).toList());
      }
      // Hibernate's path and raw SQL too.
      assertEquals(
          List.of("Euro"),
          currencies.query("select name from Currency where alpha3 = ?1", String.class, "EUR"));
      assertEquals(
          List.of("Euro"),
          currencies.sql("select name from currency where alpha_3 = ?", String.class, "EUR"));
    }
    assertAbsent("com.google.inject.Injector");
    assertAbsent("com.google.common.collect.ImmutableList");
    assertAbsent("org.postgresql.Driver");
  }

  @Test
  void aPostgresUrlWithoutTheDriverSaysWhichDependencyToAdd() {
    DataSetException e =
        assertThrows(
            DataSetException.class,
            () -> DataSets.builder().jdbc("iso-codes", "jdbc:postgresql://127.0.0.1:9/none").open());
    String version = System.getProperty("pgjdbc.version");
    String message = e.getMessage();
    assertTrue(
        message.startsWith(
            "dataset 'iso-codes': is to be read from PostgreSQL (jdbc:postgresql://127.0.0.1:9/none"),
        message);
    assertTrue(
        message.endsWith(
            "but the PostgreSQL JDBC driver is not on the class path (org.postgresql.Driver not"
                + " found). Add the dependency org.postgresql:postgresql:"
                + version
                + " (Maven: <dependency><groupId>org.postgresql</groupId>"
                + "<artifactId>postgresql</artifactId><version>"
                + version
                + "</version></dependency>); dev.datajar:dataset-runtime declares it optional."),
        message);
  }

  private static void assertAbsent(String className) {
    assertThrows(ClassNotFoundException.class, () -> Class.forName(className), className);
  }
}
