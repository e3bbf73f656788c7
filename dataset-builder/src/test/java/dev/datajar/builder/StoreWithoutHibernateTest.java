package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.DataSet;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.HibernateProbe;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bar of issue 18: no {@code Store} call starts Hibernate. Every entity of every fixture
 * dataset that the builder accepts (found by scanning the fixtures, not listed here) is read
 * through {@code get}, {@code getAll}, {@code search}, {@code count}, {@code first} and {@code
 * stream}, with a condition and an order through a to-one where the entity has one (an entity as a
 * value too), on SQLite and on PostgreSQL; Hibernate must not have started for any of those
 * datasets afterwards. Then the same calls go through Hibernate ({@code
 * HibernateProbe.throughHibernate}) and must give the same answers, compared attribute by
 * attribute.
 */
class StoreWithoutHibernateTest {
  /**
   * Entities whose reads still start Hibernate, each with the reason ("dataset/Entity"). The test
   * fails for an entry whose entity reads through the row path now: remove the line then.
   */
  private static final Map<String, String> NEEDS_HIBERNATE =
      Map.of(
          "fallback/Pier",
          "a collection ordered by @SQLOrder (ThroughHibernateTest)",
          "fallback/Dock",
          "its to-one leads to Pier (ThroughHibernateTest)");

  /**
   * Calls whose Hibernate answer is not the oracle, by "dataset/Entity call" prefix, each with the
   * reason: there the row path follows docs/queries.md and the fixture's own test checks it.
   */
  private static final Map<String, String> HIBERNATE_INCOHERENT =
      incoherent(
          Map.entry(
              "restricted/Piece count",
              "derived identity to a restricted entity: Hibernate counts the rows whose key part its"
                  + " restriction excludes, which its search and get leave out (S9;"
                  + " RestrictedStoreTest)"),
          Map.entry(
              "restricted/Tally ",
              "a map keyed by a restricted entity: Hibernate keeps the entries whose key its"
                  + " restriction excludes, loading the row, which the row path leaves out (S9;"
                  + " RestrictedStoreTest)"),
          Map.entry(
              "restricted/Ledger ",
              "a map keyed by an embeddable holding a to-one to a restricted entity: Hibernate fails"
                  + " (FetchNotFoundException) on the entries whose to-one its restriction excludes,"
                  + " which the row path leaves out (S9; RestrictedStoreTest)"),
          Map.entry(
              "restricted/Bundle ",
              "collections of entities whose key holds a to-one to a restricted entity: Hibernate"
                  + " fails (FetchNotFoundException) on the elements whose key part its restriction"
                  + " excludes, which are no rows on the row path (S9; RestrictedStoreTest)"),
          Map.entry(
              "restricted/Pick ",
              "a to-one to an entity whose key holds a to-one to a restricted entity: Hibernate fails"
                  + " (EntityNotFoundException) to load the rows whose target's key part its"
                  + " restriction excludes, where the row path reads the to-one as null (S9;"
                  + " RestrictedStoreTest)"),
          Map.entry(
              "restricted/Part ",
              "an @EmbeddedId holding a to-one to a restricted entity: Hibernate's search fails on"
                  + " the rows whose key part its restriction excludes, its count counts them and its"
                  + " get finds them; they are no rows on the row path (S9; RestrictedStoreTest)"));

  /**
   * Fixture datasets not built here, each with the reason; every other one the builder accepts is.
   */
  private static final Map<String, String> NOT_BUILT_HERE =
      Map.of(
          "counting",
          "1,000,001 rows of one long id, built for the builder's memory test; a plain entity's"
              + " shape, covered by every other dataset here",
          "zonedkeys",
          "an OffsetDateTime inside a composite key: a column pair on PostgreSQL, which the row"
              + " path does not read there (README, Known limits); DerivedStoreTest reads it on"
              + " SQLite");

