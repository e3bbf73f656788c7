package dev.datajar.builder.fuzz;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.MultipleRowsFoundException;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.RowNotFoundException;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything one query must satisfy on one engine, against the {@link Reference}: {@code search}
 * returns the reference's rows in its order with their exact values; {@code stream} the same;
 * {@code count} the number of matching rows (it ignores offset and limit); {@code first} and {@code
 * one} agree with {@code search}; {@code get} and {@code getAll} find the same rows by id and no
 * row a restriction excludes; and for a single comparison {@code p} on {@code a}, {@code p}, {@code
 * not p} and {@code isNull(a)} partition the table.
 */
public final class Checks {
  private final Model.Entity entity;
  private final Store<?> store;
  private final boolean postgres;

  Checks(Model.Entity entity, Store<?> store, boolean postgres) {
    this.entity = entity;
    this.store = store;
    this.postgres = postgres;
  }

  /** What is wrong with {@code q} on this store, or {@code null} if nothing. */
  String failure(Query q) {
    try {
      return check(q);
    } catch (RuntimeException | ReflectiveOperationException e) {
      return "threw " + e;
    }
  }

  /** Nanoseconds spent per step, for the run's summary (where a slow run spends its time). */
  final Map<String, Long> nanos = new LinkedHashMap<>();

  private long lap(String step, long since) {
    long now = System.nanoTime();
    nanos.merge(step, now - since, Long::sum);
    return now;
  }

  private String check(Query q) throws ReflectiveOperationException {
    long t = System.nanoTime();
    List<Map<String, Object>> all = Reference.matching(entity, q);
    List<Map<String, Object>> expected = Reference.window(all, q.offset(), q.limit().orElse(-1));
    List<Object> ids = ids(expected);
    t = lap("reference", t);
    List<?> found = store.search(q);
    t = lap("search", t);
    List<Object> foundIds = entityIds(found);
    if (!ids.equals(foundIds)) {
      return "search returned " + foundIds + ", expected " + ids;
    }
    for (int i = 0; i < found.size(); i++) {
      String wrong = values(entity, found.get(i), expected.get(i), 2, postgres);
      if (wrong != null) {
        return "search: row " + ids.get(i) + ": " + wrong;
      }
    }
    t = lap("values", t);
    long count = store.count(q);
    t = lap("count", t);
    if (count != all.size()) {
      return "count returned " + count + ", expected " + all.size();
    }
    try (Stream<?> rows = store.stream(q)) {
      List<Object> streamed = entityIds(rows.toList());
      if (!ids.equals(streamed)) {
        return "stream returned " + streamed + ", expected " + ids;
      }
    }
    t = lap("stream", t);
    List<Object> firstIds = ids(Reference.window(all, q.offset(), 1));
    Optional<?> first = store.first(q);
    List<Object> firstFound = first.isPresent() ? List.of(entity.idOf(first.get())) : List.of();
    if (!firstIds.equals(firstFound)) {
      return "first returned " + firstFound + ", expected " + firstIds;
    }
    t = lap("first", t);
    String one = one(q, all);
    if (one != null) {
      return one;
    }
    t = lap("one", t);
    String byId = byId(expected);
    if (byId != null) {
      return byId;
    }
    t = lap("get", t);
    String partition = partition(q, count);
    lap("partition", t);
    return partition;
  }

  /** {@code one} reads at most two rows of the query's window (its limit, if lower, applies). */
  private String one(Query q, List<Map<String, Object>> all) throws ReflectiveOperationException {
    int max = Math.min(2, q.limit().orElse(2));
    List<Object> window = ids(Reference.window(all, q.offset(), max));
    String got;
    try {
      got = "row " + entity.idOf(store.one(q));
    } catch (RowNotFoundException e) {
      got = "RowNotFoundException";
    } catch (MultipleRowsFoundException e) {
      got = "MultipleRowsFoundException";
    }
    String want =
        window.isEmpty()
            ? "RowNotFoundException"
            : window.size() > 1 ? "MultipleRowsFoundException" : "row " + window.get(0);
    return want.equals(got) ? null : "one gave " + got + ", expected " + want;
  }

  /**
   * {@code getAll} of the expected rows' ids, a missing one and those a restriction excludes (S9),
   * {@code get} of the first and of one excluded id.
   */
  private String byId(List<Map<String, Object>> expected) throws ReflectiveOperationException {
    List<Object> keys = new ArrayList<>();
    for (Map<String, Object> row : expected) {
      keys.add(entity.storeId(row));
    }
    List<Object> want = new ArrayList<>(ids(expected));
    Object missing = missingId();
    if (missing != null) {
      keys.add(missing);
      want.add(null);
    }
    // S9: an id whose row the entity's restriction excludes finds nothing.
    for (Map<String, Object> row : entity.excluded) {
      keys.add(entity.storeId(row));
      want.add(null);
    }
    List<? extends Optional<?>> got = store.getAll(keys);
    List<Object> gotIds = new ArrayList<>();
    for (Optional<?> o : got) {
      gotIds.add(o.isPresent() ? entity.idOf(o.get()) : null);
    }
    if (!want.equals(gotIds)) {
      return "getAll" + keys + " returned " + gotIds + ", expected " + want;
    }
    if (!expected.isEmpty()) {
      Optional<?> one = store.get(keys.get(0));
      Object id = one.isPresent() ? entity.idOf(one.get()) : null;
      if (!Objects.equals(id, want.get(0))) {
        return "get(" + keys.get(0) + ") returned " + id + ", expected " + want.get(0);
      }
      String wrong = values(entity, one.get(), expected.get(0), 2, postgres);
      if (wrong != null) {
        return "get(" + keys.get(0) + "): " + wrong;
      }
    }
    if (!entity.excluded.isEmpty()) {
      // One excluded id alone, a different one as the query's window changes.
      Object key = entity.storeId(entity.excluded.get(expected.size() % entity.excluded.size()));
      Optional<?> one = store.get(key);
      if (one.isPresent()) {
        return "get("
            + key
            + ") of a row the restriction excludes returned "
            + entity.idOf(one.get());
      }
    }
    return null;
  }

