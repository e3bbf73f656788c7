package dev.datajar.runtime.internal.read;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Where;
import dev.datajar.runtime.internal.core.EntityModel;
import dev.datajar.runtime.internal.core.FastConnections;
import dev.datajar.runtime.internal.core.OpenStreams;
import dev.datajar.runtime.internal.core.QueryTimeLimit;
import dev.datajar.runtime.internal.core.ReadPath;
import dev.datajar.runtime.internal.core.ReleasingSpliterator;
import dev.datajar.runtime.internal.core.SqlFlavour;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The reads of a plain entity as SQL over the dataset's own connections, rows turned into entities
 * by its {@link RowMapper}: no Hibernate, no session, statements prepared once per connection.
 * Conditions and orders through to-ones are joins {@link SqlWriter} writes, and so are a to-one or
 * an embeddable compared as a whole; a query {@link SqlWriter} cannot write would go to the
 * entity's reads through Hibernate (none is known: {@code StoreWithoutHibernateTest} checks).
 * Thread-safe.
 */
public final class RowPath<T> implements ReadPath<T> {
  /** How many composite ids one statement of {@link #getAll} looks up. */
  private static final int COMPOSITE_BATCH = 200;

  /** How many rows a stream of an entity with collections reads ahead to load theirs at once. */
  private static final int STREAM_BATCH = 128;

  private final RowMapper<T> mapper;
  private final FastConnections lookups;
  private final FastConnections streams;
  private final OpenStreams open;
  private final ReadPath<T> hql;

  public RowPath(
      RowMapper<T> mapper,
      FastConnections lookups,
      FastConnections streams,
      OpenStreams open,
      ReadPath<T> hql) {
    this.mapper = mapper;
    this.lookups = lookups;
    this.streams = streams;
    this.open = open;
    this.hql = hql;
  }

  @Override
  public EntityModel model() {
    return mapper.model;
  }

  @Override
  public Optional<T> get(Object id) {
    return Optional.ofNullable(mapper.load(id, lookups));
  }

  @Override
  public List<Optional<T>> getAll(List<Object> ids, Criterion filter) {
    List<Optional<T>> out = new ArrayList<>(ids.size());
    if (filter == null) {
      for (Object k : ids) {
        out.add(get(k));
      }
      return out;
    }
    Map<Object, T> found = new HashMap<>();
    if (mapper.key != null) {
      return getAllComposite(ids, filter);
    }
    Query q = Query.where(Where.in(mapper.model.idAttribute(), ids));
    Optional<SqlWriter.Sql> sql = SqlWriter.select(mapper, q, filter, List.of(), true);
    if (sql.isEmpty()) {
      return hql.getAll(ids, filter);
    }
    List<Object> foundIds = new ArrayList<>();
    List<T> rows = run(sql.get(), foundIds);
    for (int i = 0; i < rows.size(); i++) {
      found.put(EntityModel.idKey(foundIds.get(i)), rows.get(i));
    }
    for (Object k : ids) {
      out.add(Optional.ofNullable(found.get(EntityModel.idKey(k))));
    }
    return out;
  }

  /** Composite ids read per batch, each id as the {@code and} of its columns' equalities. */
  private List<Optional<T>> getAllComposite(List<Object> ids, Criterion filter) {
    List<Object> keys = new ArrayList<>(ids.size());
    for (Object id : ids) {
      keys.add(mapper.internalId(id));
    }
    Map<Object, T> found = new HashMap<>();
    for (int from = 0; from < keys.size(); from += COMPOSITE_BATCH) {
      List<Object> batch = keys.subList(from, Math.min(keys.size(), from + COMPOSITE_BATCH));
      Criterion[] any = new Criterion[batch.size()];
      for (int i = 0; i < any.length; i++) {
        List<?> key = (List<?>) batch.get(i);
        Criterion[] all = new Criterion[key.size()];
        for (int k = 0; k < all.length; k++) {
          all[k] = Where.eq(mapper.idPaths.get(k), key.get(k));
        }
        any[i] = Where.and(all);
      }
      Query q = Query.where(any.length == 1 ? any[0] : Where.or(any));
      Optional<SqlWriter.Sql> sql = SqlWriter.select(mapper, q, filter, List.of(), true);
      if (sql.isEmpty()) {
        return hql.getAll(ids, filter);
      }
      List<Object> foundIds = new ArrayList<>();
      List<T> rows = run(sql.get(), foundIds);
      for (int i = 0; i < rows.size(); i++) {
        found.put(foundIds.get(i), rows.get(i));
      }
    }
    List<Optional<T>> out = new ArrayList<>(ids.size());
    for (Object k : keys) {
      out.add(Optional.ofNullable(found.get(k)));
    }
    return out;
  }