  /**
   * {@code entries}, and the probes that compare a to-one joined on a unique column other than its
   * target's id with an entity (queries 2 to 4, {@link #probes}): datajar's HQL compares the
   * foreign key with the entity's id, which finds nothing (or fails on PostgreSQL, a text column
   * compared with a number); the row path compares the target (S1; ThroughHibernateTest).
   */
  @SafeVarargs
  private static Map<String, String> incoherent(Map.Entry<String, String>... entries) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : entries) {
      out.put(e.getKey(), e.getValue());
    }
    for (String entity : List.of("fallback/Sluice ")) {
      for (String call : List.of("search", "count", "first", "stream")) {
        for (int q = 2; q <= 4; q++) {
          out.put(
              entity + call + "(query " + q + ":",
              "an entity compared with a to-one joined on a column other than the target's id:"
                  + " the HQL compares the foreign key with the entity's id (S1;"
                  + " ThroughHibernateTest)");
        }
      }
    }
    return out;
  }

  /** The most rows one search reads: some fixtures are large. */
  private static final int PAGE = 40;

  @TempDir static Path dir;

  @Test
  void everyAcceptedFixtureEntity_readsWithoutHibernate_andAnswersAsHibernateDoes()
      throws Exception {
    List<String> accepted = new ArrayList<>();
    Map<String, String> refused = new TreeMap<>();
    for (String name : fixtureDataSets()) {
      if (NOT_BUILT_HERE.containsKey(name)) {
        continue;
      }
      try {
        new DataSetBuilder().build(Fixtures.request(dir.resolve("try/" + name), name).build());
        accepted.add(name);
      } catch (Exception e) { // refused by design (bad fixtures, mappings refused) or no sources
        refused.put(name, String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      }
    }
    System.out.println("not accepted by the builder: " + refused);
    // The scan must not come back empty-handed: these are the row path's own fixtures.
    assertTrue(
        accepted.containsAll(List.of("catalog", "keyed", "typed", "semantics", "fuzz", "derived")),
        "accepted: " + accepted + ", refused: " + refused);

    List<String> mismatches = new ArrayList<>();
    try (Fixtures.BothEngines both =
        Fixtures.bothEngines(
            dir.resolve("both"), "no_hibernate", "", accepted.toArray(String[]::new))) {
      for (Map.Entry<String, DataSets> engine :
          Map.of("sqlite", both.sqlite(), "postgres", both.postgres()).entrySet()) {
        DataSets dataSets = engine.getValue();
        Map<String, Map<String, String>> rowAnswers = new LinkedHashMap<>();
        for (String name : accepted) {
          for (Class<?> type : dataSets.entities(name)) {
            String key = name + "/" + type.getSimpleName();
            if (NEEDS_HIBERNATE.containsKey(key)) {
              assertFalse(
                  HibernateProbe.rowPath(dataSets, type),
                  key + " reads through the row path now: remove it from NEEDS_HIBERNATE");
              continue;
            }
            rowAnswers.put(key, answers(dataSets.store(type), type));
          }
        }
        for (String name : accepted) {
          assertFalse(
              HibernateProbe.started(dataSets, name),
              engine.getKey() + ": a Store call started Hibernate for " + name);
        }
        // Now Hibernate: the same calls, read through it.
        for (String name : accepted) {
          for (Class<?> type : dataSets.entities(name)) {
            String key = name + "/" + type.getSimpleName();
            Map<String, String> rows = rowAnswers.get(key);
            if (rows == null || HIBERNATE_INCOHERENT.containsKey(key + " ")) {
              continue; // (an entity whose every call is left out: Hibernate may fail on it)
            }
            Map<String, String> hql =
                answers(HibernateProbe.throughHibernate(dataSets, type), type);
            for (Map.Entry<String, String> call : rows.entrySet()) {
              String expected = hql.get(call.getKey());
              String named = key + " " + call.getKey();
              if (HIBERNATE_INCOHERENT.keySet().stream().anyMatch(named::startsWith)) {
                continue;
              }
              if (!call.getValue().equals(expected)) {
                mismatches.add(
                    engine.getKey()
                        + " "
                        + key
                        + " "
                        + call.getKey()
                        + "\n  row path:  "
                        + call.getValue()
                        + "\n  Hibernate: "
                        + expected);
              }
            }
          }
        }
        assertTrue(rowAnswers.size() > 20, "entities compared: " + rowAnswers.keySet());
      }
    }
    assertEquals("", String.join("\n", mismatches));
  }

  /** The names of every {@code @DataSet} interface among the fixtures' classes. */
  private static List<String> fixtureDataSets() throws IOException {
    Path root = Fixtures.CLASSES;
    Path fixtures = root.resolve("dev/datajar/builder/fixtures");
    Set<String> names = new java.util.TreeSet<>();
    try (Stream<Path> files = Files.walk(fixtures)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String cls = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> c;
        try {
          c = Class.forName(cls, false, StoreWithoutHibernateTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          continue;
        }
        DataSet d = c.isInterface() ? c.getAnnotation(DataSet.class) : null;
        if (d != null) {
          names.add(d.value());
        }
      }
    }
    return new ArrayList<>(names);
  }

  /** Each call's answer, as text: the same calls on both paths give the same keys. */
  private static <T> Map<String, String> answers(Store<T> store, Class<?> type) {
    Map<String, String> out = new LinkedHashMap<>();
    List<T> page = store.search(Query.all().limit(PAGE));
    out.put("search(all, limit " + PAGE + ")", dump(page));
    out.put("count()", String.valueOf(store.count()));
    List<Object> ids = new ArrayList<>();
    for (T e : page.subList(0, Math.min(3, page.size()))) {
      Object id = idOf(e);
      ids.add(id);
      out.put("get(" + id + ")", dump(store.get(id)));
    }
    out.put("getAll(" + ids + ")", dump(store.getAll(ids)));
    List<Query> probes = probes(type, page);
    for (int i = 0; i < probes.size(); i++) {
      Query q = probes.get(i);
      // named by position: the text of a query with an entity value shows the object's identity
      String name = "(query " + i + ": " + q.toString().replaceAll("@[0-9a-f]+", "") + ")";
      call(out, "search" + name, () -> dump(store.search(q)));
      call(out, "count" + name, () -> String.valueOf(store.count(q)));
      call(out, "first" + name, () -> dump(store.first(q)));
      call(out, "stream" + name, () -> dump(streamed(store, q)));
    }
    return out;
  }

  private static <T> List<T> streamed(Store<T> store, Query q) {
    try (Stream<T> s = store.stream(q)) {
      return s.toList();
    }
  }

  private static void call(
      Map<String, String> out, String what, java.util.function.Supplier<String> s) {
    try {
      out.put(what, s.get());
    } catch (RuntimeException | AssertionError e) { // Hibernate's own assertions (-ea) too
      out.put(what, "threw " + e.getClass().getSimpleName());
    }
  }

  /**
   * Queries with a condition and an order: through the first to-one (its target's attribute, the
   * to-one itself, an entity of the page as a value with eq, ne and in), else on a basic attribute.
   */
  private static List<Query> probes(Class<?> type, List<?> page) {
    Field toOne = null;
    for (Field f : fields(type)) {
      if ((f.isAnnotationPresent(ManyToOne.class) || f.isAnnotationPresent(OneToOne.class))
          && !f.isAnnotationPresent(Id.class)) {
        toOne = f;
        break;
      }
    }
    List<Query> out = new ArrayList<>();
    if (toOne == null) {
      String a = basic(type, "");
      out.add(Query.where(Where.isNotNull(a)).orderByDesc(a).limit(PAGE));
      return out;
    }
    String t = toOne.getName();
    String through = t + "." + basic(toOne.getType(), "");
    Object value = null;
    for (Object e : page) {
      value = Hibernate.unproxy(read(toOne, e));
      if (value != null) {
        break;
      }
    }
    out.add(Query.where(Where.isNotNull(through)).orderByDesc(through).limit(PAGE));
    out.add(Query.where(Where.isNull(t)).orderBy(through).orderByDesc(t).limit(PAGE));
    if (value != null) {
      Criterion is = Where.eq(t, value);
      out.add(Query.where(Where.or(is, Where.isNull(through))).orderBy(t).limit(PAGE));
      out.add(Query.where(Where.ne(t, value)).orderByDesc(through).limit(PAGE));
      out.add(Query.where(Where.not(Where.in(t, List.of(value)))).limit(PAGE));
    }
    return out;
  }

  /** A path ({@code prefix} + name) to a basic attribute of {@code type}, preferring a non-id. */
  private static String basic(Class<?> type, String prefix) {
    String id = null;
    for (Field f : fields(type)) {
      if (isValue(f.getType())) {
        if (!f.isAnnotationPresent(Id.class)) {
          return prefix + f.getName();
        }
        id = id == null ? prefix + f.getName() : id;
      }
    }
    if (id != null) {
      return id;
    }
    for (Field f : fields(type)) {
      if (f.getType().isAnnotationPresent(Embeddable.class)) {
        return basic(f.getType(), prefix + f.getName() + ".");
      }
    }
    throw new AssertionError(type + " has no basic attribute");
  }

  /** The id of an entity as {@code Store.get} takes it. */
  private static Object idOf(Object entity) {
    Class<?> type = Hibernate.getClass(entity);
    entity = Hibernate.unproxy(entity);
    IdClass idClass = type.getAnnotation(IdClass.class);
    if (idClass != null) {
      try {
        Constructor<?> c = idClass.value().getDeclaredConstructor();
        c.setAccessible(true);
        Object id = c.newInstance();
        for (Field f : fields(idClass.value())) {
          Field own = field(type, f.getName());
          Object v = read(own, entity);
          f.setAccessible(true);
          f.set(id, v != null && own.isAnnotationPresent(ManyToOne.class) ? idOf(v) : v);
        }
        return id;
      } catch (ReflectiveOperationException e) {
        throw new LinkageError(e.getMessage(), e);
      }
    }
    for (Field f : fields(type)) {
      if (isId(f)) {
        return read(f, entity);
      }
    }
    throw new AssertionError(type + " has no id field");
  }

  /**
   * True if {@code f} holds the id: annotated {@code @Id} or {@code @EmbeddedId}, or the field
   * behind an {@code @Id} getter (property access).
   */
  private static boolean isId(Field f) {
    if (f.isAnnotationPresent(Id.class) || f.isAnnotationPresent(EmbeddedId.class)) {
      return true;
    }
    String name = f.getName();
    try {
      return f.getDeclaringClass()
          .getDeclaredMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1))
          .isAnnotationPresent(Id.class);
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** An entity's id as text: its {@code @Id} or {@code @EmbeddedId} fields' values, in order. */
  private static String idText(Object entity) {
    StringBuilder sb = new StringBuilder();
    for (Field f : fields(Hibernate.getClass(entity))) {
      if (isId(f)) {
        Object v = Hibernate.unproxy(read(f, entity));
        boolean isEntity = v != null && v.getClass().isAnnotationPresent(Entity.class);
        sb.append(isEntity ? idText(v) : dump(v, false, new HashMap<>())).append(',');
      }
    }
    return sb.toString();
  }

  /** A value, entity or collection as text, attribute by attribute; cycles cut. */
  static String dump(Object v) {
    return dump(v, false, new HashMap<>());
  }

  private static String dump(Object v, boolean ordered, Map<Object, Boolean> seen) {
    v = Hibernate.unproxy(v);
    if (v == null) {
      return "null";
    }
    if (v instanceof Optional<?> o) {
      return o.map(x -> dump(x, false, seen)).orElse("empty");
    }
    if (v instanceof byte[] b) {
      return Arrays.toString(b);
    }
    if (isValue(v.getClass())) {
      return v.toString();
    }
    if (v instanceof SortedMap<?, ?> m) { // its order and its kind are part of the answer
      List<String> parts = new ArrayList<>();
      m.forEach((k, x) -> parts.add(dump(k, false, seen) + "=" + dump(x, false, seen)));
      return "sorted" + parts;
    }
    if (v instanceof SortedSet<?> c) {
      List<String> parts = new ArrayList<>();
      c.forEach(x -> parts.add(dump(x, false, seen)));
      return "sorted" + parts;
    }
    if (v instanceof Map<?, ?> m) {
      return new TreeMap<>(
              m.entrySet().stream()
                  .collect(
                      Collectors.toMap(
                          e -> dump(e.getKey(), false, seen),
                          e -> dump(e.getValue(), false, seen))))
          .toString();
    }
    if (v instanceof Collection<?> c) {
      List<String> parts = new ArrayList<>();
      c.forEach(x -> parts.add(dump(x, false, seen)));
      if (!ordered) {
        parts.sort(null);
      }
      return parts.toString();
    }
    Class<?> type = v.getClass();
    if (!type.isAnnotationPresent(Entity.class) && !type.isAnnotationPresent(Embeddable.class)) {
      return v.toString();
    }
    // Cycles are cut at an entity already being written higher up, known by its type and id (not
    // by identity: Hibernate's stateless sessions load a new object for each lazy reference).
    Object mark = type.isAnnotationPresent(Entity.class) ? type.getName() + "#" + idText(v) : v;
    if (seen.containsKey(mark)) {
      return type.getSimpleName() + "^";
    }
    seen.put(mark, true);
    StringBuilder sb = new StringBuilder(type.getSimpleName()).append('{');
    for (Field f : fields(type)) {
      boolean keepsOrder =
          f.isAnnotationPresent(OrderBy.class) || f.isAnnotationPresent(OrderColumn.class);
      sb.append(f.getName()).append('=').append(dump(read(f, v), keepsOrder, seen)).append(' ');
    }
    seen.remove(mark);
    return sb.append('}').toString();
  }

  private static boolean isValue(Class<?> t) {
    return t.isPrimitive()
        || t == String.class
        || Number.class.isAssignableFrom(t)
        || t == Boolean.class
        || t == Character.class
        || t.isEnum()
        || Temporal.class.isAssignableFrom(t)
        || java.util.Date.class.isAssignableFrom(t)
        || t == UUID.class
        || t == byte[].class;
  }

  /** The persistent fields of {@code type} and its superclasses. */
  private static List<Field> fields(Class<?> type) {
    List<Field> out = new ArrayList<>();
    for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        int m = f.getModifiers();
        if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()) {
          out.add(f);
        }
      }
    }
    return out;
  }

  private static Field field(Class<?> type, String name) {
    for (Field f : fields(type)) {
      if (f.getName().equals(name)) {
        return f;
      }
    }
    throw new AssertionError(type + " has no field " + name);
  }

  private static Object read(Field f, Object o) {
    try {
      f.setAccessible(true);
      return f.get(o);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }
}
