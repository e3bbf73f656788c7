package dev.datajar.runtime.internal;

import dev.datajar.runtime.Criterion;
import java.util.List;

/** The attribute paths a criterion names. */
final class Criteria {
  private Criteria() {}

  /** The attribute of a leaf criterion (a comparison, range, set, pattern or null test). */
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
    throw new IllegalArgumentException("not a leaf criterion: " + c);
  }

  /** Adds every attribute {@code c} names, through and/or/not, to {@code out}. */
  static void attributes(Criterion c, List<String> out) {
    if (c instanceof Criterion.Junction x) {
      x.parts().forEach(p -> attributes(p, out));
    } else if (c instanceof Criterion.Not x) {
      attributes(x.part(), out);
    } else {
      out.add(attribute(c));
    }
  }
}
