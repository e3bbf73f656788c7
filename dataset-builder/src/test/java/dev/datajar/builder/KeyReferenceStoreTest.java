package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.keyrefs.Airport;
import dev.datajar.builder.fixtures.keyrefs.Flight;
import dev.datajar.builder.fixtures.keyrefs.Runway;
import dev.datajar.builder.fixtures.keyrefs.Slot;
import dev.datajar.builder.fixtures.keyrefs.Stand;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * To-ones to composite keys inside keys and embeddables (the {@code keyrefs} fixture: JPA's derived
 * identity to an {@code @IdClass} target, an {@code @EmbeddedId} holding such a to-one, an embedded
 * attribute, a collection's embeddable element and a map's embeddable key holding them, and to-ones
 * to entities whose keys hold them) read on the row path, on SQLite and on PostgreSQL: without
 * Hibernate, and with the answers Hibernate gives to the same calls on the same dataset (get,
 * getAll, search, first, one, count and stream; conditions and orders through these to-ones,
 * entities as values), over generated queries.
 */
class KeyReferenceStoreTest {
  private static final List<Class<?>> ENTITIES =
      List.of(Airport.class, Runway.class, Stand.class, Flight.class);

  /** How many generated queries each entity gets, per engine. */
  private static final int QUERIES = 150;

  @TempDir static Path dir;

  /** What each call that threw threw, by call. */
  private static final List<String> THREW = new ArrayList<>();

  private static Fixtures.BothEngines both;

  @BeforeAll
  static void build() throws Exception {
    both = Fixtures.bothEngines(dir, "key_refs", "", "keyrefs");
  }

  @AfterAll
  static void close() {
    if (both != null) {
      both.close();
    }
  }

