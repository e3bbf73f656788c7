package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.keyed.Library;
import dev.datajar.builder.fixtures.keyed.Mention;
import dev.datajar.builder.fixtures.keyed.Position;
import dev.datajar.builder.fixtures.keyed.Printing;
import dev.datajar.builder.fixtures.keyed.Runway;
import dev.datajar.builder.fixtures.keyed.Town;
import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.HibernateProbe;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import dev.datajar.testing.postgres.TestPostgres;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Composite ids ({@code @IdClass}, {@code @EmbeddedId}) and embeddables (one nested) read through
 * {@code Store} from a built file on the row path: every call answers without Hibernate ever
 * starting (checked after each test), and the answers are Hibernate's (compared with HQL on a
 * second, separately opened copy).
 */
class KeyedStoreTest {
  @TempDir static Path dir;
  private static DataSets rows;
  private static DataSets hql;
  private static DataSets postgres;

  @BeforeAll
  static void build() throws Exception {
    new DataSetBuilder()
        .build(
            Fixtures.request(dir, "keyed")
                .outputDirectory(dir.resolve("classes/META-INF/datasets"))
                .build());
    rows = open("rows-cache");
    hql = open("hql-cache");
    String url = TestPostgres.get().createDatabase("keyed_store");
    new DataSetBuilder()
        .build(
            Fixtures.request(dir.resolve("pg"), "keyed")
                .outputDirectory(dir.resolve("pg/META-INF/datasets"))
                .postgres(new PostgresTarget(url, TestPostgres.get().user(), null, "1"))
                .build());
    postgres =
        DataSets.builder()
            .classLoader(
                new URLClassLoader(
                    new URL[] {dir.resolve("pg").toUri().toURL()},
                    KeyedStoreTest.class.getClassLoader()))
            .dataSets("keyed")
            .jdbc("keyed", url + "?user=" + TestPostgres.get().user())
            .open();
  }

  private static DataSets open(String cache) throws Exception {
    ClassLoader loader =
        new URLClassLoader(
            new URL[] {dir.resolve("classes").toUri().toURL()},
            KeyedStoreTest.class.getClassLoader());
    return DataSets.builder()
        .classLoader(loader)
        .cacheDirectory(dir.resolve(cache))
        .dataSets("keyed")
        .open();
  }

