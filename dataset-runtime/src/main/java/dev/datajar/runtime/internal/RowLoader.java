package dev.datajar.runtime.internal;

import dev.datajar.runtime.DataSetException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.event.spi.CallbackType;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicEntityIdentifierMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.metamodel.spi.EntityInstantiator;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.property.access.spi.Setter;
import org.hibernate.type.descriptor.WrapperOptions;

/**
 * Loads one entity by id with plain JDBC, for {@code Store.get} and {@code getAll}: one reused
 * prepared statement, values read with the same extractors Hibernate uses, and the entity built
 * with Hibernate's own instantiator and setters.
 *
 * <p>Why: a Hibernate session per lookup costs about twice a raw JDBC lookup (session, persistence
 * context, load plan). Datasets never change, so what a row holds can also be cached: the loaded
 * state of up to {@value #CACHE_SIZE} ids per entity is kept as an array of immutable values
 * (the cache is emptied when full, which keeps it small and lets hot ids come back), and every
 * call builds a new object from it, so callers never share or see each other's changes.
 *
 * <p>Only plain entities qualify: a single table, a basic id, basic attributes and to-one
 * associations that reference the primary key of another qualifying entity (loaded eagerly,
 * with the same cache, one identity map per call so that cycles resolve). Entities with
 * collections, embeddables, inheritance, formulas, lazy bytecode enhancement or {@code @PostLoad}
 * callbacks are left to Hibernate; {@link #create} returns {@code null} for them.
 */
final class RowLoader<T> {
  static final int CACHE_SIZE = 8192;
  private static final Object NULL_ROW = new Object[0];

  private final Class<T> type;
  private final String sql;
  private final FastConnections connections;
  private final WrapperOptions options;
  private final EntityInstantiator instantiator;
  private final JdbcMapping idJdbc;
  private final Setter idSetter;
  private final Column[] columns;
  private final Map<Object, Object> cache = new ConcurrentHashMap<>();
  private final String selectList;
  private final String table;
  private final String idColumn;
  private final Map<String, SqlWriter.Col> paths;
  private final boolean associations;

  /** One selected column: a basic attribute, or the foreign key of a to-one association. */
  private static final class Column {
    final JdbcMapping jdbc;
    final Setter setter;
    final boolean primitive;
    final Class<?> target; // entity class of a to-one, else null
    RowLoader<?> targetLoader;

    Column(JdbcMapping jdbc, Setter setter, boolean primitive, Class<?> target) {
      this.jdbc = jdbc;
      this.setter = setter;
      this.primitive = primitive;
      this.target = target;
    }
  }

  private RowLoader(Class<T> type, String selectList, String table, String idColumn,
      Map<String, SqlWriter.Col> paths, FastConnections connections, WrapperOptions options,
      EntityInstantiator instantiator, JdbcMapping idJdbc, Setter idSetter, Column[] columns) {
    this.type = type;
    this.selectList = selectList;
    this.table = table;
    this.idColumn = idColumn;
    this.paths = paths;
    this.sql = selectList + " from " + table + " where " + idColumn + " = ?";
    this.connections = connections;
    this.options = options;
    this.instantiator = instantiator;
    this.idJdbc = idJdbc;
    this.idSetter = idSetter;
    this.columns = columns;
    boolean any = false;
    for (Column c : columns) {
      any |= c.target != null;
    }
    this.associations = any;
  }

  /** The loader of {@code type}, or {@code null} if the entity needs Hibernate. */
  static <T> RowLoader<T> create(SessionFactoryImplementor sf, FastConnections connections,
      Class<T> type) {
    EntityPersister p = sf.getMappingMetamodel().getEntityDescriptor(type);
    if (p.hasSubclasses() || p.getSuperMappingType() != null || p.hasCollections()
        || p.isInstrumented() || p.getVersionMapping() != null
        || !(p.getIdentifierMapping() instanceof BasicEntityIdentifierMapping id)
        || sf.getEventEngine().getCallbackRegistry().hasRegisteredCallbacks(type, CallbackType.POST_LOAD)) {
      return null;
    }
    String table = p.getTableName();
    if (id.isFormula() || !table.equals(id.getContainingTableExpression())) {
      return null;
    }
    StringBuilder select = new StringBuilder("select ").append(id.getSelectionExpression());
    List<Column> cols = new ArrayList<>();
    Map<String, SqlWriter.Col> paths = new HashMap<>();
    paths.put(id.getAttributeName(), new SqlWriter.Col(id.getSelectionExpression(), id.getJdbcMapping()));
    for (int i = 0; i < p.getNumberOfAttributeMappings(); i++) {
      AttributeMapping a = p.getAttributeMapping(i);
      BasicValuedModelPart part;
      Class<?> target = null;
      if (a instanceof ToOneAttributeMapping t) {
        if (t.getSideNature() != ForeignKeyDescriptor.Nature.KEY || !t.isReferenceToPrimaryKey()
            || !(t.getForeignKeyDescriptor().getKeyPart() instanceof BasicValuedModelPart k)) {
          return null;
        }
        part = k;
        target = t.getAssociatedEntityMappingType().getMappedJavaType().getJavaTypeClass();
        // "parent.id" reads the foreign key column; no join needed.
        paths.put(a.getAttributeName() + "." + t.getAssociatedEntityMappingType()
            .getIdentifierMapping().getAttributeName(), new SqlWriter.Col(k.getSelectionExpression(), k.getJdbcMapping()));
      } else if (a instanceof BasicValuedModelPart b && a.getPropertyAccess() != null) {
        part = b;
        paths.put(a.getAttributeName(), new SqlWriter.Col(b.getSelectionExpression(), b.getJdbcMapping()));
      } else {
        return null;
      }
      if (part.isFormula() || !table.equals(part.getContainingTableExpression())) {
        return null;
      }
      select.append(", ").append(part.getSelectionExpression());
      cols.add(new Column(part.getJdbcMapping(), a.getPropertyAccess().getSetter(),
          a.getJavaType().getJavaTypeClass().isPrimitive(), target));
    }
    return new RowLoader<>(type, select.toString(), table, id.getSelectionExpression(),
        Map.copyOf(paths), connections, sf.getWrapperOptions(),
        (EntityInstantiator) p.getRepresentationStrategy().getInstantiator(),
        id.getJdbcMapping(), id.getPropertyAccess().getSetter(), cols.toArray(new Column[0]));
  }

