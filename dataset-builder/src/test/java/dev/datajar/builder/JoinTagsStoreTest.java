package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.jointags.Label;
import dev.datajar.builder.fixtures.jointags.Post;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.HibernateProbe;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many-to-manys with a {@code @SQLJoinTableRestriction} (alone, and with a {@code @SQLRestriction}
 * on the target's table) read on the row path on SQLite and PostgreSQL: every {@code Store} call
 * without starting Hibernate, and as Hibernate answers it, the join table's restriction on the join
 * table's columns and the other on the target's, NULLs at every level (a NULL name, a NULL to-one,
 * an empty collection, every element restricted away).
 */
class JoinTagsStoreTest {
  @TempDir static Path dir;
  private static final ToOneCalls CALLS = new ToOneCalls("featured", "title", "%e%", "red");
  private static Fixtures.BothEngines both;

  @BeforeAll
  static void build() throws Exception {
    both = Fixtures.bothEngines(dir, "jointags_store", "", "jointags");
  }

  @AfterAll
  static void close() {
    if (both != null) {
      both.close();
    }
  }

  @Test
  void joinTableRestrictions_readOnTheRowPath_asHibernateReadsThem() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      assertTrue(HibernateProbe.rowPath(d, Post.class), "Post reads through Hibernate");
      Label alpha = d.store(Label.class).get(1L).orElseThrow();
      List<String> rows = CALLS.answers(d.store(Post.class), alpha);
      assertFalse(HibernateProbe.started(d, "jointags"), "a Store call started Hibernate");
      assertEquals(CALLS.answers(HibernateProbe.throughHibernate(d, Post.class), alpha), rows);
      assertEquals(
          "get 1 first featured=1:red labels=[1:red, 4:blue, 3:null] picks=[1:red, 2:green]",
          rows.get(1));
    }
  }
}
