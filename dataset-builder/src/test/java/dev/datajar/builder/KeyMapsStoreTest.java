package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.keymaps.Atlas;
import dev.datajar.builder.fixtures.keymaps.Region;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.HibernateProbe;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maps keyed by an entity ({@code @MapKeyJoinColumn}; of basic values, and a many-to-many's of
 * entities) and by an embeddable holding a to-one read on the row path on SQLite and PostgreSQL:
 * every {@code Store} call without starting Hibernate, and as Hibernate answers it, NULLs at every
 * level (a NULL value is no entry, a key entity with a NULL name, a NULL to-one, an empty map).
 */
class KeyMapsStoreTest {
  @TempDir static Path dir;
  private static final ToOneCalls CALLS = new ToOneCalls("home", "name", "%h", "South");
  private static Fixtures.BothEngines both;

  @BeforeAll
  static void build() throws Exception {
    both = Fixtures.bothEngines(dir, "keymaps_store", "", "keymaps");
  }

  @AfterAll
  static void close() {
    if (both != null) {
      both.close();
    }
  }

  @Test
  void mapsKeyedByEntitiesAndEmbeddables_readOnTheRowPath_asHibernateReadsThem() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      assertTrue(HibernateProbe.rowPath(d, Atlas.class), "Atlas reads through Hibernate");
      Region alpha = d.store(Region.class).get(1L).orElseThrow();
      List<String> rows = CALLS.answers(d.store(Atlas.class), alpha);
      assertFalse(HibernateProbe.started(d, "keymaps"), "a Store call started Hibernate");
      Atlas one = d.store(Atlas.class).get(1L).orElseThrow();
      // one call makes one object of each entity, keys and values too, as a session does
      Region south = one.home == null ? null : one.routes.get(one.home);
      assertSame(
          one.routes.keySet().stream().filter(r -> r.id == 3).findFirst().orElseThrow(), south);
      assertEquals(CALLS.answers(HibernateProbe.throughHibernate(d, Atlas.class), alpha), rows);
      assertEquals(
          "get 1 world home=1:North capitals={1:North=Oslo, 3:South=Cape Town}"
              + " scores={A1/1:North=10, B1/2:null=30} routes={1:North=3:South, 2:null=2:null,"
              + " 3:South=1:North}",
          rows.get(1));
    }
  }
}
