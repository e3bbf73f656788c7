package dev.datajar.runtime.internal.core;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.DataSetException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The attribute paths a criterion names, and the limits of its size (docs/queries.md). */
public final class Criteria {
  /** The deepest nesting of and/or/not a criterion may have. */
  static final int MAX_DEPTH = 32;

  /** The most conditions (comparisons, ranges, sets, patterns, null tests) a criterion may have. */
  static final int MAX_CONDITIONS = 1000;

  private Criteria() {}

  /**
   * Refuses a criterion nested deeper than {@link #MAX_DEPTH} or with more than {@link
   * #MAX_CONDITIONS} conditions, before any SQL is written; walks it without recursion, so any
   * depth is refused cleanly.
   *
   * @param what the call and entity, for the message ({@code "search of Device"})
   */
  public static void check(Criterion c, String what) {
    if (c == null) {
      return;
    }
    record Level(Criterion c, int depth) {}
    Deque<Level> todo = new ArrayDeque<>();
    todo.push(new Level(c, 0));
    int conditions = 0;
    while (!todo.isEmpty()) {
      Level l = todo.pop();
      if (l.c() instanceof Criterion.Junction x) {
        depth(l.depth() + 1, what);
        for (Criterion p : x.parts()) {
          todo.push(new Level(p, l.depth() + 1));
        }
      } else if (l.c() instanceof Criterion.Not x) {
        depth(l.depth() + 1, what);
        todo.push(new Level(x.part(), l.depth() + 1));
      } else if (++conditions > MAX_CONDITIONS) {
        throw new DataSetException(
            what
                + ": the criterion has more than "
                + MAX_CONDITIONS
                + " conditions, the most one query may have. Combine values of one attribute"
                + " into one Where.in(attribute, values), or split the work into several"
                + " queries.");
      }
    }
  }

  private static void depth(int depth, String what) {
    if (depth > MAX_DEPTH) {
      throw new DataSetException(
          what
              + ": the criterion nests and/or/not more than "
              + MAX_DEPTH
              + " levels deep, the most one query may have. Write it flatter: and(a, b, c)"
              + " instead of and(a, and(b, c)), not(x) once instead of twice.");
    }
  }

  /** The attribute of a leaf criterion (a comparison, range, set, pattern or null test). */
  public static String attribute(Criterion c) {
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
    throw new IllegalArgumentException("not a leaf criterion: " + c);
  }

  /** Adds the leaves of {@code c} (the criteria under and/or/not) to {@code out}. */
  public static void leaves(Criterion c, List<Criterion> out) {
    if (c instanceof Criterion.Junction x) {
      x.parts().forEach(p -> leaves(p, out));
    } else if (c instanceof Criterion.Not x) {
      leaves(x.part(), out);
    } else {
      out.add(c);
    }
  }
}
