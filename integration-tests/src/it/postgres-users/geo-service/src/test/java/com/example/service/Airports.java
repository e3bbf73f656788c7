package com.example.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.geo.Airport;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.util.List;
import java.util.Optional;

/** What every way of opening the dataset must read: the three rows the geo-data module built. */
final class Airports {
  private Airports() {}

  static void check(Store<Airport> airports) {
    Airport eindhoven = airports.get(2L).orElseThrow();
    assertEquals(
        List.of("EIN", "Eindhoven", 74),
        List.of(eindhoven.getCode(), eindhoven.getName(), eindhoven.getElevationFt()));
    assertEquals(Optional.empty(), airports.get(99L));
    assertEquals(
        List.of("AMS", "RTM"),
        airports.search(Query.where(Where.lt("elevationFt", 0)).orderBy("code")).stream()
            .map(Airport::getCode)
            .toList());
    assertEquals(3, airports.count(Query.all()));
    assertEquals(1, airports.count(Query.where(Where.eq("name", "Rotterdam The Hague"))));
  }
}
