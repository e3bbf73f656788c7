package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.elemrefs.Route;
import dev.datajar.builder.fixtures.jointags.Post;
import dev.datajar.builder.fixtures.keyed.Book;
import dev.datajar.builder.fixtures.keyed.Library;
import dev.datajar.builder.fixtures.keyed.Mention;
import dev.datajar.builder.fixtures.keyed.Runway;
import dev.datajar.builder.fixtures.keymaps.Atlas;
import dev.datajar.builder.fixtures.keyrefs.Airport;
import dev.datajar.builder.fixtures.keyrefs.Flight;
import dev.datajar.builder.fixtures.keyrefs.Stand;
import dev.datajar.builder.fixtures.mapped.Shelf;
import dev.datajar.builder.fixtures.restricted.Bundle;
import dev.datajar.builder.fixtures.restricted.Gadget;
import dev.datajar.builder.fixtures.restricted.Kit;
import dev.datajar.builder.fixtures.restricted.Ledger;
import dev.datajar.builder.fixtures.restricted.Part;
import dev.datajar.builder.fixtures.typed.Value;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import dev.datajar.testing.postgres.TestPostgres;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's bar, seen from the JVM: a child JVM run with {@code -verbose:class} reads every entity
 * of the {@code keyed}, {@code mapped}, {@code elemrefs}, {@code keymaps}, {@code jointags}, {@code
 * keyrefs} and {@code restricted} fixtures (composite keys, embeddables, element collections, maps
 * (keyed by entities and embeddables too), sorted collections, many-to-manys (restricted on their
 * join tables too), one-to-manys ordered by their targets' attributes, to-ones to composite keys,
 * to-ones inside collection elements, from {@code keyrefs} to-ones to composite keys inside keys,
 * embeddables and collection elements, from {@code restricted} class-level {@code @SQLRestriction}s
 * and the to-ones, keys, map keys and collections that lead to them) through every {@code Store}
 * call, and searches ordered and filtered through to-ones, without loading Hibernate's {@code
 * SessionFactoryImpl}, nor {@code sql()} into a record, a basic value and entities (issue 18, item
 * 2); then one HQL {@code query()} loads it, which shows the check would see it. A second child
 * does the same with {@code sql()} on a dataset built into PostgreSQL.
 */
class NoSessionFactoryTest {
  static final String READS_DONE = "---- store calls done ----";
  static final String SESSION_FACTORY = "org.hibernate.internal.SessionFactoryImpl ";

  @TempDir Path dir;

  @Test
  void storeCalls_loadNoSessionFactory_butQueryDoes() throws Exception {
    Path classes = dir.resolve("classes");
    new DataSetBuilder()
        .build(
            Fixtures.request(
                    dir,
                    "keyed",
                    "mapped",
                    "elemrefs",
                    "keymaps",
                    "jointags",
                    "keyrefs",
                    "restricted")
                .outputDirectory(classes.resolve("META-INF/datasets"))
                .build());
    noSessionFactoryBefore(
        "Store calls", Child.class, classes.toString(), dir.resolve("cache").toString());
  }

  /**
   * Issue 18, item 2, on PostgreSQL: a child JVM reads the {@code typed} dataset built into
   * PostgreSQL through {@code sql()} only (a record, a basic value with a collection parameter,
   * entities) without loading {@code SessionFactoryImpl}; then one {@code query()} loads it.
   */
  @Test
  void sqlOnPostgres_loadsNoSessionFactory_butQueryDoes() throws Exception {
    Path classes = dir.resolve("pg");
    String url = TestPostgres.get().createDatabase("no_session_factory", "");
    new DataSetBuilder()
        .build(
            Fixtures.request(dir, "typed")
                .outputDirectory(classes.resolve("META-INF/datasets"))
                .postgres(new PostgresTarget(url, TestPostgres.get().user(), null, "1"))
                .build());
    noSessionFactoryBefore(
        "sql() on PostgreSQL",
        PostgresChild.class,
        classes.toString(),
        url + "?user=" + TestPostgres.get().user());
  }

