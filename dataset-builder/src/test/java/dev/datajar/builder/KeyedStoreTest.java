package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.keyed.Airline;
import dev.datajar.builder.fixtures.keyed.Author;
import dev.datajar.builder.fixtures.keyed.Book;
import dev.datajar.builder.fixtures.keyed.Keyed;
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
import jakarta.persistence.Entity;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    // Runtimes that predate composite ids read the "layouts" key only. Book alone has a plain
    // layout, but its to-one leads to Author (collections: "extendedLayouts"), so Book is recorded
    // there too: under "layouts" such a runtime would find no layout for Book's author.
    String plain = manifest.substring(manifest.indexOf("\"layouts\""));
    int extended = plain.indexOf("\"extendedLayouts\"");
    assertTrue(extended > 0, manifest);
    assertFalse(plain.substring(0, extended).contains("\"entity\""), plain);
    assertTrue(
        plain.substring(extended).contains("\"entity\" : \"" + Book.class.getName() + "\""), plain);
    assertTrue(manifest.contains("\"idClass\" : \"" + Runway.Key.class.getName() + "\""));
    assertTrue(HibernateProbe.rowPath(rows, Runway.class));
    assertTrue(HibernateProbe.rowPath(rows, Printing.class));
    assertTrue(HibernateProbe.rowPath(rows, Town.class));
    assertTrue(HibernateProbe.rowPath(rows, Library.class));
    assertTrue(HibernateProbe.rowPath(rows, Mention.class));
    assertTrue(HibernateProbe.rowPath(rows, Author.class));
    assertTrue(HibernateProbe.rowPath(rows, Book.class));
  }

  @Test
  void manifestCutToThePlainKey_readsBookThroughHibernate_asTheRowPathReadsIt() throws Exception {
    // What a runtime that reads only "layouts" sees: no layout, so Book reads through Hibernate.
    String manifest = manifest();
    String cut =
        manifest.substring(0, manifest.indexOf("\"extendedLayouts\""))
            + manifest.substring(manifest.indexOf("\"sqliteVersion\""));
    try (DataSets d = withManifest("cut", cut)) {
      assertFalse(HibernateProbe.rowPath(d, Book.class));
      assertEquals(books(rows), books(d));
    }
  }

  @Test
  void layoutWhoseTargetHasNone_isLeftOut_andReadsThroughHibernate() throws Exception {
    // A manifest whose Author layout is missing (here: renamed to a class of no entity): Book's
    // to-one target has no layout, so Book reads through Hibernate, not through a row mapper that
    // cannot make its author.
    String manifest = manifest();
    String entity = "\"entity\" : \"" + Author.class.getName() + "\"";
    assertTrue(manifest.contains(entity), manifest);
    String edited = manifest.replace(entity, "\"entity\" : \"" + Author.class.getName() + "Gone\"");
    try (DataSets d = withManifest("no-author", edited)) {
      assertFalse(HibernateProbe.rowPath(d, Book.class));
      assertFalse(HibernateProbe.rowPath(d, Author.class));
      assertEquals(books(rows), books(d));
    }
  }

  private static String manifest() throws IOException {
    return Files.readString(
        dir.resolve("classes/META-INF/datasets/keyed.manifest.json"), StandardCharsets.UTF_8);
  }

  /** The keyed dataset's files with {@code manifest} as its manifest, opened. */
  private static DataSets withManifest(String name, String manifest) throws IOException {
    Path copy = dir.resolve(name);
    Path from = dir.resolve("classes");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = copy.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    Files.writeString(
        copy.resolve("META-INF/datasets/keyed.manifest.json"), manifest, StandardCharsets.UTF_8);
    return DataSets.builder()
        .classLoader(
            new URLClassLoader(
                new URL[] {copy.toUri().toURL()}, KeyedStoreTest.class.getClassLoader()))
        .cacheDirectory(dir.resolve(name + "-cache"))
        .dataSets("keyed")
        .open();
  }

  /** Every book with its author's name, in id order. */
  private static List<String> books(DataSets d) {
    List<String> out = new ArrayList<>();
    for (Book b : d.store(Book.class).search(Query.all().orderBy("id"))) {
      out.add(
          b.id
              + " "
              + b.title
              + " "
              + b.published
              + " "
              + (b.author == null ? null : b.author.name));
    }
    return out;
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
    assertEquals(List.of(1L, 3L, 5L), ids.apply(Query.where(Where.isNotNull("runway.surface"))));
    assertEquals(
        List.of(4L, 3L, 1L, 2L, 5L), ids.apply(Query.all().orderByDesc("printing.copies")));
    assertEquals(List.of(2L, 4L), ids.apply(Query.where(Where.isNull("runway.number"))));
    assertEquals(3, mentions.count(Query.where(Where.eq("printing.id.isbn", "978-0"))));
    try (Stream<Mention> s = mentions.stream(Query.where(Where.eq("printing.title", "Dune")))) {
      assertEquals(List.of(1L, 4L, 5L), s.map(m -> m.id).toList());
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
      assertEquals(List.of(3L, 5L), ids.apply(Query.where(Where.ne("runway", lhr27))), where);
      assertEquals(List.of(2L, 4L), ids.apply(Query.where(Where.isNull("runway"))), where);
      assertEquals(List.of(1L, 3L, 5L), ids.apply(Query.where(Where.isNotNull("runway"))), where);
      assertEquals(List.of(4L), ids.apply(Query.where(Where.eq("printing", dune2))), where);
      assertEquals(
          List.of(3L, 4L),
          ids.apply(Query.where(Where.in("printing", List.of(dune2, anon)))),
          where);
      assertEquals(
          List.of(1L, 5L),
          ids.apply(Query.where(Where.not(Where.in("printing", List.of(dune2, anon))))),
          where);
      assertEquals(1, mentions.count(Query.where(Where.eq("runway", lhr27))), where);
      // by the key columns in order, NULL first ascending
      assertEquals(List.of(2L, 4L, 3L, 5L, 1L), ids.apply(Query.all().orderBy("runway")), where);
      // mentions 1 and 5 hold the same printing: a tie, broken by the id
      assertEquals(
          List.of(4L, 1L, 5L, 3L, 2L), ids.apply(Query.all().orderByDesc("printing")), where);
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

  // ---- one-to-manys and inverse many-to-manys: every field of every row is Hibernate's

  /** The entities with collections of entities, each with the HQL that reads all of its rows. */
  private static final Map<Class<?>, String> ENTITY_COLLECTIONS =
      Map.of(
          Author.class, "select a from Author a order by a.id",
          Book.class, "select b from Book b order by b.id",
          Town.class, "select t from Town t order by t.id",
          Library.class, "select l from Library l order by l.id",
          Runway.class, "select r from Runway r order by r.airport, r.number",
          Printing.class, "select p from Printing p order by p.id.isbn, p.id.run",
          Mention.class, "select m from Mention m order by m.id");

  @Test
  void oneToMany_inTheirOrder_withoutHibernate() {
    for (DataSets d : List.of(rows, postgres)) {
      Store<Author> authors = d.store(Author.class);
      Author herbert = authors.get(1L).orElseThrow();
      // published desc, then title; a NULL year last (descending), as on every read path
      assertEquals(
          List.of("Children of Dune", "Sandworms", "Whipping Star", "Dune Messiah", "Dune"),
          herbert.books.stream().map(b -> b.title).toList());
      assertEquals(
          List.of("Persuasion", "Emma", "Sanditon"),
          authors.get(2L).orElseThrow().books.stream().map(b -> b.title).toList());
      // each book's author is the one object read
      herbert.books.forEach(b -> assertTrue(b.author == herbert));
      assertEquals(5, herbert.bookSet.size());
      assertEquals(
          List.of("Emma", "Sandworms", "Whipping Star"),
          herbert.edited.stream().map(b -> b.title).toList());
      assertEquals(List.of(5L, 4L), herbert.favourites.stream().map(b -> b.id).toList());
      Author nobody = authors.get(3L).orElseThrow();
      assertEquals(List.of(), nobody.books);
      assertTrue(nobody.bookSet.isEmpty());
      assertEquals(
          List.of(1L, 2L),
          authors.search(Query.where(Where.like("name", "%e%"))).stream().map(a -> a.id).toList());
      try (Stream<Author> s = authors.stream(Query.all().orderByDesc("name"))) {
        assertEquals(
            List.of(0, 5, 3), s.map(a -> a.books.size()).toList(), "Nobody, Herbert, Austen");
      }
      Town paris = d.store(Town.class).get(1L).orElseThrow();
      assertEquals(List.of(1L), paris.librariesByIdDesc.stream().map(l -> l.id).toList());
      assertTrue(paris.libraries.iterator().next().towns.contains(paris));
    }
  }

  @Test
  void collections_ofCompositeKeyOwners_withoutHibernate() {
    for (DataSets d : List.of(rows, postgres)) {
      Store<Runway> runways = d.store(Runway.class);
      Runway lhr27 = runways.get(new Runway.Key("LHR", 27)).orElseThrow();
      assertEquals(List.of("amber", "green"), lhr27.lights);
      assertEquals(List.of(2L), lhr27.towns.stream().map(t -> t.id).toList());
      assertEquals(
          List.of("[blue, red]", "[white]", "[]"),
          runways
              .getAll(
                  List.of(
                      new Runway.Key("CDG", 9),
                      new Runway.Key("CDG", 26),
                      new Runway.Key("AAA", 1)))
              .stream()
              .map(r -> r.orElseThrow().lights + "")
              .toList());
      assertEquals(
          List.of(List.of(), List.of(), List.of("blue", "red"), List.of("white")),
          runways.search(Query.where(Where.ne("airport", "LHR"))).stream()
              .map(r -> r.lights)
              .toList());
      Printing dune = d.store(Printing.class).get(new Printing.Id("978-0", 1)).orElseThrow();
      assertEquals(List.of(5L, 1L), dune.getMentions().stream().map(m -> m.id).toList());
      assertTrue(dune.getMentions().get(0).printing == dune);
    }
  }

  @Test
  void mapsAndSortedSets_readOnTheRowPath() {
    for (DataSets d : List.of(rows, postgres)) {
      assertTrue(HibernateProbe.rowPath(d, Airline.class));
      Airline one = d.store(Airline.class).get(1L).orElseThrow();
      assertEquals(Map.of("en", "Air One", "fr", "Air Un"), Map.copyOf(one.labels));
      assertEquals(List.of("AO", "MM", "ZZ"), List.copyOf(one.codes));
      assertTrue(one.codes instanceof java.util.TreeSet, one.codes.getClass().getName());
      assertTrue(d.store(Airline.class).get(2L).orElseThrow().labels.isEmpty());
      assertFalse(HibernateProbe.started(d, "keyed"));
    }
  }

  @Test
  void everyCollectionTable_needsItsSource() throws Exception {
    // a one-to-many's join table, a map's table, a composite-key owner's collection table
    for (String[] t :
        List.of(
            new String[] {"author_favourite", "Author.favourites"},
            new String[] {"airline_label", "Airline.labels"},
            new String[] {"runway_light", "Runway.lights"})) {
      Path sources = dir.resolve("without-" + t[0]);
      Files.createDirectories(sources.resolve("keyed"));
      try (Stream<Path> files = Files.list(Fixtures.SOURCES.resolve("keyed"))) {
        for (Path f : files.toList()) {
          if (!f.getFileName().toString().equals(t[0] + ".csv")) {
            Files.copy(f, sources.resolve("keyed").resolve(f.getFileName()));
          }
        }
      }
      DataSetBuildException e =
          assertThrows(
              DataSetBuildException.class,
              () ->
                  new DataSetBuilder()
                      .build(
                          Fixtures.request(dir.resolve("built-" + t[0]), "keyed")
                              .sourceDirectory(sources)
                              .build()));
      assertTrue(
          e.getMessage()
              .contains(
                  "table '" + t[0] + "' (the table of collection " + t[1] + ") has no source"),
          e.getMessage());
    }
  }

  @Test
  void oneToMany_andInverseManyToMany_everyFieldIsHibernates_onSqlite() {
    everyFieldIsHibernates(rows, hql);
    assertTrue(HibernateProbe.started(hql, "keyed"));
  }

  @Test
  void oneToMany_andInverseManyToMany_everyFieldIsHibernates_onPostgres() {
    everyFieldIsHibernates(postgres, postgres);
  }

  /**
   * Reads every row of each of {@link #ENTITY_COLLECTIONS} through {@code rowPath}'s stores (get,
   * getAll, search, stream) and through HQL on {@code hibernate}, and compares every field, down
   * through the entities they hold.
   */
  private static void everyFieldIsHibernates(DataSets rowPath, DataSets hibernate) {
    for (Map.Entry<Class<?>, String> e : ENTITY_COLLECTIONS.entrySet()) {
      everyFieldIsHibernates(rowPath, hibernate, e.getKey(), e.getValue());
    }
  }

  private static <T> void everyFieldIsHibernates(
      DataSets rowPath, DataSets hibernate, Class<T> type, String hql) {
    assertTrue(HibernateProbe.rowPath(rowPath, type), type.getName());
    Store<T> store = rowPath.store(type);
    List<String> expected =
        hibernate.store(type).query(hql, type).stream().map(x -> fields(x)).toList();
    assertTrue(expected.size() > 2, type + ": " + expected);
    List<String> searched = store.search(Query.all()).stream().map(x -> fields(x)).toList();
    assertEquals(expected, searched, type.getName());
    try (Stream<T> s = store.stream(Query.all())) {
      assertEquals(expected, s.map(x -> fields(x)).toList(), type.getName());
    }
    assertEquals(expected.size(), store.count(Query.all()));
    List<Object> ids = new ArrayList<>();
    for (T row : hibernate.store(type).query(hql, type)) {
      Object id = idOf(row);
      ids.add(id);
      assertEquals(fields(row), fields(store.get(id).orElseThrow()), type.getName() + " " + id);
    }
    assertEquals(
        expected,
        store.getAll(ids).stream().map(o -> fields(o.orElseThrow())).toList(),
        type.getName());
  }

  /**
   * Every field of an entity, and of the entities it refers to (to a depth of three; deeper, and
   * where a path comes back to an entity it holds, by class and id); a collection's elements in
   * their order when it has one ({@code @OrderBy}, {@code @OrderColumn}), else sorted.
   */
  private static String fields(Object entity) {
    return fields(entity, new HashSet<>(), 0);
  }

  /**
   * {@code onPath}: the entities (by class and id) this one is inside of. By id, not identity:
   * Hibernate's lazy loads after its session closed give other instances of the same row.
   */
  private static String fields(Object entity, Set<String> onPath, int depth) {
    Class<?> type = entityClass(entity);
    String ref = type.getSimpleName() + "#" + value(idOf(entity), onPath, depth);
    if (depth > 3 || !onPath.add(ref)) {
      return ref;
    }
    StringBuilder sb = new StringBuilder(type.getSimpleName()).append('{');
    for (Field f : type.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      Object v = fieldValue(entity, f.getName());
      String text;
      if (v instanceof Collection<?> c) {
        List<String> elements = new ArrayList<>();
        for (Object x : c) {
          elements.add(value(x, onPath, depth));
        }
        if (f.getAnnotation(OrderBy.class) == null && f.getAnnotation(OrderColumn.class) == null) {
          elements.sort(null); // no order: Hibernate's is the database's
        }
        text = (v instanceof Set ? "set" : "list") + elements;
      } else {
        text = value(v, onPath, depth);
      }
      sb.append(f.getName()).append('=').append(text).append(", ");
    }
    onPath.remove(ref);
    return sb.append('}').toString();
  }

  private static String value(Object v, Set<String> onPath, int depth) {
    if (v != null && entityClass(v).isAnnotationPresent(Entity.class)) {
      return fields(v, onPath, depth + 1);
    }
    if (v != null && v.getClass().getPackage() == Keyed.class.getPackage()) {
      StringBuilder sb = new StringBuilder("(");
      for (Field f : v.getClass().getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())) {
          f.setAccessible(true);
          try {
            sb.append(f.getName()).append('=').append(value(f.get(v), onPath, depth)).append(' ');
          } catch (IllegalAccessException e) {
            throw new LinkageError(e.getMessage(), e);
          }
        }
      }
      return sb.append(')').toString(); // an embeddable or id, by its fields
    }
    return v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v);
  }

  /** An entity's id, as {@code Store.get} takes it. */
  private static Object idOf(Object entity) {
    return entity instanceof Runway r
        ? new Runway.Key(r.airport, r.number)
        : fieldValue(entity, "id");
  }

  /** The entity class of an object (a Hibernate proxy's superclass). */
  private static Class<?> entityClass(Object o) {
    Class<?> c = o.getClass();
    while (c != Object.class && !c.isAnnotationPresent(Entity.class)) {
      c = c.getSuperclass();
    }
    return c == Object.class ? o.getClass() : c;
  }

  private static Object fieldValue(Object o, String name) {
    try {
      Field f = entityClass(o).getDeclaredField(name);
      f.setAccessible(true);
      return f.get(o);
    } catch (ReflectiveOperationException e) {
      throw new LinkageError(e.getMessage(), e);
    }
  }

  private static List<String> strings(List<?> list) {
    return list.stream().map(String::valueOf).toList();
  }
}
