package com.example.countries;

import dev.datajar.datasets.isocodes.Country;
import dev.datajar.datasets.isocodes.CountryStore;
import dev.datajar.runtime.Store;
import org.springframework.stereotype.Service;

/** A service of the application, given the dataset's stores by Spring. */
@Service
public class CountryNames {
  private final Store<Country> countries;
  private final CountryStore byCode;

  public CountryNames(Store<Country> countries, CountryStore byCode) {
    this.countries = countries;
    this.byCode = byCode;
  }

  /** The English name of the country with this ISO code (two letters, three or digits). */
  public String name(String code) {
    return byCode.byCode(code).map(Country::getName).orElse("unknown");
  }

  /** How many countries the dataset has. */
  public long count() {
    return countries.count();
  }
}
