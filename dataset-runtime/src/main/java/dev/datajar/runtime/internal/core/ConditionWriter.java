package dev.datajar.runtime.internal.core;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import java.util.List;

/**
 * What the HQL and the SQL writers share: a text being written, and/or/not, and how a query's
 * criterion and the store's default filter combine into one {@code where} clause.
 */
public abstract class ConditionWriter {
  protected final StringBuilder sb;

  protected ConditionWriter(StringBuilder sb) {
    this.sb = sb;
  }

  /** Writes a comparison, range, set, pattern or null test, in the writer's language. */
  protected abstract void writeLeaf(Criterion c);

  /** Writes one criterion: and/or/not here, the rest through {@link #writeLeaf}. */
  protected final void write(Criterion c) {
    if (c instanceof Criterion.Junction x) {
      junction(x.and(), x.parts(), 0, x.parts().size());
    } else if (c instanceof Criterion.Not x) {
      sb.append("not (");
      write(x.part());
      sb.append(')');
    } else {
      writeLeaf(c);
    }
  }

  /**
   * Parts {@code from} to {@code to} (exclusive) of an and/or, grouped in halves: {@code ((a and b)
   * and (c and d))}. And/or are associative in three-valued logic too, so the meaning is that of
   * the flat list, and the nesting the database parses grows with the logarithm of the parts, not
   * with their number (SQLite refuses an expression nested 1,000 deep).
   */
  private void junction(boolean and, List<Criterion> parts, int from, int to) {
    if (to - from == 1) {
      write(parts.get(from));
      return;
    }
    int mid = (from + to) >>> 1;
    sb.append('(');
    junction(and, parts, from, mid);
    sb.append(and ? ") and (" : ") or (");
    junction(and, parts, mid, to);
    sb.append(')');
  }

  /** {@code where (filter) and (criterion)}, either alone, or nothing. */
  protected final void where(Query query, Criterion filter) {
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
