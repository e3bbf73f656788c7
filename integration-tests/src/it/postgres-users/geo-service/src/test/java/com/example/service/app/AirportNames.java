package com.example.service.app;

import com.example.geo.Airport;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import org.springframework.stereotype.Component;

/** A bean of the service that reads the dataset through the Store bean the starter made. */
@Component
public class AirportNames {
  private final Store<Airport> airports;

  public AirportNames(Store<Airport> airports) {
    this.airports = airports;
  }

  public Store<Airport> airports() {
    return airports;
  }

  public String nameOf(String code) {
    return airports.one(Query.where(Where.eq("code", code))).getName();
  }
}
