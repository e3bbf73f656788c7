package com.example.spring;

import dev.datajar.datasets.isocodes.Currency;
import dev.datajar.runtime.Store;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/** A Spring Boot application with datajar's starter and the iso-codes dataset jar. */
@SpringBootApplication
public class CurrencyApp {
  /** One of the application's beans, reading through an injected store. */
  @Component
  public static class CurrencyNames {
    private final Store<Currency> currencies;

    public CurrencyNames(Store<Currency> currencies) {
      this.currencies = currencies;
    }

    public String name(String alpha3) {
      return currencies.get(alpha3).orElseThrow().getName();
    }
  }
}
