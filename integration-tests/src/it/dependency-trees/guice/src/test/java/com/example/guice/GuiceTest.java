package com.example.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import dev.datajar.datasets.isocodes.Currency;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Store;
import org.junit.jupiter.api.Test;

/** A Guice service: its own Guice dependency is enough for DataSetModule; no pgjdbc comes. */
class GuiceTest {
  static class CurrencyNames {
    @Inject Store<Currency> currencies;

    String name(String alpha3) {
      return currencies.get(alpha3).orElseThrow().getName();
    }
  }

  @Test
  void injectsStores() {
    Injector injector = Guice.createInjector(new DataSetModule());
    try (DataSets dataSets = injector.getInstance(DataSets.class)) {
      assertEquals("Euro", injector.getInstance(CurrencyNames.class).name("EUR"));
    }
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.postgresql.Driver"));
  }
}