  @Test
  void eachEntity_readsOnTheRowPath_asHibernateDoes_onBothEngines() {
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      String engine = d == both.sqlite() ? "sqlite" : "postgres";
      Map<String, String> rows = new LinkedHashMap<>();
      for (Class<?> type : ENTITIES) {
        assertTrue(
            HibernateProbe.rowPath(d, type), engine + ": " + type + " is not on the row path");
        rows.putAll(answers(d, type, d.store(type)));
      }
      assertFalse(
          HibernateProbe.started(d, "keyrefs"), engine + ": a Store call started Hibernate");
      Map<String, String> hql = new LinkedHashMap<>();
      for (Class<?> type : ENTITIES) {
        hql.putAll(answers(d, type, HibernateProbe.throughHibernate(d, type)));
      }
      assertTrue(HibernateProbe.started(d, "keyrefs"));
      assertEquals(hql.keySet(), rows.keySet());
      for (Map.Entry<String, String> e : rows.entrySet()) {
        compared++;
        if (!e.getValue().equals(hql.get(e.getKey()))) {
          mismatches.add(
              engine
                  + " "
                  + e.getKey()
                  + "\n  row path:  "
                  + e.getValue()
                  + "\n  Hibernate: "
                  + hql.get(e.getKey()));
        }
      }
    }
    System.out.println("keyrefs: " + compared + " answers compared with Hibernate's");
    // no call failed but a one() that found no row or several: every query ran on both paths
    assertEquals(
        List.of(),
        THREW.stream()
            .filter(
                t ->
                    !t.contains(" one: dev.datajar.runtime.RowNotFoundException")
                        && !t.contains(" one: dev.datajar.runtime.MultipleRowsFoundException"))
            .toList());
    assertEquals("", String.join("\n", mismatches.subList(0, Math.min(20, mismatches.size()))));
  }

  @Test
  void toOnesInsideKeysAndEmbeddables_holdTheirTargets() {
    for (DataSets d : List.of(both.sqlite(), both.postgres())) {
      Runway r =
          d.store(Runway.class).get(new Runway.Key(new Airport.Key("GB", "LHR"), 2)).orElseThrow();
      assertEquals("Heathrow", r.airport.name);
      assertEquals(3660, r.length);
      Flight f = d.store(Flight.class).get(1L).orElseThrow();
      assertEquals("Heathrow", f.slot.airport.name);
      assertEquals(3902, f.slot.runway.length);
      // one object per target within a call, as in a Hibernate session
      assertSame(f.slot.airport, f.slot.runway.airport);
      assertSame(f.slot.airport, f.stand.id.airport);
      assertEquals("Gatwick", f.stops.get(0).airport.name);
      assertEquals(1, f.stops.get(0).runway.number);
      assertEquals("Charles de Gaulle", f.stops.get(1).airport.name);
      assertEquals(null, f.stops.get(1).runway);
      // a map keyed by an embeddable holding one (a NULL value is no entry, as in Hibernate)
      Map<String, String> gates = new TreeMap<>();
      f.gates.forEach((g, note) -> gates.put(g.toString() + " " + g.airport.name, note));
      assertEquals(
          Map.of("A1@FR/CDG Charles de Gaulle", "transfer", "A1@GB/LHR Heathrow", "boarding"),
          gates);
      f.gates.keySet().stream()
          .filter(g -> g.airport.code.equals("LHR"))
          .forEach(g -> assertSame(f.slot.airport, g.airport));
      Flight none = d.store(Flight.class).get(3L).orElseThrow();
      assertEquals(null, none.slot, "an embeddable of NULLs is null");
      assertEquals(null, none.stand);
      Stand s = d.store(Stand.class).get(new Stand.Key(r.airport, "A1")).orElseThrow();
      assertEquals(r.number, s.runway.number);
      // conditions through them, an entity as the value
      assertEquals(
          List.of(1L, 5L),
          ids(d.store(Flight.class).search(Query.where(Where.eq("slot.airport", r.airport)))));
      assertEquals(
          2, d.store(Runway.class).count(Query.where(Where.eq("airport.name", "Heathrow"))));
      assertEquals(
          "B2",
          d.store(Stand.class)
              .one(Query.where(Where.eq("id.airport", r.airport)).and(Where.isNull("size")))
              .id
              .name);
    }
  }

  @Test
  void olderRuntimes_readThemThroughHibernate() throws Exception {
    Path built = dir.resolve("sqlite/META-INF/datasets/keyrefs.manifest.json");
    String manifest = Files.readString(built, StandardCharsets.UTF_8);
    // Runtimes before these to-ones read "layouts", "extendedLayouts" and "laterLayouts" only:
    // Runway, Stand and Flight are in none of them (Airport is).
    int later = manifest.indexOf("\"newerLayouts\"");
    assertTrue(later > 0, manifest);
    String older = manifest.substring(0, later);
    assertTrue(older.contains("\"entity\" : \"" + Airport.class.getName() + "\""), older);
    for (Class<?> c : List.of(Runway.class, Stand.class, Flight.class)) {
      assertFalse(older.contains("\"entity\" : \"" + c.getName() + "\""), older);
      assertTrue(manifest.substring(later).contains("\"entity\" : \"" + c.getName() + "\""));
    }
    try (DataSets d = Fixtures.olderRuntime(dir, "keyrefs", "newerLayouts")) {
      assertTrue(HibernateProbe.rowPath(d, Airport.class));
      for (Class<?> c : List.of(Runway.class, Stand.class, Flight.class)) {
        assertFalse(HibernateProbe.rowPath(d, c), c.getName());
      }
      Map<String, String> rows =
          answers(both.sqlite(), Flight.class, both.sqlite().store(Flight.class));
      Map<String, String> hql = answers(d, Flight.class, d.store(Flight.class));
      assertEquals(rows.keySet(), hql.keySet());
      rows.forEach((call, answer) -> assertEquals(answer, hql.get(call), call));
    }
  }

  private static List<Long> ids(List<Flight> flights) {
    return flights.stream().map(f -> f.id).sorted().toList();
  }

  /**
   * Each call's answer as text, by call: get and getAll of every id (and a missing one), then
   * {@link #QUERIES} generated queries with search, count, first, one and stream. The queries and
   * the ids come from {@code d}'s row path, so both paths get the same calls.
   */
  private static <T> Map<String, String> answers(DataSets d, Class<?> type, Store<T> store) {
    List<?> all = d.store(type).search(Query.all().orderBy(idOrders(type).get(0)));
    Map<String, String> out = new LinkedHashMap<>();
    String name = type.getSimpleName();
    List<Object> ids = new ArrayList<>();
    for (Object e : all) {
      Object id = idOf(e);
      ids.add(id);
      out.put(name + " get(" + id + ")", dump(store.get(id)));
    }
    ids.add(missingId(type, all));
    out.put(name + " getAll", dump(store.getAll(ids)));
    out.put(name + " get(missing)", dump(store.get(ids.get(ids.size() - 1))));
    Random random = new Random(type.getName().hashCode());
    List<Cond> conditions = conditions(type, all);
    List<String> orders = orders(type);
    for (int i = 0; i < QUERIES; i++) {
      Criterion c = conditions.get(random.nextInt(conditions.size())).make();
      if (random.nextInt(3) == 0) {
        Criterion other = conditions.get(random.nextInt(conditions.size())).make();
        c = random.nextBoolean() ? Where.and(c, other) : Where.or(c, Where.not(other));
      }
      Query q = Query.where(c);
      for (int k = random.nextInt(3); k > 0; k--) {
        String o = orders.get(random.nextInt(orders.size()));
        q = random.nextBoolean() ? q.orderBy(o) : q.orderByDesc(o);
      }
      for (String o : idOrders(type)) { // a total order: both paths list rows alike
        q = q.orderBy(o);
      }
      if (random.nextInt(3) == 0) {
        q = q.offset(random.nextInt(2)).limit(1 + random.nextInt(3));
      }
      Query query = q;
      String key = name + " " + query.toString().replaceAll("@[0-9a-f]+", "") + " #" + i;
      call(out, key + " search", () -> dump(store.search(query)));
      call(out, key + " count", () -> String.valueOf(store.count(query)));
      call(out, key + " first", () -> dump(store.first(query)));
      call(out, key + " one", () -> dump(store.one(query)));
      call(out, key + " stream", () -> dump(streamed(store, query)));
    }
    return out;
  }

  private static <T> List<T> streamed(Store<T> store, Query q) {
    try (Stream<T> s = store.stream(q)) {
      return s.toList();
    }
  }

  private static void call(Map<String, String> out, String what, Supplier<String> s) {
    try {
      out.put(what, s.get());
    } catch (RuntimeException e) {
      out.put(what, "threw " + e.getClass().getSimpleName());
      THREW.add(what + ": " + e);
    }
  }

  /** A list in its order (each element as {@code StoreWithoutHibernateTest} writes values). */
  private static String dump(Object v) {
    if (v instanceof List<?> l) {
      return l.stream().map(StoreWithoutHibernateTest::dump).toList().toString();
    }
    return StoreWithoutHibernateTest.dump(v);
  }

  /** Paths that order each entity's rows totally. */
  private static List<String> idOrders(Class<?> type) {
    if (type == Airport.class) {
      return List.of("country", "code");
    } else if (type == Runway.class) {
      return List.of("airport.country", "airport.code", "number");
    } else if (type == Stand.class) {
      return List.of("id.airport.country", "id.airport.code", "id.name");
    }
    return List.of("id");
  }

  /** Orders through the to-ones, the to-ones themselves, and basic attributes. */
  private static List<String> orders(Class<?> type) {
    if (type == Airport.class) {
      return List.of("name", "code");
    } else if (type == Runway.class) {
      return List.of("airport", "airport.name", "length", "number", "airport.code");
    } else if (type == Stand.class) {
      return List.of(
          "id.airport",
          "id.airport.name",
          "size",
          "runway",
          "runway.length",
          "runway.airport.name");
    }
    return List.of(
        "slot.airport",
        "slot.airport.name",
        "slot.runway",
        "slot.runway.length",
        "slot.runway.airport.name",
        "stand",
        "stand.size",
        "stand.id.airport.name",
        "slot.label",
        "code");
  }

  /** A path and how to read its value from an entity (null where a to-one on the way is null). */
  private record At(String path, Function<Object, Object> value) {}

  /** A condition, made anew for each query. */
  private record Cond(Supplier<Criterion> maker) {
    Criterion make() {
      return maker.get();
    }
  }

  private static At p(String path, Function<Object, Object> value) {
    return new At(path, value);
  }

  /** The paths conditions are generated on, by entity. */
  private static List<At> paths(Class<?> type) {
    if (type == Airport.class) {
      return List.of(p("name", e -> ((Airport) e).name), p("code", e -> ((Airport) e).code));
    } else if (type == Runway.class) {
      Function<Object, Airport> a = e -> ((Runway) e).airport;
      return List.of(
          p("airport", e -> a.apply(e)),
          p("airport.name", e -> a.apply(e).name),
          p("airport.code", e -> a.apply(e).code),
          p("airport.country", e -> a.apply(e).country),
          p("number", e -> ((Runway) e).number),
          p("length", e -> ((Runway) e).length));
    } else if (type == Stand.class) {
      Function<Object, Runway> r = e -> ((Stand) e).runway;
      return List.of(
          p("id.airport", e -> ((Stand) e).id.airport),
          p("id.airport.name", e -> ((Stand) e).id.airport.name),
          p("id.airport.code", e -> ((Stand) e).id.airport.code),
          p("id.name", e -> ((Stand) e).id.name),
          p("id", e -> ((Stand) e).id),
          p("size", e -> ((Stand) e).size),
          p("runway", e -> r.apply(e)),
          p("runway.length", e -> nav(r.apply(e), x -> x.length)),
          p("runway.airport", e -> nav(r.apply(e), x -> x.airport)),
          p("runway.airport.name", e -> nav(r.apply(e), x -> x.airport.name)),
          p("runway.number", e -> nav(r.apply(e), x -> x.number)));
    }
    Function<Object, Slot> s = e -> ((Flight) e).slot;
    return List.of(
        p("code", e -> ((Flight) e).code),
        p("slot.label", e -> nav(s.apply(e), x -> x.label)),
        p("slot", e -> s.apply(e)),
        p("slot.airport", e -> nav(s.apply(e), x -> x.airport)),
        p("slot.airport.name", e -> nav(s.apply(e), x -> nav(x.airport, y -> y.name))),
        p("slot.airport.code", e -> nav(s.apply(e), x -> nav(x.airport, y -> y.code))),
        p("slot.runway", e -> nav(s.apply(e), x -> x.runway)),
        p("slot.runway.length", e -> nav(s.apply(e), x -> nav(x.runway, y -> y.length))),
        p("slot.runway.airport", e -> nav(s.apply(e), x -> nav(x.runway, y -> y.airport))),
        p(
            "slot.runway.airport.name",
            e -> nav(s.apply(e), x -> nav(x.runway, y -> y.airport.name))),
        p("stand", e -> ((Flight) e).stand),
        p("stand.size", e -> nav(((Flight) e).stand, x -> x.size)),
        p("stand.id.airport", e -> nav(((Flight) e).stand, x -> x.id.airport)),
        p("stand.id.airport.name", e -> nav(((Flight) e).stand, x -> x.id.airport.name)),
        p(
            "stand.runway.airport.code",
            e -> nav(((Flight) e).stand, x -> nav(x.runway, y -> y.airport.code))));
  }

  private static <A, B> B nav(A a, Function<A, B> f) {
    return a == null ? null : f.apply(a);
  }

  /**
   * For each path: isNull, isNotNull, and with each value the rows hold there eq, ne and in (an
   * entity or embeddable as a whole too), and for a basic comparable value lt and ge.
   */
  private static List<Cond> conditions(Class<?> type, List<?> rows) {
    List<Cond> out = new ArrayList<>();
    for (At path : paths(type)) {
      String at = path.path();
      out.add(new Cond(() -> Where.isNull(at)));
      out.add(new Cond(() -> Where.isNotNull(at)));
      List<Object> values = new ArrayList<>();
      for (Object row : rows) {
        Object v = path.value().apply(row);
        if (v != null && !nullPart(v) && values.stream().noneMatch(x -> sameValue(x, v))) {
          values.add(v);
        }
      }
      for (Object v : values) {
        out.add(new Cond(() -> Where.eq(at, v)));
        out.add(new Cond(() -> Where.ne(at, v)));
        if (v instanceof Comparable<?> && !(v instanceof Airport.Key)) {
          out.add(new Cond(() -> Where.lt(at, v)));
          out.add(new Cond(() -> Where.ge(at, v)));
        }
      }
      if (values.size() > 1) {
        List<Object> two = List.of(values.get(0), values.get(values.size() - 1));
        out.add(new Cond(() -> Where.in(at, two)));
        out.add(new Cond(() -> Where.not(Where.in(at, two))));
      }
    }
    return out;
  }

  /**
   * True for an embeddable value with a null part: the row path refuses it (S1: it could never be
   * TRUE), where the Hibernate path hands it to Hibernate, for every embeddable alike.
   */
  private static boolean nullPart(Object v) {
    return v instanceof Slot s && (s.label == null || s.airport == null || s.runway == null);
  }

  /** Values found twice (the same target, read into two objects) are given once. */
  private static boolean sameValue(Object a, Object b) {
    return a == b || (a.getClass() == b.getClass() && dump(a).equals(dump(b)));
  }

  /** The id of an entity of the fixture as {@code Store.get} takes it. */
  private static Object idOf(Object e) {
    if (e instanceof Airport a) {
      return new Airport.Key(a.country, a.code);
    } else if (e instanceof Runway r) {
      return new Runway.Key(new Airport.Key(r.airport.country, r.airport.code), r.number);
    } else if (e instanceof Stand s) {
      return s.id;
    }
    return ((Flight) e).id;
  }

  /** An id no row has. */
  private static Object missingId(Class<?> type, List<?> rows) {
    if (type == Airport.class) {
      return new Airport.Key("GB", "XXX");
    } else if (type == Runway.class) {
      return new Runway.Key(new Airport.Key("GB", "LHR"), 9);
    } else if (type == Stand.class) {
      return new Stand.Key(((Stand) rows.get(0)).id.airport, "Z9");
    }
    return 99L;
  }
}
