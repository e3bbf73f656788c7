package dev.datajar.runtime.internal;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.Query;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.hibernate.metamodel.mapping.JdbcMapping;

/**
 * Searches, counts and streams of a plain entity as SQL over {@link FastConnections}, with rows
 * turned into entities by its {@link RowLoader}.
 *
 * <p>Each method returns {@code null} when {@link SqlWriter} cannot express the query, and the
 * caller falls back to HQL. Thread-safe.
 */
final class RowSearch<T> {
  private final RowLoader<T> loader;

  RowSearch(RowLoader<T> loader) {
    this.loader = loader;
  }

  /**
   * The rows of a search, or {@code null} if the query uses something only HQL can express
   * (a path through an association other than its id, an entity as a value).
   */
  List<T> search(EntityModel model, Query query,
      Criterion filter, List<Query.Order> defaultOrder) {
    SqlWriter.Sql q = SqlWriter.select(model, loader.paths, loader.selectList, loader.table, loader.idColumn, query, filter,
        defaultOrder);
    if (q == null) {
      return null;
    }
    List<Object[]> rows = new ArrayList<>();
    List<Object> ids = new ArrayList<>();
    run(q, rs -> {
      while (rs.next()) {
        ids.add(loader.idJdbc.convertToDomainValue(loader.idJdbc.getJdbcValueExtractor().extract(rs, 1, loader.options)));
        rows.add(loader.readState(rs));
      }
      return null;
    });
    List<T> out = new ArrayList<>(rows.size());
    Map<Object, Object> seen = loader.associations ? new IdentityHashMap<>() : null;
    for (int i = 0; i < rows.size(); i++) {
      Object id = ids.get(i);
      Object[] state = rows.get(i);
      if (loader.cache.size() < RowLoader.CACHE_SIZE) {
        loader.cache.putIfAbsent(id, state);
      }
      out.add(loader.build(id, state, seen, null));
    }
    return out;
  }

  /**
   * The rows of a search read lazily over one connection held until the stream is closed (or
   * read to its end), or {@code null} as for {@link #search}. Nothing read is cached, so memory
   * stays constant; to-one targets are looked up on the same connection.
   */
  Stream<T> stream(EntityModel model, Query query,
      Criterion filter, List<Query.Order> defaultOrder) {
    SqlWriter.Sql q = SqlWriter.select(model, loader.paths, loader.selectList, loader.table, loader.idColumn, query, filter,
        defaultOrder);
    if (q == null) {
      return null;
    }
    FastConnections.Slot slot;
    ResultSet rs;
    try {
      slot = loader.connections.borrow();
    } catch (SQLException e) {
      throw new DataSetException("cannot stream " + loader.type.getSimpleName() + ": " + e.getMessage(), e);
    }
    try {
      // A statement of its own: the slot's cached ones may be needed for to-one lookups.
      PreparedStatement ps = slot.connection.prepareStatement(q.text());
      bind(ps, q);
      rs = ps.executeQuery();
    } catch (SQLException | RuntimeException e) {
      loader.connections.giveBack(slot);
      throw e instanceof SQLException ? new DataSetException("cannot stream " + loader.type.getSimpleName()
          + ": " + e.getMessage(), e) : (RuntimeException) e;
    }
    RowSpliterator split = new RowSpliterator(slot, rs);
    return StreamSupport.stream(split, false).onClose(split::close);
  }

  private final class RowSpliterator extends Spliterators.AbstractSpliterator<T> {
    private final FastConnections.Slot slot;
    private final ResultSet rs;
    private boolean closed;

    RowSpliterator(FastConnections.Slot slot, ResultSet rs) {
      super(Long.MAX_VALUE, ORDERED | NONNULL);
      this.slot = slot;
      this.rs = rs;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
      if (closed) {
        return false;
      }
      T row;
      try {
        if (!rs.next()) {
          close(); // read to the end: release the connection even if the caller forgets to
          return false;
        }
        Object id = loader.idJdbc.convertToDomainValue(loader.idJdbc.getJdbcValueExtractor().extract(rs, 1, loader.options));
        row = loader.build(id, loader.readState(rs), loader.associations ? new IdentityHashMap<>() : null, slot);
      } catch (SQLException e) {
        close();
        throw new DataSetException("cannot stream " + loader.type.getSimpleName() + ": " + e.getMessage(), e);
      }
      action.accept(row);
      return true;
    }

    void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        rs.getStatement().close();
      } catch (SQLException e) {
        // the connection stays usable: closing a finished read-only statement cannot lose data
      } finally {
        loader.connections.giveBack(slot);
      }
    }
  }

  /** The count of a search, or {@code null} as for {@link #search}. */
  Long count(EntityModel model, Query query, Criterion filter) {
    SqlWriter.Sql q = SqlWriter.count(model, loader.paths, loader.table, query, filter);
    if (q == null) {
      return null;
    }
    return run(q, rs -> {
      rs.next();
      return rs.getLong(1);
    });
  }

  @SuppressWarnings("unchecked")
  private void bind(PreparedStatement ps, SqlWriter.Sql q) throws SQLException {
    for (int i = 0; i < q.params().size(); i++) {
      SqlWriter.Param p = q.params().get(i);
      JdbcMapping m = p.jdbc();
      m.getJdbcValueBinder().bind(ps, m.convertToRelationalValue(p.value()), i + 1, loader.options);
    }
  }

  private interface RowsReader<R> {
    R read(ResultSet rs) throws SQLException;
  }

  @SuppressWarnings("unchecked")
  private <R> R run(SqlWriter.Sql q, RowsReader<R> reader) {
    FastConnections.Slot slot = null;
    try {
      slot = loader.connections.borrow();
      PreparedStatement ps = slot.statement(q.text(), q.text());
      bind(ps, q);
      try (ResultSet rs = ps.executeQuery()) {
        return reader.read(rs);
      }
    } catch (SQLException e) {
      throw new DataSetException("cannot search " + loader.type.getSimpleName() + ": " + e.getMessage(), e);
    } finally {
      if (slot != null) {
        loader.connections.giveBack(slot);
      }
    }
  }
}
