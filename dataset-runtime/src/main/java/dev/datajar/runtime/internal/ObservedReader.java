package dev.datajar.runtime.internal;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.StoreObserver;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An {@link EntityReader} that reports each call, its time and its failure to a {@link
 * StoreObserver.Calls}. Calls go to the plain reader it wraps, so that a call made of others
 * ({@code first} and {@code one} run a search) is reported once, as itself. Only made when a {@link
 * StoreObserver} is set: readers without one time nothing.
 */
final class ObservedReader<T> extends EntityReader<T> {
  private final EntityReader<T> plain;
  private final StoreObserver.Calls calls;

  ObservedReader(EntityReader<T> plain, StoreObserver.Calls calls) {
    super(plain.type);
    this.plain = plain;
    this.calls = calls;
  }

  @Override
  public boolean hasFastPath() {
    return plain.hasFastPath();
  }

  @Override
  public EntityReader<T> throughHibernate() {
    return new ObservedReader<>(plain.throughHibernate(), calls);
  }

  @Override
  public EntityReader<T> observed(StoreObserver.Calls other) {
    return plain.observed(other);
  }

  @Override
  public Optional<T> get(Object id, Criterion filter) {
    long start = System.nanoTime();
    try {
      Optional<T> r = plain.get(id, filter);
      calls.record("get", System.nanoTime() - start, null);
      return r;
    } catch (RuntimeException | Error e) {
      calls.record("get", System.nanoTime() - start, e);
      throw e;
    }
  }

  @Override
  public List<Optional<T>> getAll(Collection<?> ids, Criterion filter) {
    long start = System.nanoTime();
    try {
      List<Optional<T>> r = plain.getAll(ids, filter);
      calls.record("getAll", System.nanoTime() - start, null);
      return r;
    } catch (RuntimeException | Error e) {
      calls.record("getAll", System.nanoTime() - start, e);
      throw e;
    }
  }

  @Override
  public List<T> search(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    long start = System.nanoTime();
    try {
      List<T> r = plain.search(query, filter, defaultOrder);
      calls.record("search", System.nanoTime() - start, null);
      return r;
    } catch (RuntimeException | Error e) {
      calls.record("search", System.nanoTime() - start, e);
      throw e;
    }
  }

  @Override
  public Optional<T> first(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    long start = System.nanoTime();
    try {
      Optional<T> r = plain.first(query, filter, defaultOrder);
      calls.record("first", System.nanoTime() - start, null);
      return r;
    } catch (RuntimeException | Error e) {
      calls.record("first", System.nanoTime() - start, e);
      throw e;
    }
  }

  @Override
  public T one(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    long start = System.nanoTime();
    try {
      T r = plain.one(query, filter, defaultOrder);
      calls.record("one", System.nanoTime() - start, null);
      return r;
    } catch (RuntimeException | Error e) {
      calls.record("one", System.nanoTime() - start, e);
      throw e;
    }
  }

  @Override
  public long count(Query query, Criterion filter) {
    long start = System.nanoTime();
    try {
      long r = plain.count(query, filter);
      calls.record("count", System.nanoTime() - start, null);
      return r;
    } catch (RuntimeException | Error e) {
      calls.record("count", System.nanoTime() - start, e);
      throw e;
    }
  }

  @Override
  public Stream<T> stream(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    long start = System.nanoTime();
    try {
      Stream<T> r = plain.stream(query, filter, defaultOrder);
      calls.record("stream", System.nanoTime() - start, null);
      return r;
    } catch (RuntimeException | Error e) {
      calls.record("stream", System.nanoTime() - start, e);
      throw e;
    }
  }

  @Override
  public <R> List<R> hql(String hql, Class<R> resultType, Object[] params) {
    long start = System.nanoTime();
    try {
      List<R> r = plain.hql(hql, resultType, params);
      calls.record("query", System.nanoTime() - start, null);
      return r;
    } catch (RuntimeException | Error e) {
      calls.record("query", System.nanoTime() - start, e);
      throw e;
    }
  }

  @Override
  public <R> List<R> sql(String sql, Class<R> resultType, Object[] params) {
    long start = System.nanoTime();
    try {
      List<R> r = plain.sql(sql, resultType, params);
      calls.record("sql", System.nanoTime() - start, null);
      return r;
    } catch (RuntimeException | Error e) {
      calls.record("sql", System.nanoTime() - start, e);
      throw e;
    }
  }
}
