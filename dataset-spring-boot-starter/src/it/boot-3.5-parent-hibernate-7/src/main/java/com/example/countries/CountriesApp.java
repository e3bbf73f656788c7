package com.example.countries;

import dev.datajar.datasets.isocodes.CountryStore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The application: datajar's starter adds a {@code Store} bean per entity of the dataset jar and
 * attaches the dataset's own {@link CountryStore} once it is a bean.
 */
@SpringBootApplication
public class CountriesApp {
  @Bean
  CountryStore countryStore() {
    return new CountryStore();
  }

  public static void main(String[] args) {
    SpringApplication.run(CountriesApp.class, args);
  }
}