  /**
   * Runs {@code main} in a child JVM with {@code -verbose:class} and checks that nothing it did
   * before printing {@link #READS_DONE} loaded {@code SessionFactoryImpl}, and that what it did
   * after (a {@code query()}) did.
   */
  private void noSessionFactoryBefore(String what, Class<?> main, String... args) throws Exception {
    List<String> command = ChildJvm.java();
    command.addAll(
        List.of("-verbose:class", "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Path log = dir.resolve(main.getSimpleName() + ".log");
    Process child =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child JVM did not end");
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertEquals(0, child.exitValue(), () -> String.join("\n", lines));
    int done = lines.indexOf(READS_DONE);
    assertTrue(done > 0, "no marker in the child's output");
    List<String> reads = lines.subList(0, done);
    assertTrue(
        reads.stream().anyMatch(l -> l.contains("dev.datajar.runtime.internal.read.RowMapper ")),
        "the row path was not loaded: is the output -verbose:class's?");
    List<String> factories = reads.stream().filter(l -> l.contains(SESSION_FACTORY)).toList();
    List<String> loaded = reads.stream().filter(l -> l.contains("[class,load]")).toList();
    List<String> hibernate =
        loaded.stream()
            .filter(l -> l.contains("] org.hibernate."))
            .map(l -> l.substring(l.indexOf("] org.hibernate.") + 2).split(" ")[0])
            .toList();
    System.out.printf(
        "-verbose:class, %s: %d classes loaded, %d of them org.hibernate.* %s, %d"
            + " SessionFactoryImpl; then query(): %s%n",
        what,
        loaded.size(),
        hibernate.size(),
        hibernate,
        factories.size(),
        lines.subList(done, lines.size()).stream()
            .filter(l -> l.contains(SESSION_FACTORY))
            .findFirst()
            .orElse("no SessionFactoryImpl"));
    assertEquals(List.of(), factories, what + " loaded Hibernate's SessionFactoryImpl");
    assertTrue(
        lines.subList(done, lines.size()).stream().anyMatch(l -> l.contains(SESSION_FACTORY)),
        "query() did not load SessionFactoryImpl: the check above cannot see it");
  }

  /** The child JVM on PostgreSQL: {@code sql()} calls, the marker, then one HQL query. */
  public static final class PostgresChild {
    private PostgresChild() {}

    /** A row of {@code sql()}: columns by label. */
    record Stamped(long id, OffsetDateTime offsetStamp, BigDecimal amount) {}

    public static void main(String[] args) throws Exception {
      ClassLoader loader =
          new URLClassLoader(
              new URL[] {Path.of(args[0]).toUri().toURL()}, PostgresChild.class.getClassLoader());
      try (DataSets d =
          DataSets.builder().classLoader(loader).dataSets("typed").jdbc("typed", args[1]).open()) {
        Store<Value> values = d.store(Value.class);
        Child.check(
            !values
                .sql(
                    "select id, offset_stamp as \"offsetStamp\", amount from \"value\"",
                    Stamped.class)
                .isEmpty());
        Child.check(
            !values
                .sql("select id from \"value\" where id in (?)", Long.class, List.of(1L, 2L))
                .isEmpty());
        Child.check(!values.sql("select * from \"value\"", Value.class).isEmpty());
        System.out.println(READS_DONE);
        System.out.flush();
        values.query("select v from Value v", Value.class);
      }
    }
  }

  /** The child JVM: Store calls, the marker, then one HQL query. */
  public static final class Child {
    private Child() {}

    /** A row of {@code sql()}: columns by label. */
    record Named(long id, String name) {}

    static void check(boolean read) {
      if (!read) {
        throw new IllegalStateException("sql() read no rows");
      }
    }

    public static void main(String[] args) throws Exception {
      ClassLoader loader =
          new URLClassLoader(
              new URL[] {Path.of(args[0]).toUri().toURL()}, Child.class.getClassLoader());
      try (DataSets d =
          DataSets.builder()
              .classLoader(loader)
              .cacheDirectory(Path.of(args[1]))
              .dataSets(
                  "keyed", "mapped", "elemrefs", "keymaps", "jointags", "keyrefs", "restricted")
              .open()) {
        long rowsStreamed = 0;
        for (String name :
            List.of(
                "keyed", "mapped", "elemrefs", "keymaps", "jointags", "keyrefs", "restricted")) {
          for (Class<?> type : d.entities(name)) {
            Store<?> s = d.store(type);
            s.search(Query.all().limit(5));
            s.count(Query.all());
            s.first(Query.all());
            try (Stream<?> rows = s.stream(Query.all())) {
              rowsStreamed += rows.count();
            }
          }
        }
        Runway r = d.store(Runway.class).first(Query.all()).orElseThrow();
        d.store(Runway.class).get(new Runway.Key(r.airport, r.number));
        d.store(Runway.class).getAll(List.of(new Runway.Key(r.airport, r.number)));
        d.store(Library.class).getAll(List.of(1L, 2L, 3L));
        d.store(Shelf.class).get(1L);
        d.store(Route.class).getAll(List.of(1L, 3L));
        d.store(Route.class).search(Query.all().orderBy("home.name"));
        d.store(Atlas.class).getAll(List.of(1L, 3L));
        d.store(Post.class).get(1L);
        d.store(Gadget.class).get(2L);
        d.store(Gadget.class).getAll(List.of(1L, 2L));
        d.store(Kit.class).search(Query.all().orderBy("main.maker.name").orderByDesc("main"));
        d.store(Kit.class).count(Query.where(Where.isNull("main.id")));
        d.store(Ledger.class).getAll(List.of(1L, 2L, 4L));
        d.store(Bundle.class).get(1L);
        d.store(Bundle.class).search(Query.all().orderBy("ledger.name"));
        Gadget g = new Gadget();
        g.id = 2;
        d.store(Part.class).get(new Part.Key(g, 1));
        d.store(Part.class).search(Query.all().orderBy("bundle.ledger.name"));
        d.store(Book.class).search(Query.all().orderByDesc("author.name"));
        d.store(Mention.class).search(Query.all().orderBy("runway.length").orderBy("note"));
        d.store(Mention.class).count(Query.all().orderBy("printing"));
        Flight f = d.store(Flight.class).get(1L).orElseThrow();
        d.store(dev.datajar.builder.fixtures.keyrefs.Runway.class)
            .get(
                new dev.datajar.builder.fixtures.keyrefs.Runway.Key(
                    new Airport.Key(f.slot.airport.country, f.slot.airport.code), 1));
        d.store(Stand.class).getAll(List.of(f.stand.id));
        d.store(Flight.class).search(Query.where(Where.eq("slot.runway", f.slot.runway)));
        d.store(Stand.class).search(Query.all().orderBy("id.airport.name").orderBy("runway"));
        // sql(): a record, a basic value and entities (with collections too), on the row path.
        Store<Library> libraries = d.store(Library.class);
        check(
            !libraries
                .sql("select id, name from library where id in (?)", Named.class, List.of(1L, 2L))
                .isEmpty());
        check(libraries.sql("select count(*) from library", Long.class).get(0) > 0);
        check(libraries.sql("select * from library order by id", Library.class).size() > 0);
        check(
            d.store(Book.class).sql("select * from book where id > ?", Book.class, 0L).size() > 0);
        System.out.println(rowsStreamed + " rows streamed");
        System.out.println(READS_DONE);
        System.out.flush();
        d.store(Book.class).query("select b from Book b", Book.class);
      }
    }
  }
}
