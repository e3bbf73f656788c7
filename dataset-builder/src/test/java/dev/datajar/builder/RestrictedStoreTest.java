package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.restricted.Bundle;
import dev.datajar.builder.fixtures.restricted.Crate;
import dev.datajar.builder.fixtures.restricted.Gadget;
import dev.datajar.builder.fixtures.restricted.Holder;
import dev.datajar.builder.fixtures.restricted.Kit;
import dev.datajar.builder.fixtures.restricted.Ledger;
import dev.datajar.builder.fixtures.restricted.Maker;
import dev.datajar.builder.fixtures.restricted.Part;
import dev.datajar.builder.fixtures.restricted.Pick;
import dev.datajar.builder.fixtures.restricted.Piece;
import dev.datajar.builder.fixtures.restricted.Tally;
import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.HibernateProbe;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class-level {@code @SQLRestriction}s ({@link Gadget}: {@code status > 0}; {@link Maker}: {@code
 * rank <> 3}), a to-one and a many-to-many to such an entity ({@link Kit}), a to-one from one to
 * the other and a one-to-many back: read on the row path (Hibernate never starts) with the answers
 * Hibernate gives, on SQLite and PostgreSQL, for fixed calls and for generated queries
 * (docs/queries.md, S9). A row a restriction excludes is no row: {@code get} finds nothing, a
 * to-one to it is null, and so is every path through it (its id path too).
 */
@TestMethodOrder(
    MethodOrderer.OrderAnnotation.class) // first those that check Hibernate never started
class RestrictedStoreTest {
  @TempDir static Path dir;
  private static Fixtures.BothEngines both;

  @BeforeAll
  static void build() throws Exception {
    both = Fixtures.bothEngines(dir, "restricted_store", "", "restricted");
  }

  @AfterAll
  static void close() {
    if (both != null) {
      both.close();
    }
  }

