package dev.datajar.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.datajar.runtime.fixture.Assignment;
import dev.datajar.runtime.fixture.Country;
import dev.datajar.runtime.fixture.Fixtures;
import dev.datajar.runtime.fixture.Vendor;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What opening a dataset does and does not do: plain lookups are served without Hibernate ever
 * starting; Hibernate starts on the first read that needs it, and only for that dataset.
 */
class StartupPathTest {
  @TempDir static Path root;

  private static DataSets open() {
    Fixtures.geo(root);
    Fixtures.oui(root);
    return DataSets.builder().classLoader(Fixtures.loader(root)).open();
  }

  @Test
  void plainLookups_ofAFreshDataSets_runWithoutStartingHibernate() {
    try (DataSets dataSets = open()) {
      Store<Vendor> vendors = dataSets.store(Vendor.class);
      Store<Assignment> assignments = dataSets.store(Assignment.class);
      assertEquals("Apple", vendors.get(1L).orElseThrow().getName());
      assertEquals(3, vendors.count());
      assertEquals(
          List.of(1L, 2L),
          assignments.getAll(List.of(1L, 2L)).stream().map(a -> a.orElseThrow().getId()).toList());
      // Through a to-one: a subquery, still plain SQL.
      assertEquals(
          List.of(1L, 3L, 5L),
          assignments.search(Query.where(Where.eq("vendor.name", "Apple"))).stream()
              .map(Assignment::getId)
              .toList());
      try (Stream<Vendor> s = vendors.stream()) {
        assertEquals(3, s.count());
      }
      assertEquals(1, vendors.one(Query.where(Where.eq("prefix", "00:00:0C"))).getId() - 1);
      assertFalse(dataSets.hibernateStarted("oui"));
      assertFalse(dataSets.hibernateStarted("geo"));
    }
  }

  @Test
  void hql_startsHibernateForItsDataSetOnly() {
    try (DataSets dataSets = open()) {
      assertEquals(
          List.of("Apple"),
          dataSets
              .store(Vendor.class)
              .query("select name from Vendor where id = ?1", String.class, 1L));
      assertTrue(dataSets.hibernateStarted("oui"));
      assertFalse(dataSets.hibernateStarted("geo"));
    }
  }

  @Test
  void entityWithAOneToMany_isReadWithoutHibernate() {
    try (DataSets dataSets = open()) {
      assertFalse(dataSets.hibernateStarted("geo"));
      Country japan = dataSets.store(Country.class).get(3L).orElseThrow();
      assertEquals("Japan", japan.getName());
      assertFalse(japan.getCities().isEmpty());
      assertFalse(dataSets.hibernateStarted("geo"));
    }
  }

  @Test
  void fullCheck_startsHibernateAtOpening() {
    Fixtures.geo(root);
    Fixtures.oui(root);
    try (DataSets dataSets =
        DataSets.builder().classLoader(Fixtures.loader(root)).verifyFully().open()) {
      assertTrue(dataSets.hibernateStarted("oui"));
      assertEquals("Apple", dataSets.store(Vendor.class).get(1L).orElseThrow().getName());
    }
  }

  @Test
  void fullCheck_setOnTheGuiceModule_startsHibernateAtOpening() {
    Fixtures.geo(root);
    Fixtures.oui(root);
    Injector injector =
        Guice.createInjector(
            DataSetModule.builder()
                .classLoader(Fixtures.loader(root))
                .dataSets("oui")
                .verifyFully()
                .build());
    try (DataSets dataSets = injector.getInstance(DataSets.class)) {
      assertEquals(Set.of("oui"), dataSets.names());
      assertTrue(dataSets.hibernateStarted("oui"));
    }
  }

  @Test
  void readsAfterClose_failAtOnceWithTheClosedMessage() {
    DataSets dataSets = open();
    Store<Vendor> vendors = dataSets.store(Vendor.class);
    dataSets.close();
    DataSetException e = assertThrows(DataSetException.class, () -> vendors.get(1L));
    assertEquals(
        "dataset 'oui' is closed: DataSets.close() was called; open the datasets again"
            + " (a new DataSets or injector) to read it",
        e.getMessage());
    assertThrows(DataSetException.class, vendors::stream);
  }
}
