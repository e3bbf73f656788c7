package dev.datajar.runtime.internal;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;

/**
 * What the HQL and the SQL writers share: a text being written, and/or/not, and how a query's
 * criterion and the store's default filter combine into one {@code where} clause.
 */
abstract class ConditionWriter {
  final StringBuilder sb;

  ConditionWriter(StringBuilder sb) {
    this.sb = sb;
  }

  /** Writes a comparison, range, set, pattern or null test, in the writer's language. */
  abstract void writeLeaf(Criterion c);

  /** Writes one criterion: and/or/not here, the rest through {@link #writeLeaf}. */
  final void write(Criterion c) {
    if (c instanceof Criterion.Junction x) {
      String sep = "";
      for (Criterion part : x.parts()) {
        sb.append(sep).append('(');
        write(part);
        sb.append(')');
        sep = x.and() ? " and " : " or ";
      }
    } else if (c instanceof Criterion.Not x) {
      sb.append("not (");
      write(x.part());
      sb.append(')');
    } else {
      writeLeaf(c);
    }
  }

  /** {@code where (filter) and (criterion)}, either alone, or nothing. */
  final void where(Query query, Criterion filter) {
    Criterion c = query.criterion().orElse(null);
    if (c == null && filter == null) {
      return;
    }
    sb.append(" where ");
    if (c != null && filter != null) {
      sb.append('(');
      write(filter);
      sb.append(") and (");
      write(c);
      sb.append(')');
    } else {
      write(c != null ? c : filter);
    }
  }
}
