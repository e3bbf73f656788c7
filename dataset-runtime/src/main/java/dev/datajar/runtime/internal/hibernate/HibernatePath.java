package dev.datajar.runtime.internal.hibernate;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Where;
import dev.datajar.runtime.internal.core.EntityModel;
import dev.datajar.runtime.internal.core.FastConnections;
import dev.datajar.runtime.internal.core.ReadPath;
import dev.datajar.runtime.internal.core.SqlFlavour;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.hibernate.query.SelectionQuery;

/**
 * The reads of an entity through Hibernate: one read-only session per call (held for the call,
 * closed after), criteria written as HQL. Lazy associations of returned objects still load after
 * the session is closed ({@code hibernate.enable_lazy_load_no_trans}), each in a short read-only
 * session of its own. Hibernate starts on the first call. Thread-safe.
 */
public final class HibernatePath<T> implements ReadPath<T> {
  private final Sessions engine;
  private final Class<T> type;

  public HibernatePath(Sessions engine, Class<T> type) {
    this.engine = engine;
    this.type = type;
  }

  /**
   * Fails with {@link HibernateSide#checkVersions()}'s message if Hibernate cannot start: before
   * the lambdas below, whose creation already needs Hibernate's classes.
   */
  private void ready() {
    engine.hibernate().checkVersions();
  }

  @Override
  public EntityModel model() {
    return engine.hibernate().model(type);
  }

  @Override
  public Optional<T> get(Object id) {
    ready();
    return engine.inSession(
        "get of " + type.getSimpleName() + " " + id, s -> Optional.ofNullable(s.find(type, id)));
  }

  @Override
  public List<Optional<T>> getAll(List<Object> ids, Criterion filter) {
    ready();
    List<Optional<T>> out = new ArrayList<>(ids.size());
    EntityModel model = model();
    if (model.idAttribute() == null) {
      if (filter != null) {
        throw new UnsupportedOperationException(
            type.getSimpleName()
                + " has a composite id:"
                + " getAll() of a store with a defaultFilter() needs a single id attribute");
      }
      return engine.inSession(
          "getAll of " + type.getSimpleName(),
          s -> {
            for (Object k : ids) {
              out.add(Optional.ofNullable(s.find(type, k)));
            }
            return out;
          });
    }
    Map<Object, T> found = new HashMap<>();
    Query q = Query.where(Where.in(model.idAttribute(), ids));
    engine.inSession(
        "getAll of " + type.getSimpleName(),
        s -> {
          for (T row : search(q, filter, List.of(), s)) {
            found.put(EntityModel.idKey(s.getIdentifier(row)), row);
          }
          return found;
        });
    for (Object k : ids) {
      out.add(Optional.ofNullable(found.get(EntityModel.idKey(k))));
    }
    return out;
  }

  @Override
  public List<T> search(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    ready();
    return engine.inSession(
        "search of " + type.getSimpleName(), s -> search(query, filter, defaultOrder, s));
  }

  private List<T> search(Query query, Criterion filter, List<Query.Order> defaultOrder, Session s) {
    HqlWriter.Hql hql = HqlWriter.select(model(), engine.flavour(), query, filter, defaultOrder);
    SelectionQuery<T> q = Queries.bind(s.createSelectionQuery(hql.text(), type), hql.params());
    q.setFirstResult(Math.toIntExact(query.offset()));
    query.limit().ifPresent(q::setMaxResults);
    return q.getResultList();
  }

  @Override
  public long count(Query query, Criterion filter) {
    ready();
    HqlWriter.Hql hql = HqlWriter.count(model(), engine.flavour(), query, filter);
    return engine.inSession(
        "count of " + type.getSimpleName(),
        s ->
            Queries.bind(s.createSelectionQuery(hql.text(), Long.class), hql.params())
                .getSingleResult());
  }

  @Override
  public Stream<T> stream(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    ready();
    return RowStream.open(
        engine,
        HqlWriter.select(model(), engine.flavour(), query, filter, defaultOrder),
        type,
        query);
  }

  /**
   * The rows of an {@code sql()} call whose result is this entity, when the row path cannot build
   * it ({@code read.SqlCall}): a native query of {@code text} (already checked, its placeholders
   * plain {@code ?}) with {@code values}, in a read-only session begun as the call's connection
   * would be ({@link SqlFlavour#beginSqlCall}, retired after it where its session can outlive the
   * rollback). Starts Hibernate.
   */
  public List<T> sql(String text, List<Object> values) {
    ready();
    SqlFlavour flavour = engine.flavour();
    return engine.inSession(
        "sql()",
        text,
        null,
        s -> {
          s.doWork(
              c -> {
                if (flavour.sessionOutlivesRollback()) {
                  FastConnections.retireWhenReturned(c);
                }
                flavour.beginSqlCall(engine.name(), c);
              });
          NativeQuery<T> q = s.createNativeQuery(text, type);
          for (int i = 0; i < values.size(); i++) {
            q.setParameter(i + 1, values.get(i));
          }
          return q.getResultList();
        });
  }
}