  /** Links to-one columns to their targets' loaders; false if a target has none. */
  boolean link(Map<Class<?>, RowLoader<?>> loaders) {
    for (Column c : columns) {
      if (c.target != null) {
        c.targetLoader = loaders.get(c.target);
        if (c.targetLoader == null) {
          return false;
        }
      }
    }
    return true;
  }

  boolean hasAssociations() {
    return associations;
  }

  /** A new entity for {@code id}, or {@code null} if there is no such row. */
  T load(Object id) {
    return load(id, null, null);
  }

  @SuppressWarnings("unchecked")
  /** {@code slot}: the connection a caller already holds (a stream), or {@code null}. */
  private T load(Object id, Map<Object, Object> seen, FastConnections.Slot slot) {
    Object[] state = state(id, slot);
    if (state == null) {
      return null;
    }
    if (seen == null && hasAssociations()) {
      seen = new IdentityHashMap<>(); // one per call: a cycle of to-ones resolves to one object
    }
    return build(id, state, seen, slot);
  }

  private T fill(T e, Object id, Object[] state, Map<Object, Object> seen,
      FastConnections.Slot slot) {
    idSetter.set(e, id);
    for (int i = 0; i < columns.length; i++) {
      Column c = columns[i];
      Object v = state[i];
      if (v == null) {
        if (!c.primitive) {
          c.setter.set(e, null);
        }
        continue;
      }
      if (c.targetLoader != null) {
        v = c.targetLoader.load(v, seen, slot);
      } else if (v instanceof byte[] b) {
        v = b.clone(); // the only mutable values an attribute can hold
      } else if (v instanceof Date d) {
        v = d.clone();
      }
      c.setter.set(e, v);
    }
    return e;
  }

  /**
   * The rows of a search, or {@code null} if the query uses something only HQL can express
   * (a path through an association other than its id, an entity as a value).
   */
  List<T> search(EntityModel model, dev.datajar.runtime.Query query,
      dev.datajar.runtime.Criterion filter, List<dev.datajar.runtime.Query.Order> defaultOrder) {
    SqlWriter.Sql q = SqlWriter.select(model, paths, selectList, table, idColumn, query, filter,
        defaultOrder);
    if (q == null) {
      return null;
    }
    List<Object[]> rows = new ArrayList<>();
    List<Object> ids = new ArrayList<>();
    run(q, rs -> {
      while (rs.next()) {
        ids.add(idJdbc.convertToDomainValue(idJdbc.getJdbcValueExtractor().extract(rs, 1, options)));
        rows.add(readState(rs));
      }
      return null;
    });
    List<T> out = new ArrayList<>(rows.size());
    Map<Object, Object> seen = hasAssociations() ? new IdentityHashMap<>() : null;
    for (int i = 0; i < rows.size(); i++) {
      Object id = ids.get(i);
      Object[] state = rows.get(i);
      if (cache.size() < CACHE_SIZE) {
        cache.putIfAbsent(id, state);
      }
      out.add(build(id, state, seen, null));
    }
    return out;
  }

