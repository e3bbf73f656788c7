package dev.datajar.builder.fuzz;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The reference evaluator: a {@link Query}'s answer computed in plain Java over an entity's source
 * rows, by the rules of docs/queries.md (S1 paths as left joins, S2 three-valued logic, S3 order
 * and paging, S4–S8 comparisons through {@link Semantics}, S9 over the rows a restriction keeps,
 * with to-ones to excluded rows null: {@link Model.Entity#rows}).
 */
public final class Reference {
  /** A truth value of SQL's three-valued logic. */
  enum Truth {
    TRUE,
    FALSE,
    UNKNOWN;

    Truth not() {
      return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
    }

    static Truth of(boolean b) {
      return b ? TRUE : FALSE;
    }
  }

  private Reference() {}

  /**
   * The attribute at the end of {@code path} from {@code entity}: a basic attribute, or a to-one
   * (whose value is its target's id).
   */
  public static Model.Attr attr(Model.Entity entity, String path) {
    return walk(entity, null, path);
  }

  /**
   * The entity whose rows hold the attribute at the end of {@code path} from {@code entity} (the
   * target of the path's last to-one, else {@code entity}).
   */
  static Model.Entity holder(Model.Entity entity, String path) {
    Model.Entity[] holder = {entity};
    walk(entity, holder, path);
    return holder[0];
  }

  /**
   * Follows {@code path} from {@code entity}: each step an attribute ({@code "vendor"}) or an
   * embedded one ({@code "spot.city"}, {@code "wiring.maker"}); the last step's attribute, and the
   * entity holding it in {@code holder[0]} if {@code holder} is given.
   */
  private static Model.Attr walk(Model.Entity entity, Model.Entity[] holder, String path) {
    Model.Entity e = entity;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length; i++) {
      Model.Attr a = e.attributes.get(parts[i]);
      if (a == null && i + 1 < parts.length) {
        a = e.attributes.get(parts[i] + "." + parts[i + 1]);
        i++;
      }
      if (a == null) {
        throw new IllegalArgumentException(entity.name() + " has no path " + path);
      }
      if (holder != null) {
        holder[0] = e;
      }
      if (i == parts.length - 1) {
        return a;
      }
      e = a.target();
    }
    throw new IllegalArgumentException(path);
  }

  /** The value at {@code path} in {@code row}: NULL when a to-one on the way is NULL (S1). */
  public static Object value(Model.Entity entity, Map<String, Object> row, String path) {
    Model.Entity e = entity;
    Map<String, Object> r = row;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length; i++) {
      Model.Attr a = e.attributes.get(parts[i]);
      if (a == null && i + 1 < parts.length) {
        a = e.attributes.get(parts[i] + "." + parts[i + 1]); // an embedded attribute
        i++;
      }
      if (a == null) {
        throw new IllegalArgumentException(entity.name() + " has no path " + path);
      }
      Object v = r.get(a.path());
      if (i == parts.length - 1 || v == null) {
        return v;
      }
      e = a.target();
      r = e.row(v);
    }
    throw new IllegalArgumentException(path);
  }

  /** Whether {@code c} holds for {@code row}: TRUE, FALSE or UNKNOWN (S2). */
  static Truth eval(Model.Entity e, Map<String, Object> row, Criterion c) {
    if (c instanceof Criterion.Junction j) {
      boolean unknown = false;
      for (Criterion part : j.parts()) {
        Truth t = eval(e, row, part);
        if (t == (j.and() ? Truth.FALSE : Truth.TRUE)) {
          return t;
        }
        unknown |= t == Truth.UNKNOWN;
      }
      return unknown ? Truth.UNKNOWN : Truth.of(j.and());
    }
    if (c instanceof Criterion.Not n) {
      return eval(e, row, n.part()).not();
    }
    if (c instanceof Criterion.Null n) {
      return Truth.of((value(e, row, n.attribute()) == null) != n.negated());
    }
    if (c instanceof Criterion.In in && in.values().isEmpty()) {
      return Truth.FALSE; // even where the attribute is NULL
    }
    String path = attribute(c);
    Object v = value(e, row, path);
    if (v == null) {
      return Truth.UNKNOWN;
    }
    boolean ordinal = attr(e, path).ordinal();
    if (c instanceof Criterion.Compare cmp) {
      int r = Semantics.compare(v, cmp.value(), ordinal);
      return Truth.of(
          switch (cmp.op()) {
            case EQ -> r == 0;
            case NE -> r != 0;
            case LT -> r < 0;
            case LE -> r <= 0;
            case GT -> r > 0;
            case GE -> r >= 0;
          });
    }
    if (c instanceof Criterion.Between b) {
      return Truth.of(
          Semantics.compare(v, b.low(), ordinal) >= 0
              && Semantics.compare(v, b.high(), ordinal) <= 0);
    }
    if (c instanceof Criterion.In in) {
      return Truth.of(in.values().stream().anyMatch(x -> Semantics.compare(v, x, ordinal) == 0));
    }
    if (c instanceof Criterion.Like l) {
      return Truth.of(Semantics.like((String) v, l.pattern()));
    }
    if (c instanceof Criterion.StartsWith s) {
      return Truth.of(((String) v).startsWith(s.prefix()));
    }
    throw new IllegalArgumentException(c.toString());
  }

  /** The attribute a single comparison tests, or {@code null} for and/or/not. */
  static String attribute(Criterion c) {
    if (c instanceof Criterion.Compare x) {
      return x.attribute();
    } else if (c instanceof Criterion.Between x) {
      return x.attribute();
    } else if (c instanceof Criterion.In x) {
      return x.attribute();
    } else if (c instanceof Criterion.Like x) {
      return x.attribute();
    } else if (c instanceof Criterion.StartsWith x) {
      return x.attribute();
    } else if (c instanceof Criterion.Null x) {
      return x.attribute();
    }
    return null;
  }

  /** The rows {@code q} selects, ordered by its orders then the id (S3), before offset/limit. */
  static List<Map<String, Object>> matching(Model.Entity e, Query q) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : e.rows) {
      if (q.criterion().isEmpty() || eval(e, row, q.criterion().get()) == Truth.TRUE) {
        out.add(row);
      }
    }
    out.sort(order(e, q.orders()));
    return out;
  }

  /** The rows a query returns: {@link #matching}'s after an offset and a limit (-1: none). */
  static List<Map<String, Object>> window(List<Map<String, Object>> all, long offset, int limit) {
    int from = (int) Math.min(all.size(), offset);
    int to = limit >= 0 ? Math.min(all.size(), from + limit) : all.size();
    return all.subList(from, to);
  }

  /** S3: each order with NULLs first ascending and last descending, then every id column. */
  static Comparator<Map<String, Object>> order(Model.Entity e, List<Query.Order> orders) {
    Comparator<Map<String, Object>> c = null;
    for (Query.Order o : orders) {
      boolean ordinal = attr(e, o.attribute()).ordinal();
      Comparator<Map<String, Object>> one =
          (a, b) -> nullsFirst(value(e, a, o.attribute()), value(e, b, o.attribute()), ordinal);
      c = then(c, o.descending() ? one.reversed() : one);
    }
    for (String id : e.ids) {
      c = then(c, (a, b) -> Semantics.compare(a.get(id), b.get(id), false));
    }
    return c;
  }

  private static <T> Comparator<T> then(Comparator<T> first, Comparator<T> next) {
    return first == null ? next : first.thenComparing(next);
  }

  private static int nullsFirst(Object a, Object b, boolean ordinal) {
    if (a == null || b == null) {
      return Boolean.compare(a != null, b != null);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      // a to-one to a composite key: by its target's id attributes in turn (S1, S3)
      for (int i = 0; i < x.size(); i++) {
        int c = Semantics.compare(x.get(i), y.get(i), false);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }
    return Semantics.compare(a, b, ordinal);
  }
}
