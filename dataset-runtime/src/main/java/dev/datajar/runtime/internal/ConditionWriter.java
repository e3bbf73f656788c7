package dev.datajar.runtime.internal;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;

/**
 * What the HQL and the SQL writers share: a text being written, and how a query's criterion and
 * the store's default filter combine into one {@code where} clause.
 */
abstract class ConditionWriter {
  final StringBuilder sb;

  ConditionWriter(int capacity) {
    this.sb = new StringBuilder(capacity);
  }

  /** Writes one criterion, in the writer's language. */
  abstract void write(Criterion c);

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
