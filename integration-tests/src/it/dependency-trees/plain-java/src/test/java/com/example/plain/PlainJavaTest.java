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
 * pgjdbc on the class path, and a PostgreSQL URL bound to it names the cause.
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

  /**
   * A PostgreSQL URL left bound to a dataset built into a SQLite file, without pgjdbc: the binding
   * is named as the cause, not the missing driver (adding the driver would not help). The message
   * for a dataset built into PostgreSQL without the driver is PostgresDriverTest's.
   */
  @Test
  void aPostgresUrlForASqliteDataset_namesTheBindingNotTheDriver() {
    DataSetException e =
        assertThrows(
            DataSetException.class,
            () -> DataSets.builder().jdbc("iso-codes", "jdbc:postgresql://127.0.0.1:9/none").open());
    String message = e.getMessage();
    assertTrue(message.startsWith("dataset 'iso-codes'"), message);
    assertTrue(
        message.contains(
            "is bound to PostgreSQL (jdbc:postgresql://127.0.0.1:9/none, from "),
        message);
    assertTrue(
        message.endsWith(
            "but its manifest names no PostgreSQL schema: the dataset was built into a SQLite file."
                + " Build it into that database (mvn package"
                + " -Ddataset.jdbc.url=jdbc:postgresql://127.0.0.1:9/none), or remove the binding to"
                + " read the file."),
        message);
    assertAbsent("org.postgresql.Driver");
  }

  private static void assertAbsent(String className) {
    assertThrows(ClassNotFoundException.class, () -> Class.forName(className), className);
  }
}
