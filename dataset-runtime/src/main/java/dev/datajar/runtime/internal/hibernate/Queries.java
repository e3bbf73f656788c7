package dev.datajar.runtime.internal.hibernate;

import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.ReadOnlyDataSetException;
import dev.datajar.runtime.internal.core.ClosedDataSet;
import dev.datajar.runtime.internal.core.EntityModel;
import dev.datajar.runtime.internal.core.FastConnections;
import dev.datajar.runtime.internal.core.QueryTimeLimit;
import dev.datajar.runtime.internal.core.SqlFlavour;
import dev.datajar.runtime.internal.core.SqlGuard;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;
import org.hibernate.query.IllegalSelectQueryException;
import org.hibernate.query.NativeQuery;
import org.hibernate.query.SelectionQuery;

/**
 * Arbitrary read-only HQL and SQL queries whose rows become records, entities or basic values.
 *
 * <p>HQL goes through {@code createSelectionQuery}, which refuses anything but a select. SQL is
 * first checked by {@link SqlGuard} (one query, nothing else reaches SQLite), then runs on a
 * read-only connection; SQLite refuses a write, and the refusal is reported as a {@link
 * ReadOnlyDataSetException}. Every call runs under a {@link QueryTimeLimit}. SQL columns are read
 * with the Java type of the record component of the same name, through the dialect's type mapping,
 * so values are exactly those an entity would hold.
 */
public final class Queries {
  private static final Map<Class<?>, MethodHandle> CONSTRUCTORS = new ConcurrentHashMap<>();

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
      throw failed(engine, "query()", hql, e);
    }
  }

  public static <R> List<R> sql(Sessions engine, String sql, Class<R> type, Object[] params) {
    // Checked before the database sees the text: SQLite carries out a pragma while preparing it;
    // pgjdbc would send each statement it finds.
    SqlFlavour flavour = engine.flavour();
    boolean split = flavour.splitsStatements();
    Optional<String> refused = flavour.sqlRefusal(sql);
    if (refused.isPresent()) {
      throw sqlRefused(
          engine,
          sql,
          ": "
              + refused.get()
              + ". Nothing was run;"
              + " to change the data, change the dataset's sources and rebuild it.",
          null);
    }
    try {
      return engine.inSession(
          "sql()",
          sql,
          split ? prepared -> oneStatement(engine, sql, prepared) : null,
          s -> {
            if (split) {
              // A rollback undoes what the statement did in its transaction, not what it left in
              // its session (a session advisory lock, a dblink connection, a random seed, a custom
              // setting's name, or whatever an extension's function keeps): the session is never
              // lent again. Marked before the statement runs, so that a failed one is retired too.
              s.doWork(
                  c -> {
                    if (flavour.sessionOutlivesRollback()) {
                      FastConnections.retireWhenReturned(c);
                    }
                    flavour.beginSqlCall(engine.name(), c);
                  });
            }
            return run(s, sql, type, params);
          });
    } catch (DataSetException e) {
      throw e;
    } catch (RuntimeException e) {
      if (isReadOnlyRefusal(e)) {
        throw sqlRefused(engine, sql, ". Change the dataset's sources and rebuild it instead.", e);
      }
      throw failed(engine, "sql()", sql, e);
    }
  }

  /**
   * What pgjdbc is about to prepare for an {@code sql()} call (the caller's text after Hibernate
   * bound its parameters), checked again as the caller's was: one statement, a query.
   */
  private static String oneStatement(Sessions engine, String sql, String prepared) {
    Optional<String> refused = engine.flavour().sqlRefusal(prepared);
    if (refused.isPresent()) {
      throw sqlRefused(
          engine,
          sql,
          ": as prepared ('" + prepared + "'), " + refused.get() + ". Nothing was run.",
          null);
    }
    return prepared;
  }

  /** The refusal of a statement given to sql() that is not a query; {@code why} ends it. */
  private static ReadOnlyDataSetException sqlRefused(
      Sessions engine, String sql, String why, Throwable cause) {
    return new ReadOnlyDataSetException(
        "dataset '"
            + engine.name()
            + "' is read-only: sql()"
            + " runs queries only, not '"
            + sql
            + "'"
            + why,
        cause);
  }

  /**
   * A {@code query()} or {@code sql()} call that failed for another reason than the ones above (a
   * syntax error, an unknown column, a parameter that does not fit): datajar's exception, naming
   * the dataset and the statement, with the driver's or Hibernate's as its cause.
   */
  private static DataSetException failed(
      Sessions engine, String call, String statement, RuntimeException e) {
    if (engine.isClosed()) {
      return ClosedDataSet.exception(engine.name(), e);
    }
    return new DataSetException(
        "dataset '"
            + engine.name()
            + "': "
            + call
            + " failed for '"
            + statement
            + "': "
            + rootMessage(e),
        e);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.toString();
  }

  private static <R> List<R> run(Session s, String sql, Class<R> type, Object[] params) {
    if (!type.isRecord()) {
      NativeQuery<R> q = s.createNativeQuery(sql, type);
      bind(q, params);
      return q.getResultList();
    }
    // Deprecated for the typed forms, which map rows themselves; here addScalar does.
    @SuppressWarnings("deprecation")
    NativeQuery<?> q = s.createNativeQuery(sql);
    RecordComponent[] components = type.getRecordComponents();
    for (RecordComponent c : components) {
      q.addScalar(c.getName(), EntityModel.box(c.getType()));
    }
    bind(q, params);
    MethodHandle ctor = constructor(type, components);
    List<R> out = new ArrayList<>();
    for (Object row : q.getResultList()) {
      Object[] values = components.length == 1 ? new Object[] {row} : (Object[]) row;
      try {
        out.add(type.cast(ctor.invokeWithArguments(values)));
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(
            "could not create " + type.getName() + " from a row of '" + sql + "': " + t, t);
      }
    }
    return out;
  }

  private static void bind(NativeQuery<?> q, Object[] params) {
    for (int i = 0; i < params.length; i++) {
      if (params[i] instanceof Collection<?> c) {
        q.setParameterList(i + 1, c);
      } else {
        q.setParameter(i + 1, params[i]);
      }
    }
  }

  private static MethodHandle constructor(Class<?> type, RecordComponent[] components) {
    return CONSTRUCTORS.computeIfAbsent(
        type,
        t -> {
          Class<?>[] types =
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
          try {
            return MethodHandles.privateLookupIn(t, MethodHandles.lookup())
                .findConstructor(t, MethodType.methodType(void.class, types));
          } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(
                "cannot construct record " + t.getName() + ": " + e, e);
          }
        });
  }

  static boolean isReadOnlyRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && "25006".equals(s.getSQLState())) {
        return true; // PostgreSQL: read_only_sql_transaction
      }
      String m = t.getMessage();
      // sqlite-jdbc says "Query does not return results" for a statement that is not a query,
      // before SQLite would refuse it as a write on a read-only connection; pgjdbc says "No
      // results were returned by the query" (e.g. for a SET, which the next transaction's
      // READ ONLY makes harmless anyway).
      if (m != null
          && (m.contains("SQLITE_READONLY")
              || m.contains("attempt to write a readonly")
              || m.contains("Query does not return results")
              || m.contains("No results were returned by the query"))) {
        return true;
      }
    }
    return false;
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
