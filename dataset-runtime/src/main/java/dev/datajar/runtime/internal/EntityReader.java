package dev.datajar.runtime.internal;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.RowNotFoundException;
import dev.datajar.runtime.MultipleRowsFoundException;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Where;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * The read operations of one entity, behind {@link dev.datajar.runtime.Store}.
 *
 * <p>Each call opens a read-only session, reads, and closes it, so every caller gets objects of
 * its own. Lazy associations of returned objects still load after the session is closed
 * ({@code hibernate.enable_lazy_load_no_trans}), each in a short read-only session of its own.
 * Lookups by id of plain entities take a JDBC fast path ({@link RowLoader}). Thread-safe.
 */
public final class EntityReader<T> {
  private final Engine engine;
  private final Class<T> type;
  private final EntityModel model;
  private final RowLoader<T> fast;
  private final RowSearch<T> fastSearch;

  @SuppressWarnings("unchecked")
  EntityReader(Engine engine, Class<T> type, RowLoader<?> fast) {
    this.engine = engine;
    this.type = type;
    this.model = new EntityModel(engine.sessionFactory().getJpaMetamodel().entity(type));
    this.fast = (RowLoader<T>) fast;
    this.fastSearch = fast == null ? null : new RowSearch<>(this.fast);
  }

  public Class<T> type() {
    return type;
  }

  public EntityModel model() {
    return model;
  }

  /** True if lookups by id bypass Hibernate (see {@link RowLoader}). */
  public boolean hasFastPath() {
    return fast != null;
  }

  public Optional<T> get(Object id, Criterion filter) {
    Object key = coerceId(id);
    if (filter != null && model.idAttribute() == null) {
      throw new UnsupportedOperationException(type.getSimpleName() + " has a composite id:"
          + " get() of a store with a defaultFilter() needs a single id attribute");
    }
    if (filter != null) {
      return first(Query.where(Where.eq(model.idAttribute(), key)), filter, List.of());
    }
    if (fast != null) {
      engine.checkOpen();
      return Optional.ofNullable(fast.load(key));
    }
    try (Session s = engine.openSession()) {
      return Optional.ofNullable(s.find(type, key));
    }
  }

  public List<Optional<T>> getAll(Collection<?> ids, Criterion filter) {
    List<Object> keys = new ArrayList<>(ids.size());
    for (Object id : ids) {
      keys.add(coerceId(id));
    }
    List<Optional<T>> out = new ArrayList<>(keys.size());
    if (keys.isEmpty()) {
      return out;
    }
    if (filter == null && fast != null) {
      engine.checkOpen();
      for (Object k : keys) {
        out.add(Optional.ofNullable(fast.load(k)));
      }
      return out;
    }
    if (model.idAttribute() == null) {
      if (filter != null) {
        throw new UnsupportedOperationException(type.getSimpleName() + " has a composite id:"
            + " getAll() of a store with a defaultFilter() needs a single id attribute");
      }
      try (Session s = engine.openSession()) {
        for (Object k : keys) {
          out.add(Optional.ofNullable(s.find(type, k)));
        }
      }
      return out;
    }
    Map<Object, T> found = new HashMap<>();
    try (Session s = engine.openSession()) {
      List<T> rows = search(Query.where(Where.in(model.idAttribute(), keys)), filter, List.of(), s);
      for (T row : rows) {
        found.put(s.getIdentifier(row), row);
      }
    }
    for (Object k : keys) {
      out.add(Optional.ofNullable(found.get(k)));
    }
    return out;
  }

  public List<T> search(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    if (fast != null) {
      engine.checkOpen();
      List<T> rows = fastSearch.search(model, query, filter, defaultOrder);
      if (rows != null) {
        return rows;
      }
    }
    try (Session s = engine.openSession()) {
      return search(query, filter, defaultOrder, s);
    }
  }

  private List<T> search(Query query, Criterion filter, List<Query.Order> defaultOrder, Session s) {
    HqlWriter.Hql hql = HqlWriter.select(model, query, filter, defaultOrder);
    SelectionQuery<T> q = bind(s.createSelectionQuery(hql.text(), type), hql.params());
    q.setFirstResult(Math.toIntExact(query.offset()));
    query.limit().ifPresent(q::setMaxResults);
    return q.getResultList();
  }

  public Optional<T> first(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    List<T> rows = search(query.limit(1), filter, defaultOrder);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public T one(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    int max = Math.min(2, query.limit().orElse(2));
    List<T> rows = search(query.limit(max), filter, defaultOrder);
    if (rows.isEmpty()) {
      throw new RowNotFoundException(type, query);
    }
    if (rows.size() > 1) {
      throw new MultipleRowsFoundException(type, query);
    }
    return rows.get(0);
  }

  public long count(Query query, Criterion filter) {
    if (fast != null) {
      engine.checkOpen();
      Long n = fastSearch.count(model, query, filter);
      if (n != null) {
        return n;
      }
    }
    HqlWriter.Hql hql = HqlWriter.count(model, query, filter);
    try (Session s = engine.openSession()) {
      return bind(s.createSelectionQuery(hql.text(), Long.class), hql.params()).getSingleResult();
    }
  }

  public Stream<T> stream(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    if (fast != null) {
      engine.checkOpen();
      Stream<T> rows = fastSearch.stream(model, query, filter, defaultOrder);
      if (rows != null) {
        return rows;
      }
    }
    HqlWriter.Hql hql = HqlWriter.select(model, query, filter, defaultOrder);
    return RowStream.open(engine, hql, type, query);
  }

  public <R> List<R> hql(String hql, Class<R> resultType, Object[] params) {
    return Queries.hql(engine, hql, resultType, params);
  }

  public <R> List<R> sql(String sql, Class<R> resultType, Object[] params) {
    return Queries.sql(engine, sql, resultType, params);
  }

  private Object coerceId(Object id) {
    if (id == null) {
      throw new IllegalArgumentException("null is not an id of " + type.getSimpleName());
    }
    if (model.idAttribute() == null) {
      return id;
    }
    return model.coerce(model.idAttribute(), id);
  }

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
