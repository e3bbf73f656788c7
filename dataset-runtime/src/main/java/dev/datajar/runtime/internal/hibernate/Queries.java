package dev.datajar.runtime.internal.hibernate;

import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.ReadOnlyDataSetException;
import dev.datajar.runtime.internal.core.FastConnections;
import dev.datajar.runtime.internal.core.QueryFailures;
import dev.datajar.runtime.internal.core.QueryTimeLimit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.hibernate.query.IllegalSelectQueryException;
import org.hibernate.query.SelectionQuery;

/**
 * Arbitrary read-only HQL queries ({@code Store.query()}) whose rows become records, entities or
 * basic values: through {@code createSelectionQuery}, which refuses anything but a select, under a
 * {@link QueryTimeLimit}. {@code sql()} does not come here: it runs on the row path's connections
 * ({@code read.SqlCall}), without Hibernate.
 */
public final class Queries {
  private Queries() {}

  public static <R> List<R> hql(Sessions engine, String hql, Class<R> type, Object[] params) {
    try {
      return engine.inSession(
          "query()",
          hql,
          null,
          s -> {
            if (engine.flavour().sessionOutlivesRollback() && hql.indexOf('(') >= 0) {
              // HQL passes functions it does not know through to SQL (pg_advisory_lock, setseed,
              // dblink_connect...): the session is not lent again, as after sql(). A call needs
              // a parenthesis; text without one (most HQL) keeps its session.
              s.doWork(FastConnections::retireWhenReturned);
            }
            SelectionQuery<R> q = s.createSelectionQuery(hql, type);
            Set<String> named = q.getParameterMetadata().getNamedParameterNames();
            if (!named.isEmpty()) {
              // Hibernate would say "No parameter labelled '?1' in query with ordinal parameters"
              throw new IllegalArgumentException(
                  "query() binds its values to the positional parameters ?1, ?2, …, and the query"
                      + " names "
                      + String.join(", ", named.stream().sorted().map(n -> ":" + n).toList())
                      + ": write ?1, ?2, … in their places, numbered in the order of the values");
            }
            bind(q, Arrays.asList(params));
            return q.getResultList();
          });
    } catch (IllegalSelectQueryException e) {
      throw new ReadOnlyDataSetException(
          "dataset '"
              + engine.name()
              + "' is read-only: query()"
              + " runs select statements only, not '"
              + hql
              + "'. Change the dataset's sources and"
              + " rebuild it instead.",
          e);
    } catch (DataSetException e) {
      throw e;
    } catch (RuntimeException e) {
      throw QueryFailures.failed(engine.name(), engine.isClosed(), "query()", hql, e);
    }
  }

  /** Binds positional parameters {@code ?1, ?2, ...}; a collection as a list (an {@code in}). */
  static <R> SelectionQuery<R> bind(SelectionQuery<R> q, List<Object> params) {
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p instanceof Collection<?> c) {
        q.setParameterList(i + 1, c);
      } else {
        q.setParameter(i + 1, p);
      }
    }
    return q;
  }
}
