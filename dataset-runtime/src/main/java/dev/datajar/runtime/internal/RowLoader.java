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
 * {@link RowSearch} runs searches, counts and streams with the same row reading.
 */
// removal: Hibernate 7.4 marks Setter for removal, but PropertyAccess still hands out nothing else.
// JavaUtilDate: entities may hold java.util.Date; each caller gets its own copy.
// IdentityHashMapUsage: 'seen' is keyed by class, where identity is equality anyway.
@SuppressWarnings({"removal", "JavaUtilDate", "IdentityHashMapUsage"})
final class RowLoader<T> {
  static final int CACHE_SIZE = 8192;
  private static final Object NULL_ROW = new Object[0];

  final Class<T> type;
  private final String sql;
  final FastConnections connections;
  final WrapperOptions options;
  private final EntityInstantiator instantiator;
  final JdbcMapping idJdbc;
  private final Setter idSetter;
  private final Column[] columns;
  final Map<Object, Object> cache = new ConcurrentHashMap<>();
  final String selectList;
  final String table;
  final String idColumn;
  final Map<String, SqlWriter.Col> paths;
  final boolean associations;

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
        p.getRepresentationStrategy().getInstantiator(),
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

  /** {@code slot}: the connection a caller already holds (a stream), or {@code null}. */
  @SuppressWarnings("unchecked")
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

  @SuppressWarnings("unchecked")
  T build(Object id, Object[] state, Map<Object, Object> seen, FastConnections.Slot slot) {
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

  Object[] readState(ResultSet rs) throws SQLException {
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
