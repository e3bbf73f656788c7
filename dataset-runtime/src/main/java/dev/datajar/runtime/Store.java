package dev.datajar.runtime;

import dev.datajar.runtime.internal.EntityReader;
import dev.datajar.runtime.internal.TypeArguments;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Typed, read-only access to the rows of one entity of a dataset.
 *
 * <p>Inject it: {@code @Inject Store<Country> countries} works for every entity of every dataset
 * that {@link DataSetModule} opened, with no binding of your own. For queries of your own, extend
 * it; the subclass needs no constructor and no binding, its entity type is read from the type
 * argument:
 *
 * <pre>{@code
 * public class CountryStore extends Store<Country> {
 *   public Optional<Country> byAlpha2(String code) {
 *     return first(Query.where(Where.eq("alpha2", code)));
 *   }
 *
 *   @Override protected List<Query.Order> defaultOrder() {
 *     return List.of(Query.Order.asc("name"));
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safe; the {@code Store<T>} bindings of the module are singletons. Guice makes a
 * subclass per injection unless it is annotated {@code @Singleton}; either way it is cheap, since
 * everything it reads through is shared. Every call returns new objects, fully loaded (navigating a
 * to-one association or a collection never throws a lazy-loading exception): a caller may change
 * what it got without anyone else seeing it, and nothing is ever written back.
 *
 * @param <T> the entity type
 */
public class Store<T> {
  private volatile EntityReader<T> reader;

  /** For subclasses; Guice attaches the instance to its dataset right after constructing it. */
  protected Store() {}

  Store(EntityReader<T> reader) {
    this.reader = reader;
  }

  /**
   * Attaches this store to the dataset of its entity; Guice calls it after construction, and {@link
   * DataSets#attach} for stores made elsewhere. Attaching twice keeps the first.
   */
  @Inject
  final void attach(DataSets dataSets) {
    if (reader == null) {
      if (getClass() == Store.class) {
        // Only reachable when a Store<X> is made just in time for an entity of no opened
        // dataset; DataSetModule reports that with X's name before this runs.
        throw new IllegalStateException(
            "this Store<...> reads an entity of no opened dataset"
                + " (opened: "
                + dataSets.opened()
                + "). Check that the entity's dataset jar is on"
                + " the class path and that its dataset is opened.");
      }
      @SuppressWarnings("unchecked")
      Class<T> type = (Class<T>) TypeArguments.of(getClass(), Store.class);
      reader = dataSets.reader(type);
    }
  }

  /** The entity class this store reads. */
  public final Class<T> entityType() {
    return reader().type();
  }

  /** Every row, in the default order. */
  public final List<T> search() {
    return search(Query.all());
  }

  /** The rows matching {@code query}, in its order (or the default order). */
  public final List<T> search(Query query) {
    return reader().search(query, defaultFilter(), defaultOrder());
  }

  /** The first row matching {@code query} (offset applies), or empty. */
  public final Optional<T> first(Query query) {
    return reader().first(query, defaultFilter(), defaultOrder());
  }

  /**
   * The single row matching {@code query}.
   *
   * @throws RowNotFoundException if there is none
   * @throws MultipleRowsFoundException if there are several
   */
  public final T one(Query query) {
    return reader().one(query, defaultFilter(), defaultOrder());
  }

  /** The number of rows. */
  public final long count() {
    return count(Query.all());
  }

  /** The number of rows matching {@code query}; its offset, limit and order are ignored. */
  public final long count(Query query) {
    return reader().count(query, defaultFilter());
  }

  /** The row with primary key {@code id}, or empty. */
  public final Optional<T> get(Object id) {
    Objects.requireNonNull(id, "id");
    return reader().get(id, defaultFilter());
  }

  /**
   * The rows with the given primary keys, one element per id in the same order (empty where an id
   * has no row), as a batch loader wants them.
   */
  public final List<Optional<T>> getAll(Collection<?> ids) {
    return reader().getAll(ids, defaultFilter());
  }

  /** Every row, read lazily; close the stream (try-with-resources) to release its connection. */
  public final Stream<T> stream() {
    return stream(Query.all());
  }

  /**
   * The rows matching {@code query}, read lazily in constant memory. The stream holds a connection
   * until it is closed: use try-with-resources.
   */
  public final Stream<T> stream(Query query) {
    return reader().stream(query, defaultFilter(), defaultOrder());
  }

  /**
   * Runs a read-only HQL query with positional parameters ({@code ?1}, {@code ?2}, ...). {@code
   * resultType} may be an entity, a basic type, or a record whose canonical constructor takes the
   * selected items in order.
   *
   * <pre>{@code
   * record Name(String alpha2, String name) {}
   * List<Name> names = countries.query("select alpha2, name from Country where continent = ?1",
   *     Name.class, "EU");
   * }</pre>
   */
  public final <R> List<R> query(String hql, Class<R> resultType, Object... params) {
    return reader().hql(hql, resultType, params);
  }

  /**
   * Runs one read-only SQL query with {@code ?} parameters (or JPA-style {@code ?1}, {@code ?2}; a
   * {@code Collection} value expands to a list, for {@code in (?)}) and maps each row to {@code
   * resultType}: a record whose component names are the column labels (use {@code as} to rename),
   * an entity of this dataset (the entity whose id is in the row's id column; use {@code select *}
   * or select the id), or a basic type for a single column. Parameters are bound and values read
   * with the dataset's exact type storage (the codecs its plain reads use), so a {@code LocalDate}
   * parameter matches the stored dates and a {@code BigDecimal} column keeps its scale.
   *
   * <p>It runs over plain JDBC on the dataset's own read-only connections, without Hibernate (only
   * an entity result that Hibernate reads, as listed under the README's Known limits, starts it).
   * Anything but one {@code SELECT}, {@code WITH … SELECT} or {@code VALUES} statement is refused
   * before it reaches the database ({@link ReadOnlyDataSetException}); on PostgreSQL it runs in a
   * {@code READ ONLY} transaction that is rolled back, on a session not lent again. It stops at the
   * time limit of every {@code Store} call; other failures are {@link DataSetException}s naming the
   * statement.
   */
  public final <R> List<R> sql(String sql, Class<R> resultType, Object... params) {
    return reader().sql(sql, resultType, params);
  }

  /**
   * The order of searches whose query has none; empty means by primary key. The primary key is
   * always appended as a last term so that pages are stable.
   */
  protected List<Query.Order> defaultOrder() {
    return List.of();
  }

  /**
   * A condition added to every lookup of this store, {@code get} and {@code count} included, so
   * that the store only ever sees the rows it matches; {@code null} for none.
   */
  protected Criterion defaultFilter() {
    return null;
  }

  private EntityReader<T> reader() {
    EntityReader<T> r = reader;
    if (r == null) {
      throw new IllegalStateException(
          getClass().getName()
              + " is not attached to a dataset:"
              + " get it from DataSets.store(), attach it with DataSets.attach(), or inject it with DataSetModule installed");
    }
    return r;
  }

  @Override
  public String toString() {
    EntityReader<T> r = reader;
    return getClass().getSimpleName() + "<" + (r == null ? "?" : r.type().getSimpleName()) + ">";
  }
}
