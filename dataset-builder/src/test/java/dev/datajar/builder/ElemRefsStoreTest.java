package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.elemrefs.Route;
import dev.datajar.builder.fixtures.elemrefs.Station;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.HibernateProbe;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A to-one inside a collection's embeddable element ({@code Stop.station}, and {@code Transfer.to}
 * nested in it), in a list with an order column and a set ordered by a part, reads on the row path
 * on SQLite and PostgreSQL: every {@code Store} call without starting Hibernate, and as Hibernate
 * answers it, NULLs at every level (a NULL part, a NULL to-one, a target with a NULL name, a nested
 * embeddable of NULLs, an empty collection).
 */
class ElemRefsStoreTest {
  @TempDir static Path dir;
  private static final ToOneCalls CALLS = new ToOneCalls("home", "name", "%a", "Gamma");
  private static Fixtures.BothEngines both;

  @BeforeAll
  static void build() throws Exception {
    both = Fixtures.bothEngines(dir, "elemrefs_store", "", "elemrefs");
  }

  @AfterAll
  static void close() {
    if (both != null) {
      both.close();
    }
  }

  @Test
  void toOneInsideACollectionElement_readsOnTheRowPath_asHibernateReadsIt() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      assertTrue(HibernateProbe.rowPath(d, Route.class), "Route reads through Hibernate");
      Station alpha = d.store(Station.class).get(1L).orElseThrow();
      List<String> rows = CALLS.answers(d.store(Route.class), alpha);
      assertFalse(HibernateProbe.started(d, "elemrefs"), "a Store call started Hibernate");
      Route one = d.store(Route.class).get(1L).orElseThrow();
      // one call makes one object of each target, as a Hibernate session does
      assertSame(one.stops.get(0).station, one.stops.get(3).station);
      assertSame(one.home, one.stops.get(3).transfer.to);
      assertEquals(CALLS.answers(HibernateProbe.throughHibernate(d, Route.class), alpha), rows);
      assertEquals(
          "get 1 one home=1:Alpha stops=[first@1:Alpha[L1->3:Gamma], null@2:null[null],"
              + " third@null[L2->null], fourth@1:Alpha[null->1:Alpha]]"
              + " detours=[c@3:Gamma[null], b@null[null], a@2:null[L9->2:null]]",
          rows.get(1));
    }
  }
}