  @Test
  @Order(1)
  void restrictedEntity_andWhatLeadsToIt_readOnTheRowPath_asHibernateAnswers() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      assertTrue(HibernateProbe.rowPath(d, Gadget.class), "Gadget reads through Hibernate");
      assertTrue(HibernateProbe.rowPath(d, Kit.class), "Kit reads through Hibernate");
      assertTrue(HibernateProbe.rowPath(d, Maker.class), "Maker reads through Hibernate");
      List<String> gadgets = gadgets(d.store(Gadget.class));
      List<String> kits = kits(d.store(Kit.class));
      assertFalse(HibernateProbe.started(d, "restricted"), "a Store call started Hibernate");
      assertEquals(
          List.of(
              "search [1 live maker=1 Acme, 3 also live maker=null, 5 spare maker=null,"
                  + " 6 bright maker=3 null]",
              "count 4",
              "stream [1 live maker=1 Acme, 3 also live maker=null, 5 spare maker=null,"
                  + " 6 bright maker=3 null]",
              "get(2) Optional.empty",
              "getAll [Optional[1 live], Optional.empty, Optional.empty, Optional[6 bright]]",
              "search(name like '%live') [1, 3]",
              "count(status <= 0) 0",
              "maker.id isNull [3, 5]",
              "maker.rank orderByDesc [6, 1, 3, 5]"),
          gadgets);
      assertEquals(
          List.of(
              "1 both gadgets=[1, 3] main=1 live",
              "2 retired main gadgets=[] main=null",
              "3 none gadgets=[] main=null",
              "4 hidden maker gadgets=[3, 5] main=3 also live",
              "5 bright gadgets=[1, 6] main=6 bright",
              "get(2) 2 retired main gadgets=[] main=null",
              "main.name isNotNull [1, 4, 5]",
              "main.id isNull [2, 3]",
              "main isNull [2, 3]",
              "main.maker.name isNull [2, 3, 4, 5]",
              "main.maker isNotNull [1, 5]",
              "orderBy main [2, 3, 1, 4, 5]",
              "first by main.name desc 1",
              "count main.maker.rank > 0 2"),
          kits);
      assertEquals(gadgets(HibernateProbe.throughHibernate(d, Gadget.class)), gadgets);
      assertEquals(kits(HibernateProbe.throughHibernate(d, Kit.class)), kits);
    }
  }

  @Test
  @Order(2)
  void restrictedToOnesInsideEmbeddablesAndElements_readOnTheRowPath_asHibernateAnswers() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      assertTrue(HibernateProbe.rowPath(d, Crate.class), "Crate reads through Hibernate");
      List<String> crates = crates(d.store(Crate.class));
      assertEquals(
          List.of(
              "C(1 live holder a@G(1 live 1 M(1 Acme 1 [1])) [x@G(1 live 1 M(1 Acme 1 [1])),"
                  + " y@null, z@null])",
              "C(2 retired holder b@null [w@null, v@G(6 bright 5 M(3 null 2 [6]))])",
              "C(3 empty holder null [])",
              "C(4 gone holder d@null [u@G(3 also live 2 null)])",
              "C(5 maker hidden e@G(3 also live 2 null) [])",
              "get(2) Optional[C(2 retired holder b@null [w@null, v@G(6 bright 5 M(3 null 2"
                  + " [6]))])]",
              "holder.gadget isNull [2, 3, 4]",
              "holder.gadget.id isNull [2, 3, 4]",
              "holder.gadget.name isNull [2, 3, 4]",
              "holder.gadget.maker isNull [2, 3, 4, 5]",
              "orderBy holder.gadget [2, 3, 4, 1, 5]",
              "count holder.gadget.status > 0 2"),
          crates);
      assertEquals(crates(HibernateProbe.throughHibernate(d, Crate.class)), crates);
    }
  }

  /**
   * Derived identity to a restricted entity ({@link Piece}: its gadget and a number): a row whose
   * gadget the restriction excludes is no row (docs/queries.md, S9). Hibernate 7.4 leaves it out of
   * a plain search and {@code get} finds nothing, but counts it, and fails with {@code
   * EntityNotFoundException} where a condition or order joins the gadget and meets it.
   */
  @Test
  @Order(3)
  void derivedIdentityToARestrictedEntity_anExcludedPartIsNoRow() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      assertTrue(HibernateProbe.rowPath(d, Piece.class), "Piece reads through Hibernate");
      assertEquals(
          List.of(
              "P(G(1 live 1 M(1 Acme 1 [1])) 1 one)",
              "P(G(1 live 1 M(1 Acme 1 [1])) 2 two)",
              "P(G(3 also live 2 null) 1 three)",
              "P(G(6 bright 5 M(3 null 2 [6])) 1 six)",
              "count 4",
              "get(2#1) Optional.empty",
              "get(1#2) Optional[P(G(1 live 1 M(1 Acme 1 [1])) 2 two)]",
              "getAll [Optional.empty, Optional[1#1 one], Optional.empty]",
              "gadget isNull []",
              "gadget.maker isNull [3#1]",
              "stream [3#1, 6#1, 1#1, 1#2]"),
          pieces(d.store(Piece.class)));
      Store<Piece> hibernate = HibernateProbe.throughHibernate(d, Piece.class);
      assertEquals("[1#1 one, 1#2 two, 3#1 three, 6#1 six]", String.valueOf(hibernate.search()));
      assertEquals(6L, hibernate.count());
      assertEquals(Optional.empty(), hibernate.get(new Piece.Key(2, 1)));
      assertEquals(
          "EntityNotFoundException",
          attempt(() -> hibernate.search(Query.all().orderBy("gadget.id"))));
    }
  }

  /**
   * A map keyed by a restricted entity ({@link Tally}): an entry whose key the restriction excludes
   * is no entry on the row path (docs/queries.md, S9), as a NULL value is none; Hibernate 7.4 keeps
   * it, loading the excluded row as the key.
   */
  @Test
  @Order(4)
  void mapKeyedByARestrictedEntity_anExcludedKeyIsNoEntry() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      assertTrue(HibernateProbe.rowPath(d, Tally.class), "Tally reads through Hibernate");
      assertEquals(
          List.of(
              "1 {1=live 1=10, 3=also live 2=30}",
              "2 {}",
              "3 {5=spare 1=50}",
              "get(2) {}",
              "get(1) {1=live 1=10, 3=also live 2=30}"),
          tallies(d.store(Tally.class)));
      assertEquals(
          List.of(
              "1 {1=live 1=10, 2=retired 0=20, 3=also live 2=30}",
              "2 {4=gone -1=40}",
              "3 {5=spare 1=50}",
              "get(2) {4=gone -1=40}",
              "get(1) {1=live 1=10, 2=retired 0=20, 3=also live 2=30}"),
          tallies(HibernateProbe.throughHibernate(d, Tally.class)));
    }
  }

  /**
   * A map keyed by an embeddable holding a to-one to a restricted entity ({@link Ledger}): an entry
   * whose key's gadget the restriction excludes is no entry on the row path (docs/queries.md, S9),
   * as for a map keyed by the entity itself. Hibernate 7.4 fails on such an entry with {@code
   * FetchNotFoundException} when the map loads, where it reads the same to-one in an embeddable
   * element as null ({@link Crate}).
   */
  @Test
  @Order(5)
  void mapKeyedByAnEmbeddableHoldingARestrictedToOne_anExcludedKeyIsNoEntry() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      assertTrue(HibernateProbe.rowPath(d, Ledger.class), "Ledger reads through Hibernate");
      Store<Ledger> s = d.store(Ledger.class);
      List<String> rows = new ArrayList<>();
      for (Ledger l : s.search(Query.all().orderBy("id"))) {
        rows.add(l + " " + lines(l));
      }
      rows.add("get(4) " + s.get(4L).map(RestrictedStoreTest::lines));
      rows.add(
          "getAll "
              + s.getAll(List.of(2L, 1L)).stream()
                  .map(o -> o.map(RestrictedStoreTest::lines))
                  .toList());
      try (Stream<Ledger> all = s.stream(Query.where(Where.ne("name", "none")).orderByDesc("id"))) {
        rows.add("stream " + all.map(RestrictedStoreTest::lines).toList());
      }
      assertEquals(
          List.of(
              "1 mixed {a@1=10, c@5=30}",
              "2 gone only {}",
              "3 none {}",
              "4 odd {f@6=60}",
              "get(4) Optional[{f@6=60}]",
              "getAll [Optional[{}], Optional[{a@1=10, c@5=30}]]",
              "stream [{f@6=60}, {}, {a@1=10, c@5=30}]"),
          rows);
      Store<Ledger> hibernate = HibernateProbe.throughHibernate(d, Ledger.class);
      assertEquals("{}", lines(hibernate.get(3L).orElseThrow()));
      for (long id : List.of(1L, 2L, 4L)) {
        assertEquals(
            "FetchNotFoundException",
            attempt(() -> hibernate.get(id).map(RestrictedStoreTest::lines)),
            "ledger " + id);
      }
    }
  }

  private static String lines(Ledger l) {
    Map<String, Integer> lines = new TreeMap<>();
    l.lines.forEach((k, v) -> lines.put(k.toString(), v));
    return lines.toString();
  }

  /**
   * Collections of entities whose keys hold a to-one to a restricted entity ({@link Bundle}: a
   * many-to-many of {@link Piece}, derived identity, and a one-to-many of {@link Part}, an {@code
   * EmbeddedId}): an element whose key's gadget the restriction excludes is no row, so no element
   * (docs/queries.md, S9). Hibernate 7.4 fails on such an element with {@code
   * FetchNotFoundException}; for {@link Part} its {@code get} finds an excluded row, its search
   * fails on one and its count counts it, where the row path has no such row.
   */
  @Test
  @Order(6)
  void collectionsOfEntitiesWhoseKeyIsRestricted_anExcludedElementIsNoElement() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      for (Class<?> type : List.of(Bundle.class, Part.class)) {
        assertTrue(
            HibernateProbe.rowPath(d, type), type.getSimpleName() + " reads through Hibernate");
      }
      Store<Bundle> bundles = d.store(Bundle.class);
      List<String> rows = new ArrayList<>();
      for (Bundle b : bundles.search(Query.all().orderBy("id"))) {
        rows.add(bundle(b));
      }
      rows.add("get(2) " + bundles.get(2L).map(RestrictedStoreTest::bundle));
      rows.add("ledger.name orderBy " + ids(bundles.search(Query.all().orderBy("ledger.name"))));
      Store<Part> parts = d.store(Part.class);
      rows.add("parts " + parts.search(Query.all().orderBy("id.gadget.name")));
      rows.add("count " + parts.count());
      rows.add("get(2#1) " + parts.get(new Part.Key(gadget(2), 1)));
      rows.add(
          "get(1#1) "
              + parts
                  .get(new Part.Key(gadget(1), 1))
                  .map(p -> p + " of " + p.id.gadget.name + " in " + p.bundle));
      rows.add(
          "getAll "
              + parts.getAll(List.of(new Part.Key(gadget(4), 1), new Part.Key(gadget(6), 2))));
      rows.add("bundle isNull " + ids(parts.search(Query.where(Where.isNull("bundle")))));
      assertEquals(
          List.of(
              "1 mixed ledger=1 mixed pieces=[1#1 one, 3#1 three] parts=[1#1 p one, 6#2 p bright]",
              "2 gone only ledger=2 gone only pieces=[] parts=[]",
              "3 empty ledger=null pieces=[] parts=[]",
              "4 kept ledger=4 odd pieces=[1#2 two, 6#1 six] parts=[3#1 p three]",
              "get(2) Optional[2 gone only ledger=2 gone only pieces=[] parts=[]]",
              "ledger.name orderBy [3, 2, 1, 4]",
              "parts [3#1 p three, 6#2 p bright, 1#1 p one, 5#1 p spare]",
              "count 4",
              "get(2#1) Optional.empty",
              "get(1#1) Optional[1#1 p one of live in 1 mixed]",
              "getAll [Optional.empty, Optional[6#2 p bright]]",
              "bundle isNull [5#1]"),
          rows);
      Store<Bundle> hibernate = HibernateProbe.throughHibernate(d, Bundle.class);
      assertEquals(
          "Optional[4 kept ledger=4 odd pieces=[1#2 two, 6#1 six] parts=[3#1 p three]]",
          String.valueOf(hibernate.get(4L).map(RestrictedStoreTest::bundle)));
      for (long id : List.of(1L, 2L)) {
        assertEquals(
            "FetchNotFoundException",
            attempt(() -> hibernate.get(id).map(RestrictedStoreTest::bundle)),
            "bundle " + id);
      }
      Store<Part> hibernateParts = HibernateProbe.throughHibernate(d, Part.class);
      assertEquals(
          "Optional[2#1 p retired]",
          String.valueOf(hibernateParts.get(new Part.Key(gadget(2), 1))));
      assertEquals(6L, hibernateParts.count());
      assertEquals("EntityNotFoundException", attempt(hibernateParts::search));
    }
  }

  /**
   * A to-one to an entity whose key holds a to-one to a restricted entity ({@link Pick#part}, to a
   * {@link Part}): null where the key's gadget is excluded, and so are the paths through it, its id
   * too, on both paths (docs/queries.md, S9). The Hibernate path joins the part only where its
   * gadget exists as Hibernate reads it (its own join finds the part's row); Hibernate 7.4 cannot
   * load such a pick, so its answers are counts, and searches that leave the pick out.
   */
  @Test
  @Order(7)
  void toOneToAnEntityWhoseKeyIsRestricted_isNull_onBothPaths() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      assertTrue(HibernateProbe.rowPath(d, Pick.class), "Pick reads through Hibernate");
      Store<Pick> s = d.store(Pick.class);
      List<String> row = picks(s);
      assertEquals(
          List.of(
              "part isNull 2",
              "part.id isNull 2",
              "part.name isNull 2",
              "part.id.seq isNotNull 2",
              "part.id.gadget.name isNull 2",
              "part.name = p one 1",
              "not part.id.seq = 1 1",
              "part = 2#1 0",
              "part.id.gadget = 2 0",
              "part.name isNotNull orderByDesc part [4, 3]",
              "part.id.gadget.status > 0 orderBy part.name [4, 3]"),
          row);
      assertEquals(
          "[1 part=null, 2 part=null, 3 part=1#1 p one, 4 part=6#2 p bright]",
          String.valueOf(s.search(Query.all().orderBy("id"))));
      assertEquals(List.of(1L, 2L), ids(s.search(Query.where(Where.isNull("part.id")))));
      assertEquals(row, picks(HibernateProbe.throughHibernate(d, Pick.class)));
      assertEquals(
          "EntityNotFoundException",
          attempt(() -> HibernateProbe.throughHibernate(d, Pick.class).search()));
    }
  }

  private static List<String> picks(Store<Pick> s) {
    List<String> out = new ArrayList<>();
    for (String a : List.of("part", "part.id", "part.name")) {
      out.add(a + " isNull " + s.count(Query.where(Where.isNull(a))));
    }
    out.add("part.id.seq isNotNull " + s.count(Query.where(Where.isNotNull("part.id.seq"))));
    out.add(
        "part.id.gadget.name isNull " + s.count(Query.where(Where.isNull("part.id.gadget.name"))));
    out.add("part.name = p one " + s.count(Query.where(Where.eq("part.name", "p one"))));
    out.add("not part.id.seq = 1 " + s.count(Query.where(Where.not(Where.eq("part.id.seq", 1)))));
    Part excluded = new Part();
    excluded.id = new Part.Key(gadget(2), 1);
    out.add("part = 2#1 " + s.count(Query.where(Where.eq("part", excluded))));
    out.add("part.id.gadget = 2 " + s.count(Query.where(Where.eq("part.id.gadget", gadget(2)))));
    out.add(
        "part.name isNotNull orderByDesc part "
            + ids(s.search(Query.where(Where.isNotNull("part.name")).orderByDesc("part"))));
    out.add(
        "part.id.gadget.status > 0 orderBy part.name "
            + ids(
                s.search(Query.where(Where.gt("part.id.gadget.status", 0)).orderBy("part.name"))));
    return out;
  }

  private static String bundle(Bundle b) {
    return b
        + " ledger="
        + b.ledger
        + " pieces="
        + new TreeSet<>(b.pieces.stream().map(Object::toString).toList())
        + " parts="
        + new TreeSet<>(b.parts.stream().map(Object::toString).toList());
  }

  private static Gadget gadget(long id) {
    Gadget g = new Gadget();
    g.id = id;
    return g;
  }

  private static List<String> tallies(Store<Tally> s) {
    List<String> out = new ArrayList<>();
    for (Tally t : s.search(Query.all().orderBy("id"))) {
      out.add(t.id + " " + counts(t));
    }
    out.add("get(2) " + counts(s.get(2L).orElseThrow()));
    out.add("get(1) " + counts(s.getAll(List.of(1L)).get(0).orElseThrow()));
    return out;
  }

  private static String counts(Tally t) {
    Map<Long, String> counts = new TreeMap<>();
    t.counts.forEach((g, v) -> counts.put(g.id, g.name + " " + g.status + "=" + v));
    return counts.toString();
  }

  private static List<String> pieces(Store<Piece> s) {
    List<String> out = new ArrayList<>();
    for (Piece p : s.search(Query.all().orderBy("gadget.id").orderBy("seq"))) {
      out.add(show(p));
    }
    out.add("count " + s.count(Query.all()));
    out.add("get(2#1) " + s.get(new Piece.Key(2, 1)).map(RestrictedStoreTest::show));
    out.add("get(1#2) " + s.get(new Piece.Key(1, 2)).map(RestrictedStoreTest::show));
    out.add(
        "getAll "
            + s.getAll(List.of(new Piece.Key(4, 1), new Piece.Key(1, 1), new Piece.Key(9, 1))));
    out.add("gadget isNull " + ids(s.search(Query.where(Where.isNull("gadget")))));
    out.add("gadget.maker isNull " + ids(s.search(Query.where(Where.isNull("gadget.maker")))));
    try (Stream<Piece> rows = s.stream(Query.all().orderBy("gadget.name").orderBy("seq"))) {
      out.add("stream " + rows.map(RestrictedStoreTest::id).toList());
    }
    return out;
  }

  private static List<String> crates(Store<Crate> s) {
    List<String> out = new ArrayList<>();
    for (Crate c : s.search(Query.all().orderBy("id"))) {
      out.add(show(c));
    }
    out.add("get(2) " + s.get(2L).map(RestrictedStoreTest::show));
    out.add("holder.gadget isNull " + ids(s.search(Query.where(Where.isNull("holder.gadget")))));
    out.add(
        "holder.gadget.id isNull " + ids(s.search(Query.where(Where.isNull("holder.gadget.id")))));
    out.add(
        "holder.gadget.name isNull "
            + ids(s.search(Query.where(Where.isNull("holder.gadget.name")))));
    out.add(
        "holder.gadget.maker isNull "
            + ids(s.search(Query.where(Where.isNull("holder.gadget.maker")))));
    out.add("orderBy holder.gadget " + ids(s.search(Query.all().orderBy("holder.gadget"))));
    out.add(
        "count holder.gadget.status > 0 "
            + s.count(Query.where(Where.gt("holder.gadget.status", 0))));
    return out;
  }

  @Test
  void defaultFilterThroughARestrictedToOne_getGetAllAndCount() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      // Gadget 3's maker (2) is excluded by Maker's restriction: its maker.id is NULL (S9).
      Store<Gadget> made =
          d.attach(
              new Store<Gadget>() {
                @Override
                protected Criterion defaultFilter() {
                  return Where.isNotNull("maker.id");
                }
              });
      assertEquals(Optional.empty(), made.get(3L));
      assertEquals("6 bright", made.get(6L).orElseThrow().toString());
      assertEquals(
          "[Optional[1 live], Optional.empty, Optional.empty, Optional.empty, Optional[6 bright]]",
          made.getAll(List.of(1L, 2L, 3L, 5L, 6L)).toString());
      assertEquals(2, made.count(Query.all()));
      assertEquals(List.of(1L, 6L), ids(made.search(Query.all().orderBy("maker.rank"))));
      assertTrue(HibernateProbe.rowPath(d, Gadget.class), "Gadget reads through Hibernate");
    }
  }

  @Test
  void olderManifests_keepRestrictedEntitiesOnHibernate() throws Exception {
    Path built = dir.resolve("sqlite/META-INF/datasets/restricted.manifest.json");
    String manifest = Files.readString(built, StandardCharsets.UTF_8);
    // Runtimes that predate class-level restrictions read the earlier keys only: Gadget and Maker
    // are in none of them, nor is Kit, whose to-one and many-to-many lead to Gadget.
    int restricted = manifest.indexOf("\"newerLayouts\"");
    assertTrue(restricted > 0, manifest);
    String older = manifest.substring(0, restricted);
    for (Class<?> type :
        List.of(
            Gadget.class,
            Kit.class,
            Maker.class,
            Crate.class,
            Piece.class,
            Tally.class,
            Ledger.class,
            Bundle.class,
            Part.class)) {
      assertFalse(older.contains("\"entity\" : \"" + type.getName() + "\""), older);
    }
    // The restriction as Hibernate renders it, its columns qualified by a placeholder.
    assertTrue(
        manifest.substring(restricted).contains("\"restriction\" : \"{alias}.status > 0\""),
        manifest);
    // A dataset built before them (no such key) reads them through Hibernate, the same answers.
    try (DataSets d = Fixtures.olderRuntime(dir, "restricted", "newerLayouts")) {
      for (Class<?> type :
          List.of(Gadget.class, Kit.class, Maker.class, Ledger.class, Bundle.class, Part.class)) {
        assertFalse(HibernateProbe.rowPath(d, type), type.getSimpleName());
      }
      assertEquals(gadgets(both.sqlite().store(Gadget.class)), gadgets(d.store(Gadget.class)));
      assertEquals(kits(both.sqlite().store(Kit.class)), kits(d.store(Kit.class)));
    }
  }

  private static List<String> gadgets(Store<Gadget> s) {
    List<String> out = new ArrayList<>();
    out.add(
        "search "
            + s.search(Query.all().orderBy("id")).stream()
                .map(g -> g + " maker=" + g.maker)
                .toList());
    out.add("count " + s.count(Query.all()));
    try (Stream<Gadget> rows = s.stream(Query.all().orderBy("id"))) {
      out.add("stream " + rows.map(g -> g + " maker=" + g.maker).toList());
    }
    out.add("get(2) " + s.get(2L));
    out.add("getAll " + s.getAll(List.of(1L, 2L, 4L, 6L)));
    out.add("search(name like '%live') " + ids(s.search(Query.where(Where.like("name", "%live")))));
    out.add("count(status <= 0) " + s.count(Query.where(Where.le("status", 0))));
    out.add("maker.id isNull " + ids(s.search(Query.where(Where.isNull("maker.id")))));
    out.add("maker.rank orderByDesc " + ids(s.search(Query.all().orderByDesc("maker.rank"))));
    return out;
  }

  private static List<String> kits(Store<Kit> s) {
    List<String> out = new ArrayList<>();
    for (Kit k : s.search(Query.all().orderBy("id"))) {
      out.add(kit(k));
    }
    s.get(2L).ifPresent(k -> out.add("get(2) " + kit(k)));
    out.add("main.name isNotNull " + ids(s.search(Query.where(Where.isNotNull("main.name")))));
    out.add("main.id isNull " + ids(s.search(Query.where(Where.isNull("main.id")))));
    out.add("main isNull " + ids(s.search(Query.where(Where.isNull("main")))));
    out.add(
        "main.maker.name isNull " + ids(s.search(Query.where(Where.isNull("main.maker.name")))));
    out.add("main.maker isNotNull " + ids(s.search(Query.where(Where.isNotNull("main.maker")))));
    out.add("orderBy main " + ids(s.search(Query.all().orderBy("main"))));
    Optional<Kit> first = s.first(Query.all().orderByDesc("main.name"));
    out.add("first by main.name desc " + first.map(k -> k.id).orElse(null));
    out.add("count main.maker.rank > 0 " + s.count(Query.where(Where.gt("main.maker.rank", 0))));
    return out;
  }

  private static String kit(Kit k) {
    return k.id
        + " "
        + k.name
        + " gadgets="
        + new TreeSet<>(k.gadgets.stream().map(g -> g.id).toList())
        + " main="
        + k.main;
  }

  private static List<Object> ids(List<?> rows) {
    return rows.stream().map(RestrictedStoreTest::id).toList();
  }

  private static Object id(Object e) {
    return e instanceof Gadget g
        ? g.id
        : e instanceof Kit k
            ? k.id
            : e instanceof Crate c
                ? c.id
                : e instanceof Piece p
                    ? (p.gadget == null ? null : p.gadget.id) + "#" + p.seq
                    : e instanceof Part p
                        ? String.valueOf(p.id)
                        : e instanceof Bundle b
                            ? b.id
                            : e instanceof Ledger l
                                ? l.id
                                : e instanceof Pick k ? k.id : ((Maker) e).id;
  }

  // ---- generated queries: the row path against Hibernate ----

  /** Attribute paths of each entity with the kind of value they take. */
  private static final Map<Class<?>, List<String>> PATHS =
      Map.of(
          Gadget.class,
          List.of(
              "id:n",
              "name:s",
              "status:n",
              "maker:maker",
              "maker.id:n",
              "maker.name:s",
              "maker.rank:n"),
          Kit.class,
          List.of(
              "id:n",
              "name:s",
              "main:gadget",
              "main.id:n",
              "main.name:s",
              "main.status:n",
              "main.maker:maker",
              "main.maker.id:n",
              "main.maker.name:s",
              "main.maker.rank:n"),
          Maker.class,
          List.of("id:n", "name:s", "rank:n"),
          Crate.class,
          List.of(
              "id:n",
              "name:s",
              "holder.label:s",
              "holder.gadget:gadget",
              "holder.gadget.id:n",
              "holder.gadget.name:s",
              "holder.gadget.status:n",
              "holder.gadget.maker:maker",
              "holder.gadget.maker.name:s"),
          Piece.class,
          List.of(
              "seq:n",
              "name:s",
              "gadget:gadget",
              "gadget.id:n",
              "gadget.name:s",
              "gadget.status:n",
              "gadget.maker:maker",
              "gadget.maker.rank:n"),
          Ledger.class,
          List.of("id:n", "name:s"),
          Bundle.class,
          List.of("id:n", "name:s", "ledger:ledger", "ledger.id:n", "ledger.name:s"),
          Part.class,
          List.of(
              "id.seq:n",
              "name:s",
              "id.gadget:gadget",
              "id.gadget.id:n",
              "id.gadget.name:s",
              "id.gadget.status:n",
              "id.gadget.maker.rank:n",
              "bundle:bundle",
              "bundle.id:n",
              "bundle.name:s",
              "bundle.ledger.name:s"));

  private static final List<String> TEXTS =
      List.of(
          "live",
          "retired",
          "also live",
          "bright",
          "Acme",
          "Hidden",
          "both",
          "none",
          "",
          "b",
          "mixed",
          "p one",
          "gone only");

  private static final List<String> PATTERNS = List.of("%live", "b%", "%e%", "%", "A%");

  @Test
  void generatedQueries_onTheRowPath_answerAsHibernate() {
    int perEntity = Integer.getInteger("datajar.restricted.queries", 300);
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      List<Class<?>> types =
          List.of(
              Gadget.class,
              Kit.class,
              Maker.class,
              Crate.class,
              Piece.class,
              Ledger.class,
              Bundle.class,
              Part.class);
      List<List<Query>> queries = new ArrayList<>();
      List<List<String>> row = new ArrayList<>();
      for (Class<?> type : types) {
        Random r = new Random(18 + type.getSimpleName().hashCode());
        // For Piece and Part, Hibernate is asked each query with its rows of excluded gadgets
        // left out by hand: it counts them, and fails where a join (Part: any search) meets them
        // (docs/queries.md, S9); the same Random draws make the same query apart from that.
        Random same = new Random(18 + type.getSimpleName().hashCode());
        Criterion extra =
            type == Piece.class
                ? Where.isNotNull("gadget.status")
                : type == Part.class ? Where.isNotNull("id.gadget.status") : null;
        List<Query> mine = new ArrayList<>();
        List<Query> asked = new ArrayList<>();
        for (int i = 0; i < perEntity; i++) {
          mine.add(query(type, r, null));
          asked.add(query(type, same, extra));
        }
        queries.add(asked);
        row.add(answers(d.store(type), mine));
      }
      for (Class<?> type : types) { // (the first test checks that Hibernate did not start)
        assertTrue(HibernateProbe.rowPath(d, type), type.getSimpleName());
      }
      List<String> mismatches = new ArrayList<>();
      int compared = 0;
      for (int t = 0; t < types.size(); t++) {
        List<String> hibernate =
            answers(HibernateProbe.throughHibernate(d, types.get(t)), queries.get(t));
        for (int i = 0; i < hibernate.size(); i++) {
          compared++;
          // the answers, not the query's text (Piece's differ by the condition added)
          String expected = hibernate.get(i);
          String got = row.get(t).get(i);
          if (!got.substring(Math.max(0, got.indexOf(" | search ")))
              .equals(expected.substring(Math.max(0, expected.indexOf(" | search "))))) {
            mismatches.add(
                types.get(t).getSimpleName()
                    + " #"
                    + i
                    + "\n  row path:  "
                    + row.get(t).get(i)
                    + "\n  Hibernate: "
                    + expected);
          }
        }
      }
      assertEquals(List.of(), mismatches, compared + " answers compared");
    }
  }

  /**
   * Every call's answer to each query, then get and getAll of ids 0 to 7 (a {@link Part}'s: of
   * gadgets the restriction keeps, or none, since Hibernate's get finds the excluded ones).
   */
  private static <T> List<String> answers(Store<T> s, List<Query> queries) {
    List<String> out = new ArrayList<>();
    for (Query q : queries) {
      StringBuilder a = new StringBuilder(q.toString());
      a.append(" | search ").append(attempt(() -> show(s.search(q))));
      a.append(" | count ").append(attempt(() -> s.count(q)));
      a.append(" | first ").append(attempt(() -> s.first(q).map(RestrictedStoreTest::show)));
      a.append(" | one ").append(attempt(() -> show(s.one(q))));
      a.append(" | stream ")
          .append(
              attempt(
                  () -> {
                    try (Stream<T> rows = s.stream(q)) {
                      return show(rows.toList());
                    }
                  }));
      out.add(a.toString());
    }
    List<Object> ids = new ArrayList<>();
    for (long i = 0; i < 8; i++) {
      if (s.entityType() == Piece.class) {
        ids.add(new Piece.Key(i, 1 + (int) (i % 2)));
      } else if (s.entityType() == Part.class) {
        if (i != 2 && i != 4) {
          ids.add(new Part.Key(gadget(i), i == 6 ? 2 : 1));
        }
      } else {
        ids.add(i);
      }
    }
    // Hibernate's get of an @EmbeddedId hands back the caller's key object, whose gadget holds
    // only an id: a Part found is shown by its id and name (the fixed test checks its gadget).
    Function<Object, String> found =
        s.entityType() == Part.class
            ? e -> id(e) + " " + ((Part) e).name
            : RestrictedStoreTest::show;
    out.add("getAll " + s.getAll(ids).stream().map(o -> o.map(found)).toList());
    for (Object id : ids) {
      out.add("get " + id + " " + s.get(id).map(found));
    }
    return out;
  }

  private static String attempt(Supplier<Object> call) {
    try {
      return String.valueOf(call.get());
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }

  /** An entity with its to-ones and collections, two levels deep. */
  private static String show(Object e) {
    return show(e, 2);
  }

  private static String show(Collection<?> rows) {
    return rows.stream().map(RestrictedStoreTest::show).toList().toString();
  }

  private static String show(Object e, int depth) {
    if (e == null) {
      return "null";
    }
    if (depth < 0) {
      return "#" + id(e);
    }
    if (e instanceof Gadget g) {
      return "G(" + g.id + " " + g.name + " " + g.status + " " + show(g.maker, depth - 1) + ")";
    }
    if (e instanceof Maker m) {
      return "M("
          + m.id
          + " "
          + m.name
          + " "
          + m.rank
          + " "
          + new TreeSet<>(m.gadgets.stream().map(g -> g.id).toList())
          + ")";
    }
    if (e instanceof Crate c) {
      return "C("
          + c.id
          + " "
          + c.name
          + " "
          + show(c.holder, depth - 1)
          + " "
          + (c.slots == null ? null : c.slots.stream().map(h -> show(h, depth - 1)).toList())
          + ")";
    }
    if (e instanceof Piece p) {
      return "P(" + show(p.gadget, depth - 1) + " " + p.seq + " " + p.name + ")";
    }
    if (e instanceof Holder h) {
      return h.label + "@" + show(h.gadget, depth);
    }
    // Ledger's map and Bundle's collections are left out: Hibernate fails on those that meet an
    // excluded gadget (the fixed tests above check them).
    if (e instanceof Ledger l) {
      return "L(" + l.id + " " + l.name + ")";
    }
    if (e instanceof Bundle b) {
      return "B(" + b.id + " " + b.name + " " + show(b.ledger, depth - 1) + ")";
    }
    if (e instanceof Part p) {
      return "R("
          + show(p.id.gadget, depth - 1)
          + " "
          + p.id.seq
          + " "
          + p.name
          + " "
          + show(p.bundle, depth - 1)
          + ")";
    }
    Kit k = (Kit) e;
    return "K("
        + k.id
        + " "
        + k.name
        + " "
        + show(k.main, depth - 1)
        + " "
        + new TreeSet<>(k.gadgets.stream().map(g -> g.id).toList())
        + ")";
  }

  /** A random query on {@code type}; {@code extra}, if not null, and-ed to its criterion. */
  private static Query query(Class<?> type, Random r, Criterion extra) {
    Query q =
        r.nextInt(6) == 0
            ? (extra == null ? Query.all() : Query.where(extra))
            : Query.where(
                extra == null ? criterion(type, r, 2) : Where.and(criterion(type, r, 2), extra));
    List<String> paths = PATHS.get(type);
    for (int i = r.nextInt(3); i > 0; i--) {
      String p = paths.get(r.nextInt(paths.size())).split(":")[0];
      q = r.nextBoolean() ? q.orderBy(p) : q.orderByDesc(p);
    }
    if (r.nextInt(4) == 0) {
      q = q.offset(r.nextInt(3));
    }
    if (r.nextInt(4) == 0) {
      q = q.limit(1 + r.nextInt(3));
    }
    return q;
  }

  private static Criterion criterion(Class<?> type, Random r, int depth) {
    int pick = depth == 0 ? 0 : r.nextInt(6);
    if (pick == 3) {
      return Where.and(criterion(type, r, depth - 1), criterion(type, r, depth - 1));
    } else if (pick == 4) {
      return Where.or(criterion(type, r, depth - 1), criterion(type, r, depth - 1));
    } else if (pick == 5) {
      return Where.not(criterion(type, r, depth - 1));
    }
    List<String> paths = PATHS.get(type);
    String[] p = paths.get(r.nextInt(paths.size())).split(":");
    String a = p[0];
    if (r.nextInt(6) == 0) {
      return r.nextBoolean() ? Where.isNull(a) : Where.isNotNull(a);
    }
    switch (p[1]) {
      case "n" -> {
        long v = r.nextInt(9) - 1L;
        Object value = a.endsWith("id") ? (Object) v : (Object) (int) v;
        return switch (r.nextInt(7)) {
          case 0 -> Where.eq(a, value);
          case 1 -> Where.ne(a, value);
          case 2 -> Where.lt(a, value);
          case 3 -> Where.ge(a, value);
          case 4 ->
              Where.between(a, value, a.endsWith("id") ? (Object) (v + 2) : (Object) (int) (v + 2));
          case 5 ->
              Where.in(
                  a, List.of(value, a.endsWith("id") ? (Object) (v + 3) : (Object) (int) (v + 3)));
          default -> Where.gt(a, value);
        };
      }
      case "s" -> {
        String v = TEXTS.get(r.nextInt(TEXTS.size()));
        return switch (r.nextInt(5)) {
          case 0 -> Where.eq(a, v);
          case 1 -> Where.ne(a, v);
          case 2 -> Where.like(a, PATTERNS.get(r.nextInt(PATTERNS.size())));
          case 3 -> Where.startsWith(a, v);
          default -> Where.in(a, List.of(v, TEXTS.get(r.nextInt(TEXTS.size()))));
        };
      }
      default -> {
        Object v = entity(p[1], 1L + r.nextInt(6));
        return switch (r.nextInt(3)) {
          case 0 -> Where.eq(a, v);
          case 1 -> Where.ne(a, v);
          default -> Where.in(a, List.of(v, entity(p[1], 1L + r.nextInt(6))));
        };
      }
    }
  }

  /** An entity given as a value: only its id is read (docs/queries.md, S1). */
  private static Object entity(String kind, long id) {
    if (kind.equals("ledger")) {
      Ledger l = new Ledger();
      l.id = id;
      return l;
    }
    if (kind.equals("bundle")) {
      Bundle b = new Bundle();
      b.id = id;
      return b;
    }
    if (kind.equals("maker")) {
      Maker m = new Maker();
      m.id = id;
      return m;
    }
    Gadget g = new Gadget();
    g.id = id;
    return g;
  }
}