  /**
   * The rows of a search read lazily over one connection held until the stream is closed (or
   * read to its end), or {@code null} as for {@link #search}. Nothing read is cached, so memory
   * stays constant; to-one targets are looked up on the same connection.
   */
  java.util.stream.Stream<T> stream(EntityModel model, dev.datajar.runtime.Query query,
      dev.datajar.runtime.Criterion filter, List<dev.datajar.runtime.Query.Order> defaultOrder) {
    SqlWriter.Sql q = SqlWriter.select(model, paths, selectList, table, idColumn, query, filter,
        defaultOrder);
    if (q == null) {
      return null;
    }
    FastConnections.Slot slot;
    ResultSet rs;
    try {
      slot = connections.borrow();
    } catch (SQLException e) {
      throw new DataSetException("cannot stream " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
    try {
      // A statement of its own: the slot's cached ones may be needed for to-one lookups.
      PreparedStatement ps = slot.connection.prepareStatement(q.text());
      bind(ps, q);
      rs = ps.executeQuery();
    } catch (SQLException | RuntimeException e) {
      connections.giveBack(slot);
      throw e instanceof SQLException ? new DataSetException("cannot stream " + type.getSimpleName()
          + ": " + e.getMessage(), e) : (RuntimeException) e;
    }
    RowSpliterator split = new RowSpliterator(slot, rs);
    return java.util.stream.StreamSupport.stream(split, false).onClose(split::close);
  }

  private final class RowSpliterator extends java.util.Spliterators.AbstractSpliterator<T> {
    private final FastConnections.Slot slot;
    private final ResultSet rs;
    private boolean closed;

    RowSpliterator(FastConnections.Slot slot, ResultSet rs) {
      super(Long.MAX_VALUE, ORDERED | NONNULL);
      this.slot = slot;
      this.rs = rs;
    }

    @Override
    public boolean tryAdvance(java.util.function.Consumer<? super T> action) {
      if (closed) {
        return false;
      }
      T row;
      try {
        if (!rs.next()) {
          close(); // read to the end: release the connection even if the caller forgets to
          return false;
        }
        Object id = idJdbc.convertToDomainValue(idJdbc.getJdbcValueExtractor().extract(rs, 1, options));
        row = build(id, readState(rs), associations ? new IdentityHashMap<>() : null, slot);
      } catch (SQLException e) {
        close();
        throw new DataSetException("cannot stream " + type.getSimpleName() + ": " + e.getMessage(), e);
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
        connections.giveBack(slot);
      }
    }
  }

  /** The count of a search, or {@code null} as for {@link #search}. */
  Long count(EntityModel model, dev.datajar.runtime.Query query, dev.datajar.runtime.Criterion filter) {
    SqlWriter.Sql q = SqlWriter.count(model, paths, table, query, filter);
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
      m.getJdbcValueBinder().bind(ps, m.convertToRelationalValue(p.value()), i + 1, options);
    }
  }

  private interface RowsReader<R> {
    R read(ResultSet rs) throws SQLException;
  }

  @SuppressWarnings("unchecked")
  private <R> R run(SqlWriter.Sql q, RowsReader<R> reader) {
    FastConnections.Slot slot = null;
    try {
      slot = connections.borrow();
      PreparedStatement ps = slot.statement(q.text(), q.text());
      bind(ps, q);
      try (ResultSet rs = ps.executeQuery()) {
        return reader.read(rs);
      }
    } catch (SQLException e) {
      throw new DataSetException("cannot search " + type.getSimpleName() + ": " + e.getMessage(), e);
    } finally {
      if (slot != null) {
        connections.giveBack(slot);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private T build(Object id, Object[] state, Map<Object, Object> seen, FastConnections.Slot slot) {
    if (seen == null) {
      return fill((T) instantiator.instantiate(), id, state, null, slot);
    }
    Map<Object, Object> ofType = (Map<Object, Object>) seen.computeIfAbsent(type, t -> new HashMap<>());
    Object done = ofType.get(id);
    if (done != null) {
      return (T) done;
    }
    T e = (T) instantiator.instantiate();
    ofType.put(id, e);
    return fill(e, id, state, seen, slot);
  }

  private Object[] readState(ResultSet rs) throws SQLException {
    Object[] state = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      JdbcMapping m = columns[i].jdbc;
      Object v = m.getJdbcValueExtractor().extract(rs, i + 2, options);
      state[i] = v == null ? null : m.convertToDomainValue(v);
    }
    return state;
  }

  /** The cached or freshly read values of row {@code id}: domain values, foreign keys as ids. */
  private Object[] state(Object id, FastConnections.Slot slot) {
    Object s = cache.get(id);
    if (s == null) {
      s = read(id, slot);
      if (cache.size() >= CACHE_SIZE) {
        cache.clear();
      }
      cache.put(id, s);
    }
    return s == NULL_ROW ? null : (Object[]) s;
  }

  @SuppressWarnings("unchecked")
  private Object read(Object id, FastConnections.Slot held) {
    FastConnections.Slot slot = held;
    try {
      if (slot == null) {
        slot = connections.borrow();
      }
      PreparedStatement ps = slot.statement(this, sql);
      idJdbc.getJdbcValueBinder().bind(ps, idJdbc.convertToRelationalValue(id), 1, options);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? readState(rs) : NULL_ROW;
      }
    } catch (SQLException e) {
      throw new DataSetException("cannot read " + type.getSimpleName() + " " + id + ": "
          + e.getMessage(), e);
    } finally {
      if (slot != null && held == null) {
        connections.giveBack(slot);
      }
    }
  }
}
