package com.example.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.example.geo.Airport;
import com.example.service.app.AirportNames;
import com.example.service.app.GeoApp;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Store;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * This JVM was started with -Ddatajar.geo.jdbc (and .user), as a service is deployed: no code
 * names the database.
 */
class JvmPropertyTest {
  @Test
  void dataSetsOpen() {
    assertNotNull(System.getProperty("datajar.geo.jdbc"), "this run must have the property");
    try (DataSets dataSets = DataSets.open()) {
      assertEquals(Set.of("geo"), dataSets.names());
      Airports.check(dataSets.store(Airport.class));
    }
  }

  @Test
  void guiceDataSetModule() {
    Injector injector = Guice.createInjector(new DataSetModule());
    try {
      Airports.check(injector.getInstance(Key.get(new TypeLiteral<Store<Airport>>() {})));
    } finally {
      injector.getInstance(DataSets.class).close();
    }
  }

  @Test
  void springBootStarter() {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(GeoApp.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .run()) {
      AirportNames names = context.getBean(AirportNames.class);
      Airports.check(names.airports());
      assertEquals("Rotterdam The Hague", names.nameOf("RTM"));
    }
  }
}
