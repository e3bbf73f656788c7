package dev.datajar.runtime.internal;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.MultipleRowsFoundException;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.RowNotFoundException;
import dev.datajar.runtime.StoreObserver;
import dev.datajar.runtime.Where;
import dev.datajar.runtime.internal.core.Criteria;
import dev.datajar.runtime.internal.core.EntityModel;
import dev.datajar.runtime.internal.core.ReadPath;
import dev.datajar.runtime.internal.hibernate.HibernatePath;
import dev.datajar.runtime.internal.hibernate.Queries;
import dev.datajar.runtime.internal.read.RowPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The read operations of one entity, behind {@link dev.datajar.runtime.Store}: checks ids and the
 * store's filter, then hands each call to the entity's {@link ReadPath}, chosen once when the
 * dataset opened. Every call returns objects of its own. Thread-safe.
 */
public class EntityReader<T> {
  final Engine engine;
  final Class<T> type;
  final ReadPath<T> path;

  EntityReader(Engine engine, Class<T> type, ReadPath<T> path) {
    this.engine = engine;
    this.type = type;
    this.path = path;
  }

  /**
   * For a reader that hands every call to other readers ({@link VersionedReader}, {@link
   * ObservedReader}) and overrides every method that reads: it holds no engine, so that it keeps no
   * version of the dataset (its connections, caches) alive after that version was switched out.
   */
  EntityReader(Class<T> type) {
    this(null, type, null);
  }

  public Class<T> type() {
    return type;
  }

  /** True if plain reads of this entity bypass Hibernate ({@link RowPath}). */
  public boolean hasFastPath() {
    return path instanceof RowPath;
  }

  /**
   * The same reads through Hibernate, also for an entity the row path reads: for tests that compare
   * the two paths' answers. Its first call starts Hibernate for the dataset.
   */
  public EntityReader<T> throughHibernate() {
    return path instanceof RowPath
        ? new EntityReader<>(engine, type, new HibernatePath<>(engine, type))
        : this;
  }

  /**
   * This entity's reads with every call reported to {@code calls}; a reader of its own, so that
   * readers without an observer time nothing.
   */
  public EntityReader<T> observed(StoreObserver.Calls calls) {
    return new ObservedReader<>(this, calls);
  }

  public Optional<T> get(Object id, Criterion filter) {
    engine.checkOpen();
    Object key = coerceId(id);
    if (filter == null) {
      return path.get(key);
    }
    if (path instanceof RowPath<T> rows && rows.compositeId()) {
      return rows.getAll(List.of(key), filter).get(0);
    }
    String idAttribute = path.model().idAttribute();
    if (idAttribute == null) {
      throw new UnsupportedOperationException(
          type.getSimpleName()
              + " has a composite id:"
              + " get() of a store with a defaultFilter() needs a single id attribute");
    }
    return first(Query.where(Where.eq(idAttribute, key)), filter, List.of());
  }

  public List<Optional<T>> getAll(Collection<?> ids, Criterion filter) {
    engine.checkOpen();
    Criteria.check(filter, "getAll of " + type.getSimpleName() + " (its defaultFilter)");
    List<Object> keys = new ArrayList<>(ids.size());
    for (Object id : ids) {
      keys.add(coerceId(id));
    }
    return keys.isEmpty() ? new ArrayList<>() : path.getAll(keys, filter);
  }

  public List<T> search(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    engine.checkOpen();
    check(query, filter, defaultOrder, "search");
    return path.search(query, filter, defaultOrder);
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
    engine.checkOpen();
    check(query, filter, List.of(), "count");
    return path.count(query, filter);
  }

  public Stream<T> stream(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    engine.checkOpen();
    check(query, filter, defaultOrder, "stream");
    return path.stream(query, filter, defaultOrder);
  }

  public <R> List<R> hql(String hql, Class<R> resultType, Object[] params) {
    engine.hibernate().checkVersions(); // before Queries, which names Hibernate's types
    return Queries.hql(engine, hql, resultType, params);
  }

  /** {@code Store.sql()}: the row path's JDBC, no Hibernate ({@code read.SqlCall}). */
  public <R> List<R> sql(String sql, Class<R> resultType, Object[] params) {
    return engine.sql(sql, resultType, params);
  }

  /**
   * Refuses a criterion too deep or too large, and a condition or order through a collection
   * (docs/queries.md), naming the call.
   */
  private void check(Query query, Criterion filter, List<Query.Order> defaultOrder, String call) {
    Criteria.check(query.criterion().orElse(null), call + " of " + type.getSimpleName());
    Criteria.check(filter, call + " of " + type.getSimpleName() + " (its defaultFilter)");
    List<Criterion> leaves = new ArrayList<>();
    query.criterion().ifPresent(c -> Criteria.leaves(c, leaves));
    for (Criterion c : leaves) {
      noCollection(Criteria.attribute(c), "a condition", call);
    }
    if (filter != null) {
      leaves.clear();
      Criteria.leaves(filter, leaves);
      for (Criterion c : leaves) {
        noCollection(Criteria.attribute(c), "its defaultFilter()", call);
      }
    }
    for (Query.Order o : query.orders().isEmpty() ? defaultOrder : query.orders()) {
      noCollection(o.attribute(), "an order", call);
    }
  }

  /**
   * Refuses a path through a collection: which element it would mean (any? every? the first?) is
   * not defined, and before this check every such query failed anyway, each way differently
   * (docs/queries.md).
   */
  private void noCollection(String attribute, String where, String call) {
    String collection =
        Boolean.getBoolean("probe.allow") ? null : path.model().collectionOn(attribute);
    if (collection != null) {
      throw new DataSetException(
          call
              + " of "
              + type.getSimpleName()
              + ": "
              + where
              + " on '"
              + attribute
              + "' goes through the collection '"
              + collection
              + "', and a query's conditions and orders take attributes of "
              + type.getSimpleName()
              + " and of its to-ones and embeddables only. Query the collection with HQL through"
              + " query(), e.g. \"select distinct e from "
              + type.getSimpleName()
              + " e join e."
              + collection
              + " c where c ...\".");
    }
  }

  private Object coerceId(Object id) {
    if (id == null) {
      throw new IllegalArgumentException("null is not an id of " + type.getSimpleName());
    }
    EntityModel model = path.model();
    return model.idAttribute() == null ? id : model.coerce(model.idAttribute(), id);
  }
}
