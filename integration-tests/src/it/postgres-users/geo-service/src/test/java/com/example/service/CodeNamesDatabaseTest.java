package com.example.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.geo.Airport;
import com.example.service.app.AirportNames;
import com.example.service.app.GeoApp;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Store;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** This JVM has no -Ddatajar.geo.jdbc: the code, or the application's properties, names the database. */
class CodeNamesDatabaseTest {
  /** The service's own setting, with the user to connect as in the URL. */
  private static String url() {
    return System.getProperty("geo.jdbc") + "?user=" + System.getProperty("geo.user");
  }

  @Test
  void dataSetsBuilder_jdbc() {
    assertNull(System.getProperty("datajar.geo.jdbc"), "this run must not have the property");
    try (DataSets dataSets = DataSets.builder().jdbc("geo", url()).open()) {
      assertTrue(dataSets.names().contains("geo"), "" + dataSets.names());
      Airports.check(dataSets.store(Airport.class));
    }
  }

  @Test
  void guiceModuleBuilder_jdbc() {
    Injector injector = Guice.createInjector(DataSetModule.builder().jdbc("geo", url()).build());
    try {
      Airports.check(injector.getInstance(Key.get(new TypeLiteral<Store<Airport>>() {})));
    } finally {
      injector.getInstance(DataSets.class).close();
    }
  }

  /** Spring Boot: the application's own properties name the database (datajar.jdbc.geo). */
  @Test
  void springBootProperty() {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(GeoApp.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties("datajar.jdbc.geo=" + url())
            .run()) {
      AirportNames names = context.getBean(AirportNames.class);
      Airports.check(names.airports());
      assertEquals("Eindhoven", names.nameOf("EIN"));
    }
  }

  /** The jar's index lists the dataset, so the runtime finds it and says what is missing. */
  @Test
  void withNoDatabase_theMessageSaysHowToNameOne() {
    DataSetOpenException e = assertThrows(DataSetOpenException.class, DataSets::open);
    assertTrue(e.getMessage().contains("dataset 'geo' was built into PostgreSQL"), e.getMessage());
    assertTrue(e.getMessage().contains("Set -Ddatajar.geo.jdbc=jdbc:postgresql://"), e.getMessage());
  }
}
