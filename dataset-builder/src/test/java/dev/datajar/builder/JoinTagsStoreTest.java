package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.jointags.Label;
import dev.datajar.builder.fixtures.jointags.Post;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.HibernateProbe;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
      List<String> rows = answers(d.store(Post.class), alpha);
      assertFalse(HibernateProbe.started(d, "jointags"), "a Store call started Hibernate");
      assertEquals(answers(HibernateProbe.throughHibernate(d, Post.class), alpha), rows);
      assertEquals(
          "get 1 first featured=1:red labels=[1:red, 4:blue, 3:null] picks=[1:red, 2:green]",
          rows.get(1));
    }
  }

  private static List<String> answers(Store<Post> s, Label alpha) {
    List<String> out = new ArrayList<>();
    out.add("search " + s.search(Query.all().orderBy("id")));
    out.add("get " + s.get(1L).orElseThrow());
    out.add("get 2 " + s.get(2L).orElseThrow());
    out.add("getAll " + s.getAll(List.of(3L, 9L, 4L, 2L)));
    out.add(
        "by featured name desc "
            + s.search(Query.all().orderByDesc("featured.name").orderBy("id")));
    out.add(
        "featured.name like %e% "
            + s.search(Query.where(Where.like("featured.name", "%e%")).orderBy("title")));
    out.add("featured null " + s.search(Query.where(Where.isNull("featured"))));
    out.add("featured = alpha " + s.search(Query.where(Where.eq("featured", alpha))));
    out.add("first " + s.first(Query.where(Where.isNotNull("title")).orderByDesc("id")));
    out.add("one " + s.one(Query.where(Where.eq("featured.name", "red"))));
    out.add("count " + s.count(Query.where(Where.isNull("featured.name"))));
    out.add("count all " + s.count());
    try (Stream<Post> rows = s.stream(Query.all().orderBy("featured.id").orderBy("id"))) {
      out.add("stream " + rows.toList());
    }
    return out;
  }
}