  /** True if the id is composite ({@code @IdClass} or {@code @EmbeddedId}). */
  public boolean compositeId() {
    return mapper.key != null;
  }

  @Override
  public List<T> search(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    Optional<SqlWriter.Sql> sql = SqlWriter.select(mapper, query, filter, defaultOrder, true);
    return sql.isPresent() ? run(sql.get(), null) : hql.search(query, filter, defaultOrder);
  }

  @Override
  public long count(Query query, Criterion filter) {
    Optional<SqlWriter.Sql> sql = SqlWriter.count(mapper, query, filter);
    if (sql.isEmpty()) {
      return hql.count(query, filter);
    }
    try {
      return lookups.use(
          slot -> {
            PreparedStatement ps = slot.statement(sql.get().text(), sql.get().text());
            bind(ps, sql.get());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          });
    } catch (SQLException e) {
      throw failed("count", e);
    }
  }

  /** A row read by a search: its id and state (never compared or hashed). */
  @SuppressWarnings("ArrayRecordComponent")
  private record Row(Object id, Object[] state) {}

  /** Runs a select; adds each row's id to {@code ids} when it is not null. */
  @SuppressWarnings("unchecked") // ids of integral types compare as themselves (sortById)
  private List<T> run(SqlWriter.Sql sql, List<Object> ids) {
    List<Row> rows = new ArrayList<>();
    try {
      lookups.use(
          slot -> {
            rows.clear(); // a second try after a lost connection starts again
            PreparedStatement ps = slot.statement(sql.text(), sql.text());
            bind(ps, sql);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(new Row(mapper.readId(rs), mapper.readState(rs)));
              }
            }
            if (mapper.hasCollections()) { // a statement per collection and batch of rows
              List<Object> owners = new ArrayList<>(rows.size());
              List<Object[]> states = new ArrayList<>(rows.size());
              rows.forEach(r -> owners.add(r.id()));
              rows.forEach(r -> states.add(r.state()));
              mapper.loadCollections(slot, owners, states);
            }
            return null;
          });
    } catch (SQLException e) {
      throw failed("search", e);
    }
    if (sql.sortById()) {
      rows.sort((a, b) -> ((Comparable<Object>) a.id()).compareTo(b.id()));
    }
    // Entities are built after the connection is back: to-ones borrow their own.
    List<T> out = new ArrayList<>(rows.size());
    @SuppressWarnings("IdentityHashMapUsage") // keyed by class: identity is equality
    Map<Object, Object> seen = new IdentityHashMap<>();
    for (Row r : rows) {
      mapper.remember(r.id(), r.state());
      out.add(mapper.build(r.id(), r.state(), seen, lookups, null));
      if (ids != null) {
        ids.add(r.id());
      }
    }
    return out;
  }

  /**
   * The rows read lazily over one connection held until the stream is closed or read to its end
   * (or, if its caller drops it, until it is garbage). Nothing read is cached, so memory stays
   * constant; to-one targets are looked up on the same connection.
   */
  @Override
  public Stream<T> stream(Query query, Criterion filter, List<Query.Order> defaultOrder) {
    Optional<SqlWriter.Sql> sql = SqlWriter.select(mapper, query, filter, defaultOrder, false);
    if (sql.isEmpty()) {
      return hql.stream(query, filter, defaultOrder);
    }
    Cursor cursor;
    try {
      cursor =
          streams.keep(
              slot -> {
                // A statement of its own: the slot's cached ones serve to-one lookups meanwhile.
                PreparedStatement ps = slot.connection().prepareStatement(sql.get().text());
                mapper.flavour.beginCursor(slot.connection(), ps);
                bind(ps, sql.get());
                return new Cursor(streams, slot, ps.executeQuery(), mapper.flavour);
              });
    } catch (SQLException e) {
      throw failed("stream", e);
    }
    RowSpliterator split = new RowSpliterator(cursor);
    split.releasedBy(open.register(split, cursor));
    return StreamSupport.stream(split, false).onClose(split::close);
  }

  /** What an open stream holds; never refers to the spliterator, so that can become garbage. */
  private record Cursor(
      FastConnections streams, FastConnections.Slot slot, ResultSet rs, SqlFlavour flavour)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        rs.getStatement().close();
        flavour.endCursor(slot.connection());
        streams.giveBack(slot);
      } catch (SQLException e) {
        streams.discard(slot); // its state is unknown: do not lend it again
      }
    }
  }

  private final class RowSpliterator extends ReleasingSpliterator<T> {
    private final Cursor cursor;

    /** Rows read ahead (ids, states) for an entity with collections, loaded per batch. */
    private final ArrayDeque<Object> aheadIds = new ArrayDeque<>();

    private final ArrayDeque<Object[]> aheadStates = new ArrayDeque<>();

    RowSpliterator(Cursor cursor) {
      this.cursor = cursor;
    }

    @Override
    protected T next() {
      try {
        streams.failIfClosed(); // a row read ahead would otherwise outlive the dataset
      } catch (DataSetException e) {
        close();
        throw e;
      }
      try {
        if (mapper.hasCollections()) {
          return nextWithCollections();
        }
        if (!cursor.rs().next()) {
          return null;
        }
        return mapper.build(
            mapper.readId(cursor.rs()),
            mapper.readState(cursor.rs()),
            identityMap(),
            streams,
            cursor.slot());
      } catch (SQLException e) {
        close();
        throw failed("stream", e);
      }
    }

    /** Reads up to {@link #STREAM_BATCH} rows ahead and their collections, then hands out one. */
    private T nextWithCollections() throws SQLException {
      if (aheadIds.isEmpty()) {
        List<Object> ids = new ArrayList<>(STREAM_BATCH);
        List<Object[]> states = new ArrayList<>(STREAM_BATCH);
        while (ids.size() < STREAM_BATCH && cursor.rs().next()) {
          ids.add(mapper.readId(cursor.rs()));
          states.add(mapper.readState(cursor.rs()));
        }
        if (ids.isEmpty()) {
          return null;
        }
        mapper.loadCollections(cursor.slot(), ids, states);
        aheadIds.addAll(ids);
        aheadStates.addAll(states);
      }
      return mapper.build(
          aheadIds.poll(), aheadStates.poll(), identityMap(), streams, cursor.slot());
    }

    /**
     * A row's identity map: a new one per row, if one row can meet an entity twice ({@link
     * RowMapper#needsIdentity}); else none, so a row of a tree of to-ones allocates no maps.
     */
    @SuppressWarnings("IdentityHashMapUsage") // keyed by class: identity is equality
    private Map<Object, Object> identityMap() {
      return mapper.needsIdentity() ? new IdentityHashMap<>() : null;
    }
  }

  private static void bind(PreparedStatement ps, SqlWriter.Sql q) throws SQLException {
    for (int i = 0; i < q.params().size(); i++) {
      SqlWriter.Param p = q.params().get(i);
      SqlFlavour.bind(ps, i + 1, p.value(), p.codec());
    }
  }

  private DataSetException failed(String what, SQLException e) {
    return QueryTimeLimit.failure(
        what + " of " + mapper.type.getSimpleName(),
        e,
        "cannot " + what + " " + mapper.type.getSimpleName() + ": " + e.getMessage());
  }
}
