package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.callbacks.Note;
import dev.datajar.builder.fixtures.callbacks.Topic;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.HibernateProbe;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @PostLoad} callbacks on the row path, on SQLite and PostgreSQL: every object a {@code
 * Store} call builds gets the callbacks Hibernate calls, in JPA's order (listeners of the mapped
 * superclass, then the entity's, then the callback methods most general first, an overridden one
 * once, as its override), after its to-ones are set and their own callbacks have run; and Hibernate
 * does not start.
 */
class CallbacksStoreTest {
  @TempDir static Path dir;
  private static Fixtures.BothEngines both;

  @BeforeAll
  static void build() throws Exception {
    both = Fixtures.bothEngines(dir, "callbacks_store", "", "callbacks");
  }

  @AfterAll
  static void close() {
    if (both != null) {
      both.close();
    }
  }

  private static List<String> answers(Store<Note> notes, Store<Topic> topics) {
    List<String> out = new ArrayList<>();
    out.add("get " + notes.get(1L).orElseThrow());
    out.add("getAll " + notes.getAll(List.of(3L, 2L)));
    out.add("search " + notes.search(Query.all().orderBy("id")));
    out.add("search topic.name " + notes.search(Query.where(Where.isNotNull("topic.name"))));
    out.add("first " + notes.first(Query.all().orderByDesc("id")).orElseThrow());
    out.add("stream " + notes.stream(Query.all().orderBy("id")).collect(Collectors.toList()));
    out.add("topics " + topics.search(Query.all().orderBy("id")));
    return out;
  }

  @Test
  void postLoadCallbacks_runOnTheRowPath_inHibernatesOrder_withoutHibernate() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      assertTrue(HibernateProbe.rowPath(d, Note.class), "Note reads through Hibernate");
      assertTrue(HibernateProbe.rowPath(d, Topic.class), "Topic reads through Hibernate");
      List<String> rows = answers(d.store(Note.class), d.store(Topic.class));
      assertFalse(HibernateProbe.started(d, "callbacks"), "a Store call started Hibernate");
      assertEquals(
          "get 1 first in java (JAVA) [LoggedListener, NoteListener java, Logged.loggedLoaded,"
              + " Note.noteLoaded]",
          rows.get(0));
      assertEquals(
          answers(
              HibernateProbe.throughHibernate(d, Note.class),
              HibernateProbe.throughHibernate(d, Topic.class)),
          rows);
    }
  }

  /**
   * A runtime from before the callbacks finds these layouts under a key it does not read ({@code
   * newerLayouts}), so it reads the entities through Hibernate, which calls them: never an object
   * without its callbacks.
   */
  @Test
  void anOlderRuntime_readsThemThroughHibernate_withTheirCallbacks() throws Exception {
    List<String> rows = answers(both.sqlite().store(Note.class), both.sqlite().store(Topic.class));
    try (DataSets d = Fixtures.olderRuntime(dir, "callbacks", "newerLayouts")) {
      assertFalse(HibernateProbe.rowPath(d, Note.class), "Note read without Hibernate");
      assertEquals(rows, answers(d.store(Note.class), d.store(Topic.class)));
    }
  }
}