  private Object missingId() throws ReflectiveOperationException {
    Object some = entity.storeId(entity.rows.get(0));
    if (some instanceof Long) {
      return 999_999L;
    } else if (some instanceof String) {
      return "no such id";
    }
    return null;
  }

  /** S2: count(p) + count(not p) + count(isNull(a)) is every row, for a single comparison p. */
  private String partition(Query q, long count) {
    Criterion c = q.criterion().orElse(null);
    String a = c == null || c instanceof Criterion.Null ? null : Reference.attribute(c);
    if (a == null || (c instanceof Criterion.In in && in.values().isEmpty())) {
      // in(a, []) is FALSE even where a is NULL, so its rows are not split three ways.
      return null;
    }
    long yes = count; // count ignores offset and limit (S3)
    long no = store.count(Query.where(Where.not(c)));
    long unknown = store.count(Query.where(Where.isNull(a)));
    long total = entity.rows.size();
    return yes + no + unknown == total
        ? null
        : "partition: count(p) "
            + yes
            + " + count(not p) "
            + no
            + " + count(isNull(\""
            + a
            + "\")) "
            + unknown
            + " != "
            + total
            + " rows";
  }

  /**
   * What differs between an entity object and its source row, following to-ones {@code depth}
   * levels into their targets, or {@code null}. Values must be equal exactly: the stored scale,
   * offset and zone, -0.0. On PostgreSQL a {@code ZonedDateTime} keeps its offset but not its
   * region (a documented limit: README, "PostgreSQL"), so there it must come back at its offset.
   */
  public static String values(
      Model.Entity e, Object object, Map<String, Object> row, int depth, boolean postgres)
      throws ReflectiveOperationException {
    Map<String, Object> got = e.valuesOf(object);
    for (Model.Attr a : e.attributes.values()) {
      Object want = row.get(a.path());
      if (postgres && want instanceof ZonedDateTime z) {
        want = z.toOffsetDateTime().toZonedDateTime();
      }
      Object have = got.get(a.path());
      boolean same;
      if (a.kind() == Model.Kind.COLLECTION) {
        same =
            have instanceof Collection<?> h
                && new HashSet<>(h).equals(new HashSet<>((List<?>) want));
      } else if (a.kind() == Model.Kind.MAP) {
        // A NULL value is no entry; a SortedMap iterates its keys in their natural order.
        Map<Object, Object> entries = new TreeMap<>();
        ((Map<?, ?>) want)
            .forEach(
                (k, v) -> {
                  if (v != null) {
                    entries.put(k, v);
                  }
                });
        want = entries;
        same =
            have instanceof SortedMap<?, ?> h
                && new ArrayList<>(h.entrySet()).equals(new ArrayList<>(entries.entrySet()));
      } else if (a.kind() == Model.Kind.ENTITIES) {
        want = ordered(a, (List<?>) want);
        same = want.equals(have);
      } else {
        same = Objects.deepEquals(want, have);
      }
      if (!same) {
        return e.name() + "." + a.path() + " is " + show(have) + ", expected " + show(want);
      }
      if (a.kind() == Model.Kind.TO_ONE && want != null && depth > 0) {
        Object target = Model.get(object, a.path());
        String wrong = values(a.target(), target, a.target().row(want), depth - 1, postgres);
        if (wrong != null) {
          return wrong;
        }
      }
    }
    return null;
  }

  /**
   * A many-to-many's target ids in the order its {@code @OrderBy} asks: only an order by the
   * target's (single, text) id is modelled, by code point (S4), since the fixture uses no other.
   */
  private static List<Object> ordered(Model.Attr a, List<?> ids) {
    List<Object> out = new ArrayList<>(ids);
    if (a.orderBy() == null) {
      return out;
    }
    String[] words = a.orderBy().trim().split("\\s+");
    if (!words[0].equals(a.target().ids.get(0)) || a.target().ids.size() != 1) {
      throw new IllegalStateException("the fuzzer models no @OrderBy(\"" + a.orderBy() + "\")");
    }
    Comparator<Object> byId = (x, y) -> Semantics.compare(x, y, false);
    out.sort(words.length > 1 && words[1].equalsIgnoreCase("desc") ? byId.reversed() : byId);
    return out;
  }

  private static String show(Object v) {
    return v instanceof byte[] b ? java.util.Arrays.toString(b) : String.valueOf(v);
  }

  private List<Object> ids(List<Map<String, Object>> rows) {
    List<Object> out = new ArrayList<>();
    rows.forEach(r -> out.add(entity.id(r)));
    return out;
  }

  private List<Object> entityIds(List<?> rows) throws ReflectiveOperationException {
    List<Object> out = new ArrayList<>();
    for (Object o : rows) {
      out.add(entity.idOf(o));
    }
    return out;
  }
}
