package dev.datajar.builder.fuzz;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Where;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Makes a failing query smaller while it still fails: drops or replaces parts of its condition (a
 * subtree by one of its parts, a part of an and/or, a value of an in list), drops orders, the
 * offset and the limit, until no single step keeps it failing.
 */
public final class Shrinker {
  /** At most this many tries: shrinking a query of a few dozen nodes needs far fewer. */
  private static final int MAX_TRIES = 500;

  private Shrinker() {}

  public static Query shrink(Query failing, Predicate<Query> fails) {
    Query q = failing;
    int tries = 0;
    boolean smaller = true;
    while (smaller && tries < MAX_TRIES) {
      smaller = false;
      for (Query candidate : candidates(q)) {
        tries++;
        if (fails.test(candidate)) {
          q = candidate;
          smaller = true;
          break;
        }
        if (tries >= MAX_TRIES) {
          break;
        }
      }
    }
    return q;
  }

  /** Each query one step smaller than {@code q}, smallest steps last. */
  static List<Query> candidates(Query q) {
    Criterion c = q.criterion().orElse(null);
    List<Query> out = new ArrayList<>();
    if (c != null) {
      out.add(
          query(null, q.orders(), q.offset(), q.limit().isPresent() ? q.limit().getAsInt() : -1));
    }
    if (q.limit().isPresent()) {
      out.add(query(c, q.orders(), q.offset(), -1));
    }
    if (q.offset() > 0) {
      out.add(query(c, q.orders(), 0, q.limit().isPresent() ? q.limit().getAsInt() : -1));
    }
    for (int i = 0; i < q.orders().size(); i++) {
      List<Query.Order> fewer = new ArrayList<>(q.orders());
      fewer.remove(i);
      out.add(query(c, fewer, q.offset(), q.limit().isPresent() ? q.limit().getAsInt() : -1));
    }
    if (c != null) {
      for (Criterion s : smaller(c)) {
        out.add(
            query(s, q.orders(), q.offset(), q.limit().isPresent() ? q.limit().getAsInt() : -1));
      }
    }
    return out;
  }

  /** Conditions one step smaller than {@code c}. */
  static List<Criterion> smaller(Criterion c) {
    List<Criterion> out = new ArrayList<>();
    if (c instanceof Criterion.Junction j) {
      out.addAll(j.parts());
      for (int i = 0; i < j.parts().size() && j.parts().size() > 1; i++) {
        List<Criterion> fewer = new ArrayList<>(j.parts());
        fewer.remove(i);
        out.add(new Criterion.Junction(j.and(), fewer));
      }
      for (int i = 0; i < j.parts().size(); i++) {
        for (Criterion s : smaller(j.parts().get(i))) {
          List<Criterion> parts = new ArrayList<>(j.parts());
          parts.set(i, s);
          out.add(new Criterion.Junction(j.and(), parts));
        }
      }
    } else if (c instanceof Criterion.Not n) {
      out.add(n.part());
      for (Criterion s : smaller(n.part())) {
        out.add(Where.not(s));
      }
    } else if (c instanceof Criterion.In in) {
      for (int i = 0; i < in.values().size(); i++) {
        List<Object> fewer = new ArrayList<>(in.values());
        fewer.remove(i);
        out.add(Where.in(in.attribute(), fewer));
      }
    }
    return out;
  }

  private static Query query(Criterion c, List<Query.Order> orders, long offset, int limit) {
    Query q = c == null ? Query.all() : Query.where(c);
    for (Query.Order o : orders) {
      q = o.descending() ? q.orderByDesc(o.attribute()) : q.orderBy(o.attribute());
    }
    if (offset > 0) {
      q = q.offset(offset);
    }
    return limit >= 0 ? q.limit(limit) : q;
  }
}