  @AfterAll
  static void close() {
    if (rows != null) {
      rows.close();
    }
    if (hql != null) {
      hql.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @AfterEach
  void hibernateNeverStarted() {
    assertFalse(HibernateProbe.started(rows, "keyed"), "a Store call started Hibernate");
  }

  @Test
  void manifest_recordsTheLayouts_apartFromThePlainOnes() throws Exception {
    String manifest =
        Files.readString(
            dir.resolve("classes/META-INF/datasets/keyed.manifest.json"), StandardCharsets.UTF_8);
    // Runtimes that predate composite ids read the "layouts" key only: these three are not there.
    String plain = manifest.substring(manifest.indexOf("\"layouts\""));
    plain = plain.substring(0, plain.indexOf(']'));
    assertEquals("\"layouts\" : [ ", plain.replace("\n", "").replace("  ", " "));
    assertTrue(manifest.contains("\"extendedLayouts\""), manifest);
    assertTrue(manifest.contains("\"idClass\" : \"" + Runway.Key.class.getName() + "\""));
    assertTrue(HibernateProbe.rowPath(rows, Runway.class));
    assertTrue(HibernateProbe.rowPath(rows, Printing.class));
    assertTrue(HibernateProbe.rowPath(rows, Town.class));
    assertTrue(HibernateProbe.rowPath(rows, Library.class));
    assertTrue(HibernateProbe.rowPath(rows, Mention.class));
  }

  // ---- @IdClass

  @Test
  void idClass_get_getAll_byTheIdClass() {
    Store<Runway> runways = rows.store(Runway.class);
    assertEquals("LHR/27 3902 asphalt", runways.get(new Runway.Key("LHR", 27)).orElseThrow() + "");
    assertEquals("CDG/8 2700 null", runways.get(new Runway.Key("CDG", 8)).orElseThrow() + "");
    assertEquals(Optional.empty(), runways.get(new Runway.Key("LHR", 8)));
    assertNotSame(
        runways.get(new Runway.Key("LHR", 9)).orElseThrow(),
        runways.get(new Runway.Key("LHR", 9)).orElseThrow());
    assertEquals(
        List.of("Optional[AAA/1 null grass]", "Optional.empty", "Optional[CDG/9 2700 concrete]"),
        runways
            .getAll(
                List.of(
                    new Runway.Key("AAA", 1), new Runway.Key("AAA", 2), new Runway.Key("CDG", 9)))
            .stream()
            .map(String::valueOf)
            .toList());
    IllegalArgumentException wrong =
        assertThrows(IllegalArgumentException.class, () -> runways.get("LHR"));
    assertTrue(
        wrong.getMessage().contains("Runway has a composite id: pass a "), wrong.getMessage());
  }

  @Test
  void idClass_search_ordersBreakTiesByEveryIdColumn() {
    Store<Runway> runways = rows.store(Runway.class);
    // No order: by airport, then number (numerically: 8 < 9 < 26).
    assertEquals(
        List.of(
            "AAA/1 null grass",
            "CDG/8 2700 null",
            "CDG/9 2700 concrete",
            "CDG/26 4215 asphalt",
            "LHR/9 3902 asphalt",
            "LHR/27 3902 asphalt"),
        strings(runways.search(Query.all())));
    // Equal lengths: airport, then number (9 < 27 as numbers) break the tie.
    assertEquals(
        List.of(
            "CDG/26 4215 asphalt",
            "LHR/9 3902 asphalt",
            "LHR/27 3902 asphalt",
            "CDG/8 2700 null",
            "CDG/9 2700 concrete"),
        strings(runways.search(Query.where(Where.ge("length", 2700)).orderByDesc("length"))));
    assertEquals(
        List.of("CDG/9 2700 concrete", "CDG/26 4215 asphalt"),
        strings(
            runways.search(
                Query.where(Where.and(Where.eq("airport", "CDG"), Where.gt("number", 8))))));
    assertEquals(
        List.of("CDG/26 4215 asphalt", "CDG/9 2700 concrete", "CDG/8 2700 null"),
        strings(runways.search(Query.where(Where.eq("airport", "CDG")).orderByDesc("number"))));
    assertEquals(3, runways.count(Query.where(Where.startsWith("airport", "CD"))));
    assertEquals(
        List.of("CDG/9 2700 concrete", "CDG/26 4215 asphalt"),
        strings(runways.search(Query.where(Where.eq("airport", "CDG")).offset(1).limit(2))));
    try (Stream<Runway> s = runways.stream(Query.where(Where.isNull("surface")))) {
      assertEquals(List.of("CDG/8 2700 null"), s.map(String::valueOf).toList());
    }
  }

  @Test
  void idClass_withADefaultFilter_getAndGetAll() {
    Criterion paved = Where.in("surface", "asphalt", "concrete");
    Store<Runway> filtered =
        new Store<Runway>() {
          @Override
          protected Criterion defaultFilter() {
            return paved;
          }
        };
    rows.attach(filtered);
    assertEquals(Optional.empty(), filtered.get(new Runway.Key("AAA", 1)));
    assertEquals("CDG/9 2700 concrete", filtered.get(new Runway.Key("CDG", 9)).orElseThrow() + "");
    assertEquals(
        List.of("Optional.empty", "Optional[LHR/27 3902 asphalt]", "Optional.empty"),
        filtered
            .getAll(
                List.of(
                    new Runway.Key("CDG", 8), new Runway.Key("LHR", 27), new Runway.Key("X", 1)))
            .stream()
            .map(String::valueOf)
            .toList());
  }

  // ---- @EmbeddedId

  @Test
  void embeddedId_get_search_count_stream() {
    Store<Printing> printings = rows.store(Printing.class);
    Printing p = printings.get(new Printing.Id("978-0", 1)).orElseThrow();
    assertEquals("978-0#1 Dune null", p.toString());
    assertEquals(new Printing.Id("978-0", 1), p.getId());
    assertEquals(Optional.empty(), printings.get(new Printing.Id("978-0", 3)));
    assertEquals(
        List.of("111-1#3 Anon 300", "978-0#1 Dune null", "978-0#2 Dune 5000", "978-1#1 Emma 300"),
        strings(printings.search(Query.all())));
    assertEquals(
        List.of("111-1#3 Anon 300", "978-1#1 Emma 300", "978-0#2 Dune 5000"),
        strings(printings.search(Query.where(Where.isNotNull("copies")).orderBy("copies"))));
    assertEquals(
        List.of("978-0#2 Dune 5000", "978-0#1 Dune null"),
        strings(printings.search(Query.where(Where.eq("id.isbn", "978-0")).orderByDesc("id.run"))));
    assertEquals(
        3,
        printings.count(Query.where(Where.or(Where.eq("id.run", 1), Where.eq("title", "Anon")))));
    try (Stream<Printing> s = printings.stream(Query.where(Where.like("title", "d%")))) {
      assertEquals(
          List.of("978-0#1 Dune null", "978-0#2 Dune 5000"), s.map(String::valueOf).toList());
    }
  }

  // ---- embeddables

  @Test
  void embeddables_readNested_andAllNullIsNull() {
    Store<Town> towns = rows.store(Town.class);
    assertEquals(
        "1 Paris 48.85,2.35 Rue de Rivoli @48.856,2.352", towns.get(1L).orElseThrow() + "");
    // Every column of centre and hall NULL: both null, as Hibernate reads them.
    Town nowhere = towns.get(2L).orElseThrow();
    assertNull(nowhere.centre);
    assertNull(nowhere.hall);
    // hall: street NULL but entrance not: an address with a null street.
    assertEquals("3 Lyon 45.76,4.84 null @45.767,4.833", towns.get(3L).orElseThrow() + "");
    // hall: entrance's columns all NULL: a null nested embeddable.
    assertEquals("4 Gap 44.56,null Place @null", towns.get(4L).orElseThrow() + "");
  }

  @Test
  void embeddables_conditionsAndOrdersOnTheirPaths() {
    Store<Town> towns = rows.store(Town.class);
    Function<Query, List<Long>> ids = q -> towns.search(q).stream().map(t -> t.id).toList();
    assertEquals(
        List.of(4L, 3L, 1L),
        ids.apply(Query.where(Where.lt("centre.lat", 50.0)).orderBy("centre.lat")));
    assertEquals(List.of(2L, 4L, 3L, 1L), ids.apply(Query.all().orderBy("hall.entrance.lat")));
    assertEquals(List.of(1L, 3L), ids.apply(Query.where(Where.isNotNull("hall.entrance.lon"))));
    assertEquals(2, towns.count(Query.where(Where.isNull("centre.lon"))));
    assertEquals(List.of(4L), ids.apply(Query.where(Where.eq("hall.street", "Place"))));
  }

  @Test
  void embeddables_comparedAsAWhole_onTheRowPath_asThroughHibernate() {
    Position paris = new Position();
    paris.lat = 48.85;
    paris.lon = 2.35;
    for (DataSets on : List.of(rows, postgres, hql)) {
      String where = on == hql ? "Hibernate" : on == rows ? "SQLite" : "PostgreSQL";
      Store<Town> towns =
          on == hql ? HibernateProbe.throughHibernate(hql, Town.class) : on.store(Town.class);
      Function<Query, List<Long>> ids = q -> towns.search(q).stream().map(t -> t.id).toList();
      assertEquals(List.of(1L), ids.apply(Query.where(Where.eq("centre", paris))), where);
      // town 2 has no centre (UNKNOWN); town 4's latitude differs, so its NULL longitude does not
      // matter
      assertEquals(List.of(3L, 4L), ids.apply(Query.where(Where.ne("centre", paris))), where);
      assertEquals(List.of(2L), ids.apply(Query.where(Where.isNull("centre"))), where);
      assertEquals(List.of(1L), ids.apply(Query.where(Where.in("centre", List.of(paris)))), where);
      assertEquals(List.of(1L, 3L, 4L, 2L), ids.apply(Query.all().orderByDesc("centre")), where);
      Store<Printing> printings =
          on == hql
              ? HibernateProbe.throughHibernate(hql, Printing.class)
              : on.store(Printing.class);
      assertEquals(
          List.of("978-0#2 Dune 5000"),
          strings(printings.search(Query.where(Where.eq("id", new Printing.Id("978-0", 2))))),
          where);
      assertEquals(
          List.of("978-1#1 Emma 300", "978-0#2 Dune 5000", "978-0#1 Dune null", "111-1#3 Anon 300"),
          strings(printings.search(Query.all().orderByDesc("id"))),
          where);
      Store<Mention> mentions =
          on == hql ? HibernateProbe.throughHibernate(hql, Mention.class) : on.store(Mention.class);
      assertEquals(
          List.of(4L),
          mentions
              .search(Query.where(Where.eq("printing.id", new Printing.Id("978-0", 2))))
              .stream()
              .map(m -> m.id)
              .toList(),
          where);
    }
  }

  // ---- collections

  private static final List<String> LIBRARIES =
      List.of(
          "1 Central [Big, Cent, Main] [4.0,4.0] [3, 2, 1] [big, old]",
          "2 Empty [] [] [] []",
          "3 Branchy [B] [9.0,1.0, 5.0,null, 1.5,2.5] [4] [new]");

  @Test
  void collections_get_search_stream_inTheirOrder() {
    Store<Library> libraries = rows.store(Library.class);
    assertEquals(LIBRARIES.get(0), libraries.get(1L).orElseThrow() + "");
    assertEquals(LIBRARIES.get(1), libraries.get(2L).orElseThrow() + "");
    assertEquals(LIBRARIES, strings(libraries.search(Query.all())));
    assertEquals(
        List.of(LIBRARIES.get(0), LIBRARIES.get(2)),
        strings(libraries.search(Query.where(Where.ne("id", 2L)).orderByDesc("name"))));
    assertEquals(2, libraries.count(Query.where(Where.like("name", "%n%"))));
    try (Stream<Library> s = libraries.stream(Query.all())) {
      assertEquals(LIBRARIES, s.map(String::valueOf).toList());
    }
    assertEquals(
        List.of(Optional.empty(), Optional.of(LIBRARIES.get(2))),
        libraries.getAll(List.of(9L, 3L)).stream().map(o -> o.map(String::valueOf)).toList());
    // Targets are whole entities; each call gets collections of its own.
    Library central = libraries.get(1L).orElseThrow();
    assertEquals("Paris", central.towns.get(2).name);
    assertEquals("Rue de Rivoli @48.856,2.352", central.towns.get(2).hall + "");
    central.aliases.add("changed");
    central.tags.clear();
    assertEquals(LIBRARIES.get(0), libraries.get(1L).orElseThrow() + "");
  }

  // ---- to-ones to composite keys

  @Test
  void toOnes_toCompositeKeys_loadAndFilterAndOrder() {
    Store<Mention> mentions = rows.store(Mention.class);
    assertEquals(
        "1 long LHR/27 3902 asphalt 978-0#1 Dune null", mentions.get(1L).orElseThrow() + "");
    assertEquals("2 none null null", mentions.get(2L).orElseThrow() + "");
    Function<Query, List<Long>> ids = q -> mentions.search(q).stream().map(m -> m.id).toList();
    assertEquals(List.of(1L), ids.apply(Query.where(Where.eq("runway.airport", "LHR"))));
    assertEquals(List.of(1L, 3L), ids.apply(Query.where(Where.isNotNull("runway.surface"))));
    assertEquals(List.of(4L, 3L, 1L, 2L), ids.apply(Query.all().orderByDesc("printing.copies")));
    assertEquals(List.of(2L, 4L), ids.apply(Query.where(Where.isNull("runway.number"))));
    assertEquals(2, mentions.count(Query.where(Where.eq("printing.id.isbn", "978-0"))));
    try (Stream<Mention> s = mentions.stream(Query.where(Where.eq("printing.title", "Dune")))) {
      assertEquals(List.of(1L, 4L), s.map(m -> m.id).toList());
    }
  }

  @Test
  void toOnes_toCompositeKeys_entityValuesAndOrders_onTheRowPath_asThroughHibernate() {
    for (DataSets on : List.of(rows, hql, postgres)) {
      Runway lhr27 = on.store(Runway.class).get(new Runway.Key("LHR", 27)).orElseThrow();
      Printing dune2 = on.store(Printing.class).get(new Printing.Id("978-0", 2)).orElseThrow();
      Printing anon = on.store(Printing.class).get(new Printing.Id("111-1", 3)).orElseThrow();
      // the row path (rows, postgres), and Hibernate's (hql) as the reference
      Store<Mention> mentions =
          on == hql ? HibernateProbe.throughHibernate(hql, Mention.class) : on.store(Mention.class);
      Function<Query, List<Long>> ids = q -> mentions.search(q).stream().map(m -> m.id).toList();
      String where = on == hql ? "Hibernate" : on == rows ? "SQLite" : "PostgreSQL";
      assertEquals(List.of(1L), ids.apply(Query.where(Where.eq("runway", lhr27))), where);
      // mentions 2 and 4 have no runway: UNKNOWN, in neither eq nor ne
      assertEquals(List.of(3L), ids.apply(Query.where(Where.ne("runway", lhr27))), where);
      assertEquals(List.of(2L, 4L), ids.apply(Query.where(Where.isNull("runway"))), where);
      assertEquals(List.of(1L, 3L), ids.apply(Query.where(Where.isNotNull("runway"))), where);
      assertEquals(List.of(4L), ids.apply(Query.where(Where.eq("printing", dune2))), where);
      assertEquals(
          List.of(3L, 4L),
          ids.apply(Query.where(Where.in("printing", List.of(dune2, anon)))),
          where);
      assertEquals(
          List.of(1L),
          ids.apply(Query.where(Where.not(Where.in("printing", List.of(dune2, anon))))),
          where);
      assertEquals(1, mentions.count(Query.where(Where.eq("runway", lhr27))), where);
      // by the key columns in order, NULL first ascending
      assertEquals(List.of(2L, 4L, 3L, 1L), ids.apply(Query.all().orderBy("runway")), where);
      assertEquals(List.of(4L, 1L, 3L, 2L), ids.apply(Query.all().orderByDesc("printing")), where);
    }
  }

  @Test
  void conditionsAndOrdersThroughACollection_areRefused_onEveryPath() {
    Town paris = rows.store(Town.class).get(1L).orElseThrow();
    List<Query> through =
        List.of(
            Query.where(Where.eq("tags", "x")),
            Query.where(Where.eq("aliases", List.of("x"))),
            Query.where(Where.isNull("tags")),
            Query.where(Where.eq("towns", paris)),
            Query.where(Where.in("towns", List.of(paris))),
            Query.where(Where.eq("towns.name", "Paris")),
            Query.where(Where.eq("branches.lat", 1.0)),
            Query.all().orderBy("tags"),
            Query.all().orderByDesc("towns.name"));
    for (Store<Library> libraries :
        List.of(
            rows.store(Library.class),
            postgres.store(Library.class),
            HibernateProbe.throughHibernate(hql, Library.class))) {
      for (Query q : through) {
        String path = q.orders().isEmpty() ? q.criterion().orElseThrow() + "" : q.orders() + "";
        for (Function<Query, Object> call :
            List.<Function<Query, Object>>of(
                libraries::search, libraries::count, libraries::first, x -> libraries.stream(x))) {
          DataSetException e = assertThrows(DataSetException.class, () -> call.apply(q), path);
          assertTrue(e.getMessage().contains("of Library: "), e.getMessage());
          assertTrue(e.getMessage().contains("goes through the collection '"), e.getMessage());
          assertTrue(e.getMessage().contains("query()"), e.getMessage());
        }
      }
    }
    DataSetException e =
        assertThrows(
            DataSetException.class,
            () -> rows.store(Library.class).search(Query.all().orderBy("towns.name")));
    assertEquals(
        "search of Library: an order on 'towns.name' goes through the collection 'towns', and a"
            + " query's conditions and orders take attributes of Library and of its to-ones and"
            + " embeddables only. Query the collection with HQL through query(), e.g. \"select"
            + " distinct e from Library e join e.towns c where c ...\".",
        e.getMessage());
  }

  // ---- the same answers as Hibernate

  @Test
  void everyAnswer_isHibernates() {
    assertEquals(
        strings(
            hql.store(Runway.class)
                .query("select r from Runway r order by r.airport, r.number", Runway.class)),
        strings(rows.store(Runway.class).search(Query.all())));
    assertEquals(
        strings(
            hql.store(Printing.class)
                .query("select p from Printing p order by p.id.isbn, p.id.run", Printing.class)),
        strings(rows.store(Printing.class).search(Query.all())));
    assertEquals(
        strings(hql.store(Town.class).query("select t from Town t order by t.id", Town.class)),
        strings(rows.store(Town.class).search(Query.all())));
    assertEquals(
        strings(
            hql.store(Library.class).query("select l from Library l order by l.id", Library.class)),
        strings(rows.store(Library.class).search(Query.all())));
    assertEquals(
        strings(
            hql.store(Mention.class).query("select m from Mention m order by m.id", Mention.class)),
        strings(rows.store(Mention.class).search(Query.all())));
    assertTrue(HibernateProbe.started(hql, "keyed"));
  }

  @Test
  void onPostgres_theSameAnswers_withoutHibernate() {
    for (Class<?> type :
        List.of(Runway.class, Printing.class, Town.class, Library.class, Mention.class)) {
      assertTrue(HibernateProbe.rowPath(postgres, type), type.getName());
      assertEquals(
          strings(rows.store(type).search(Query.all())),
          strings(postgres.store(type).search(Query.all())));
    }
    Store<Runway> runways = postgres.store(Runway.class);
    assertEquals("CDG/8 2700 null", runways.get(new Runway.Key("CDG", 8)).orElseThrow() + "");
    assertEquals(
        List.of("LHR/9 3902 asphalt", "LHR/27 3902 asphalt", "CDG/8 2700 null"),
        strings(
            runways.search(
                Query.where(Where.ge("length", 2700)).orderByDesc("length").offset(1).limit(3))));
    Store<Printing> printings = postgres.store(Printing.class);
    assertEquals("978-1#1 Emma 300", printings.get(new Printing.Id("978-1", 1)).orElseThrow() + "");
    Store<Town> towns = postgres.store(Town.class);
    assertNull(towns.get(2L).orElseThrow().hall);
    try (Stream<Town> s = towns.stream(Query.all().orderByDesc("centre.lat"))) {
      assertEquals(List.of(1L, 3L, 4L, 2L), s.map(t -> t.id).toList());
    }
    // A dataset bound to PostgreSQL opens with Hibernate booted for its schema check (plain
    // entities too), so what shows these reads bypass it is their path (asserted above).
  }

  private static List<String> strings(List<?> list) {
    return list.stream().map(String::valueOf).toList();
  }
}
