package com.example.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The application starts and serves with the starter alone: no Guice, no Guava, no pgjdbc. */
class CurrencyAppTest {
  @Test
  void startsAndServes() {
    SpringApplication app = new SpringApplication(CurrencyApp.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    try (ConfigurableApplicationContext context = app.run()) {
      assertEquals("Euro", context.getBean(CurrencyApp.CurrencyNames.class).name("EUR"));
    }
    for (String absent :
        new String[] {
          "com.google.inject.Injector",
          "com.google.common.collect.ImmutableList",
          "org.postgresql.Driver"
        }) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent);
    }
  }
}
