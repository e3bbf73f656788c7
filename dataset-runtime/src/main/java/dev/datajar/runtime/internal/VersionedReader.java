package dev.datajar.runtime.internal;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The reads of one entity on whichever version of its dataset is served when each call starts:
 * every call holds that version ({@link Served#acquire()}) from its start to its return, so that
 * all of it (to-one and collection reads, Hibernate, {@code sql()}) reads one version, and the
 * version stays open under it. A stream keeps the version it was opened on until it is closed: its
 * engine closes only after its last stream.
 */
public final class VersionedReader<T> extends EntityReader<T> {
  private final Served served;
  private final boolean throughHibernate;

  public VersionedReader(Served served, Class<T> type) {
    this(served, type, false);
  }

  private VersionedReader(Served served, Class<T> type, boolean throughHibernate) {
    super(type);
    this.served = served;
    this.throughHibernate = throughHibernate;
  }

  private EntityReader<T> on(Served.Version v) {
    EntityReader<T> r = v.engine().reader(type);
    return throughHibernate ? r.throughHibernate() : r;
  }

  @Override
  public boolean hasFastPath() {
    return !throughHibernate && served.current().engine().reader(type).hasFastPath();
  }

  @Override
  public EntityReader<T> throughHibernate() {
    return new VersionedReader<>(served, type, true);
  }

  @Override
  public Optional<T> get(Object id, Criterion filter) {
    Served.Version v = served.acquire();
    try {
      return on(v).get(id, filter);
    } finally {
      served.release(v);
    }
  }

  @Override
  public List<Optional<T>> getAll(Collection<?> ids, Criterion filter) {
    Served.Version v = served.acquire();
    try {
      return on(v).getAll(ids, filter);
    } finally {
      served.release(v);
    }
  }

  @Override
  public List<T> search(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    Served.Version v = served.acquire();
    try {
      return on(v).search(query, filter, defaultOrder);
    } finally {
      served.release(v);
    }
  }

  @Override
  public Optional<T> first(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    Served.Version v = served.acquire();
    try {
      return on(v).first(query, filter, defaultOrder);
    } finally {
      served.release(v);
    }
  }

  @Override
  public T one(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    Served.Version v = served.acquire();
    try {
      return on(v).one(query, filter, defaultOrder);
    } finally {
      served.release(v);
    }
  }

  @Override
  public long count(Query query, Criterion filter) {
    Served.Version v = served.acquire();
    try {
      return on(v).count(query, filter);
    } finally {
      served.release(v);
    }
  }

  /**
   * Opens the stream on the current version; the stream registers with that version's engine before
   * this returns, and the engine stays open until its last stream is done.
   */
  @Override
  public Stream<T> stream(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    Served.Version v = served.acquire();
    try {
      return on(v).stream(query, filter, defaultOrder);
    } finally {
      served.release(v);
    }
  }

  @Override
  public <R> List<R> hql(String hql, Class<R> resultType, Object[] params) {
    Served.Version v = served.acquire();
    try {
      return on(v).hql(hql, resultType, params);
    } finally {
      served.release(v);
    }
  }

  @Override
  public <R> List<R> sql(String sql, Class<R> resultType, Object[] params) {
    Served.Version v = served.acquire();
    try {
      return on(v).sql(sql, resultType, params);
    } finally {
      served.release(v);
    }
  }
}
