package dev.datajar.runtime.internal.read;

import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.format.Codec;
import dev.datajar.runtime.format.EntityLayout;
import dev.datajar.runtime.format.PostLoadCallbacks;
import dev.datajar.runtime.format.TableModel;
import dev.datajar.runtime.internal.core.EntityModel;
import dev.datajar.runtime.internal.core.FastConnections;
import dev.datajar.runtime.internal.core.QueryTimeLimit;
import dev.datajar.runtime.internal.core.SqlFlavour;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns rows of one plain entity's table into new entity objects, from the layout the builder
 * recorded: values read with the column's {@link Codec}, set through the same field or setter
 * Hibernate uses, objects made with the entity's no-argument constructor. No Hibernate involved.
 *
 * <p>Datasets never change, so what a row holds is cached: the state of up to {@value #CACHE_SIZE}
 * ids (the whole table, up to {@value #TARGET_CACHE_SIZE} rows, for an entity a to-one points at)
 * is kept as an array of immutable values (emptied when full, which keeps it small and lets hot ids
 * come back), and every call builds new objects from it, so callers never share or see each other's
 * changes. Ids found to have no row are remembered apart (up to {@value #MISS_CACHE_SIZE}), so a
 * stream of lookups of missing ids never empties the rows' cache. The cache is keyed by {@link
 * EntityModel#idKey}: {@code 1.5} finds the row stored as {@code 1.50}, and the entity carries the
 * stored id. To-ones load eagerly through their target's mapper (its cache makes that cheap);
 * within one call a target is one object, so cycles resolve. Thread-safe.
 */
public final class RowMapper<T> {
  static final int CACHE_SIZE = 8192;

  /**
   * The most rows cached of an entity that to-ones point at: such tables (categories, countries)
   * are usually small and read once per referring row, so all of their rows are kept when they have
   * at most this many.
   */
  static final int TARGET_CACHE_SIZE = 65_536;

  /** The most ids remembered as having no row (emptied when full). */
  static final int MISS_CACHE_SIZE = 1024;

  private static final Object[] NO_ROW = new Object[0];

  /** One selected column (or pair): a basic attribute, or the foreign key of a to-one. */
  private static final class Column {
    final Codec codec;
    final int index; // in the select list
    final MethodHandle setter; // (Object entity, Object value) -> void
    final boolean primitive;
    final boolean copied; // a value of its type may be mutable: each entity gets a copy (copy)
    final String target; // entity class name of a to-one, else null
    final Composite embedded; // an embeddable's columns (codec null), else null
    Codec[] keyCodecs; // a to-one to a composite id: its key columns' (codec null), else null
    List<String> keyColumns; // and those columns, quoted
    RowMapper<?> targetMapper;
    String targetColumn; // quoted: a to-one joined on this unique column, not the target's id

    Column(
        Codec codec,
        int index,
        MethodHandle setter,
        boolean primitive,
        String target,
        Composite embedded) {
      this.codec = codec;
      this.index = index;
      this.setter = setter;
      this.primitive = primitive;
      this.copied = codec != null && mayBeMutable(codec.javaType());
      this.target = target;
      this.embedded = embedded;
    }
  }

  final Class<T> type;
  final String table;

  /** The id's columns (quoted), in order: one, or a composite id's. */
  final List<String> idColumns;

  /**
   * The attribute paths of {@link #idColumns} ({@code "id"}; {@code "id.code"}, {@code "code"}).
   */
  final List<String> idPaths = new ArrayList<>();

  final String selectList;

  /** The selected columns, quoted, in order: the id, then each attribute's (one or two). */
  final List<String> selected = new ArrayList<>();

  /** The id's codec; {@code null} for a composite id. */
  final Codec idCodec;

  /**
   * A composite id ({@code @IdClass} or {@code @EmbeddedId}), else {@code null}. Its ids are held
   * as the list of their column values ({@link Composite#keyOf}).
   */
  final Composite key;

  private final boolean idClass;

  /**
   * The id attribute ({@code @Id} or {@code @EmbeddedId}); {@code null} for an {@code @IdClass}.
   */
  private final String idAttribute;

  /** Reads an entity object's id (its parts, for an {@code @IdClass}); made when first needed. */
  private volatile MethodHandle[] idGetters;

  final EntityModel model;
  final SqlFlavour flavour;

  /** Attribute path -> column, for the SQL writer: attributes, and "toOne.id" foreign keys. */
  final Map<String, SqlWriter.Col> paths = new HashMap<>();

  /**
   * Embedded attribute path ({@code "spot"}, {@code "hall.entrance"}, an {@code @EmbeddedId}'s
   * attribute) -> its embeddable, for conditions and orders on it as a whole.
   */
  final Map<String, Composite> wholes = new HashMap<>();

  /** To-one attribute -> its foreign key column and target, for conditions through it. */
  final Map<String, ToOne> toOnes = new HashMap<>();

  /**
   * A to-one: the quoted foreign key columns here (one, or a composite id's, in the order of the
   * target's {@link #idColumns}), and the target's mapper.
   */
  record ToOne(
      List<String> columns,
      RowMapper<?> target,
      List<String> ownerIdColumns,
      List<String> targetColumns) {
    ToOne(List<String> columns, RowMapper<?> target) {
      this(columns, target, null, null);
    }

    /**
     * A to-one joined on unique columns of its target other than its id ({@code
     * referencedColumnName}): {@code columns} here hold the values of {@code targetColumns}.
     */
    static ToOne otherKey(List<String> columns, RowMapper<?> target, List<String> targetColumns) {
      return new ToOne(columns, target, null, targetColumns);
    }

    /**
     * The inverse side of a one-to-one ({@code mappedBy}): {@code columns} are the target's foreign
     * key columns, which hold this entity's id ({@code ownerIdColumns}, in the same order).
     */
    static ToOne inverse(List<String> columns, RowMapper<?> target, List<String> ownerIdColumns) {
      return new ToOne(columns, target, ownerIdColumns, null);
    }

    /** True for the inverse side of a one-to-one: its foreign key is in the target's table. */
    boolean inverse() {
      return ownerIdColumns != null;
    }

    /**
     * True if a path through it reads the joined target even for the target's id: the inverse side
     * of a one-to-one (no foreign key here), a to-one joined on another column than the target's id
     * (its value is not the id), or a target with a restriction (docs/queries.md, S9).
     */
    boolean joined() {
      return inverse() || targetColumns != null || target.restricted();
    }

    /**
     * {@code t1."a" = t0."fa" and …}: the join of the target (alias {@code to}) to {@code from}.
     */
    String joinCondition(String to, String from) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < columns.size(); i++) {
        sb.append(i == 0 ? "" : " and ").append(to).append('.');
        if (inverse()) {
          sb.append(columns.get(i)).append(" = ").append(from).append('.');
          sb.append(ownerIdColumns.get(i));
        } else {
          List<String> on = targetColumns != null ? targetColumns : target.idColumns;
          sb.append(on.get(i)).append(" = ").append(from).append('.').append(columns.get(i));
        }
      }
      return sb.toString();
    }
  }

  /**
   * The entity's class-level {@code @SQLRestriction} ({@link EntityLayout#restriction()}), its
   * columns after {@link EntityLayout.CollectionLayout#ALIAS}; or {@code null}.
   */
  private final String restriction;

  /**
   * The entity's {@code @PostLoad} callbacks, called on each object built; {@code null} if none.
   */
  private final PostLoadCallbacks postLoad;

  private final String byIdSql;

  /** On PostgreSQL, the lookup by id that also reads the to-one targets; else {@code null}. */
  private JoinedLookup joined;

  private final MethodHandle constructor; // () -> Object
  private final MethodHandle idSetter;
  private final Column[] columns;

  /** The collections, loaded per batch of rows into the state after {@link #collectionBase}. */
  private final CollectionReader[] collections;

  private final int collectionBase;
  private final boolean associations;

  /**
   * Whether one call can meet an entity twice while building one of these ({@link #needsIdentity}):
   * 0 until first asked (after {@link #link}), then 1 (no) or 2 (yes). Racing threads compute the
   * same value.
   */
  private int repeats;

  private final Map<Object, Object[]> cache = new ConcurrentHashMap<>();

  /**
   * The id type ({@code Long} or {@code Integer}) whose ids {@link #dense} indexes, else {@code
   * null}.
   */
  private final Class<?> denseType;

  /**
   * The states in {@link #cache} of the ids 0 up to this array's length, at their id: found with
   * one array read instead of a hash lookup with its chain of dependent loads (node, key), which
   * matters where a to-one's target is looked up once per referring row (a stream of a million
   * items over ten thousand parents). Grows with the ids cached, up to twice {@link #cacheSize}
   * slots, and is emptied with the cache; only ever holds a state {@link #cache} also got, so a
   * slot is either empty or its id's state (rows never change). Written and read through {@link
   * #SLOT}.
   */
  private volatile Object[] dense = new Object[0];

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

  private final Set<Object> misses = ConcurrentHashMap.newKeySet();

  /** Ids found by {@link #loadByOther}, by column and value; {@link #NO_ROW} for none. */
  private final Map<String, Map<Object, Object>> idsByOther = new ConcurrentHashMap<>();

  private final int cacheSize;

  /**
   * Where lookups by id count as hits or misses of the caches, or {@code null} (no observer: not
   * counted). Set before the engine serves ({@link #countWith}); read plainly on every lookup.
   */
  private RowCacheCounts counts;

  /**
   * True if ids that differ in Java select the same row ({@code BigDecimal} scale, {@code -0.0}):
   * then a row's state ends with the id as stored, which its entity carries.
   */
  private final boolean storedId;

  /**
   * The id's codecs, one per id column, where a column holds an {@code OffsetDateTime}/{@code
   * ZonedDateTime} as text ({@link SqlFlavour#instantText}): such a column is found by its instant
   * ({@link #idCondition}, docs/queries.md S5); else {@code null}.
   */
  private final List<Codec> instantIdCodecs;

  /**
   * @param members the id's and attributes' setters, by attribute ({@link EntityMembers#of})
   * @param flavour the engine whose table this mapper reads
   * @param cacheSize how many rows to cache ({@link #cacheSize})
   * @param composite the composite id, or {@code null}
   * @param embeddables the embedded attributes, by attribute
   * @param targetIds the paths of an entity's id columns (by class name, {@link
   *     Composite#idPaths}): of the targets of the to-ones inside collections' embeddable elements
   */
  public RowMapper(
      Class<T> type,
      EntityLayout layout,
      Map<String, EntityMembers.Member> members,
      ClassLoader loader,
      EntityModel model,
      SqlFlavour flavour,
      int cacheSize,
      Composite composite,
      Map<String, Composite> embeddables,
      Function<String, List<String>> targetIds) {
    this.type = type;
    this.model = model;
    this.flavour = flavour;
    this.cacheSize = cacheSize;
    this.table = TableModel.quote(layout.table());
    this.constructor = EntityMembers.constructor(type);
    EntityLayout.Member id = layout.id();
    this.idAttribute = layout.idClass() ? null : id.attribute();
    int index = 1;
    boolean any = false;
    if (id.isComposite()) {
      this.key = composite;
      this.idClass = layout.idClass();
      this.idCodec = null;
      this.storedId = key.codecs.stream().anyMatch(c -> EntityModel.normalizesIds(c.javaType()));
      this.instantIdCodecs = instantCodecs(key.codecs, flavour);
      this.idSetter = idClass ? null : members.get(id.attribute()).setter();
      this.idColumns = List.copyOf(key.columns);
      String prefix = idClass ? "" : id.attribute() + ".";
      if (!idClass) {
        wholes.put(id.attribute(), key);
        key.nested().forEach((k, v) -> wholes.put(id.attribute() + "." + k, v));
      }
      for (int i = 0; i < key.columns.size(); i++) {
        idPaths.add(prefix + key.paths.get(i));
        addColumn(prefix + key.paths.get(i), key.names.get(i), key.codecs.get(i));
      }
      index += key.width();
      any |= key.hasToOnes();
    } else {
      this.key = null;
      this.idClass = false;
      this.idCodec = flavour.codec(Codec.of(id.codec(), loader));
      this.storedId = EntityModel.normalizesIds(idCodec.javaType());
      this.instantIdCodecs = instantCodecs(List.of(idCodec), flavour);
      this.idSetter = members.get(id.attribute()).setter();
      this.idColumns = List.of(TableModel.quote(id.column()));
      idPaths.add(id.attribute());
      addColumn(id.attribute(), id.column(), idCodec);
      index += 1;
    }
    this.columns = new Column[layout.attributes().size()];
    for (int i = 0; i < columns.length; i++) {
      EntityLayout.Member m = layout.attributes().get(i);
      EntityMembers.Member set = members.get(m.attribute());
      if (m.isComposite()) {
        Composite c = embeddables.get(m.attribute());
        wholes.put(m.attribute(), c);
        c.nested().forEach((k, v) -> wholes.put(m.attribute() + "." + k, v));
        for (int k = 0; k < c.columns.size(); k++) {
          addColumn(m.attribute() + "." + c.paths.get(k), c.names.get(k), c.codecs.get(k));
        }
        columns[i] = new Column(null, index, set.setter(), false, null, c);
        index += c.width();
        any |= c.hasToOnes();
        continue;
      }
      if (m.isCompositeReference()) {
        Column c = new Column(null, index, set.setter(), false, m.target(), null);
        c.keyCodecs = new Codec[m.parts().size()];
        c.keyColumns = new ArrayList<>();
        for (int k = 0; k < c.keyCodecs.length; k++) {
          EntityLayout.Member p = m.parts().get(k);
          c.keyCodecs[k] = flavour.codec(Codec.of(p.codec(), loader));
          c.keyColumns.add(TableModel.quote(p.column()));
          addColumn(null, p.column(), c.keyCodecs[k]);
          index += c.keyCodecs[k].width();
        }
        columns[i] = c;
        any = true;
        continue;
      }
      Codec codec = flavour.codec(Codec.of(m.codec(), loader));
      columns[i] = new Column(codec, index, set.setter(), set.primitive(), m.target(), null);
      columns[i].targetColumn = m.referencesOther() ? TableModel.quote(m.targetColumn()) : null;
      addColumn(m.target() == null ? m.attribute() : null, m.column(), codec);
      index += codec.width();
      any |= m.target() != null;
    }
    this.collections = new CollectionReader[layout.collections().size()];
    for (int i = 0; i < collections.length; i++) {
      collections[i] =
          new CollectionReader(layout.collections().get(i), loader, flavour, targetIds);
      any |=
          collections[i].target != null
              || collections[i].elementToOnes()
              || collections[i].mapKeyToOnes();
    }
    this.collectionBase = columns.length + (storedId ? 1 : 0);
    Class<?> idType = idCodec == null ? null : idCodec.javaType();
    this.denseType =
        idType == Long.class || idType == long.class
            ? Long.class
            : idType == Integer.class || idType == int.class ? Integer.class : null;
    this.associations = any;
    this.selectList = "select " + String.join(", ", selected);
    this.restriction = layout.restriction();
    this.postLoad = layout.postLoad() ? PostLoadCallbacks.of(type) : null;
    this.byIdSql =
        selectList
            + " from "
            + table
            + " where "
            + idCondition("")
            + (restriction == null ? "" : " and (" + restriction(table) + ")");
  }

  /**
   * True if the entity has a class-level restriction ({@link #restriction(String)}: its SQL with
   * its columns after an alias, the table or its alias in a statement): every read of the table
   * keeps only the rows where it holds, so a row it excludes is no row, as for Hibernate, and a
   * to-one to it reads as null (docs/queries.md, S9).
   */
  boolean restricted() {
    return restriction != null;
  }

  /** {@link #restricted()}'s SQL, its columns after {@code alias}; see {@link #restricted()}. */
  String restriction(String alias) {
    return restriction == null
        ? null
        : restriction.replace(EntityLayout.CollectionLayout.ALIAS, alias);
  }

  /**
   * Selects a column (and PostgreSQL's offset column of a time-zone pair, named as Hibernate names
   * it) and records its attribute path, if any, for the SQL writer.
   */
  private void addColumn(String path, String name, Codec codec) {
    String column = TableModel.quote(name);
    flavour.select(selected, name, codec);
    if (path != null) {
      paths.put(path, new SqlWriter.Col(column, codec));
    }
  }

  /**
   * {@code "id" = ?}, or {@code "a" = ? and "b" = ?} for a composite id; columns after {@code
   * alias}. A column of {@link #instantIdCodecs} is the range of its instant, {@code ("a" >= ? and
   * "a" < ?)}, as {@link SqlWriter} writes {@code eq} on it: the same instant at another offset
   * finds the row.
   */
  String idCondition(String alias) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < idColumns.size(); i++) {
      String c = alias + idColumns.get(i);
      sb.append(i == 0 ? "" : " and ");
      if (instantIdCodecs != null && flavour.instantText(instantIdCodecs.get(i))) {
        sb.append('(').append(c).append(" >= ? and ").append(c).append(" < ?)");
      } else {
        sb.append(c).append(" = ?");
      }
    }
    return sb.toString();
  }

  /** {@code codecs}, if one of them is stored as instant text on {@code flavour}; else null. */
  private static List<Codec> instantCodecs(List<Codec> codecs, SqlFlavour flavour) {
    return codecs.stream().anyMatch(flavour::instantText) ? List.copyOf(codecs) : null;
  }

  /**
   * How many rows of a table with {@code rows} rows to cache: the whole table, if to-ones point at
   * it and it has at most {@link #TARGET_CACHE_SIZE} rows; else {@link #CACHE_SIZE}.
   */
  public static int cacheSize(boolean target, long rows) {
    return target && rows > CACHE_SIZE && rows <= TARGET_CACHE_SIZE ? (int) rows : CACHE_SIZE;
  }

  /** Links each to-one to its target's mapper and records "toOne.id" as a column path. */
  public void link(Map<String, RowMapper<?>> byEntity, EntityLayout layout) {
    if (key != null && key.hasToOnes()) { // JPA's derived identity: "hub" of an @IdClass
      key.link(byEntity);
      String prefix = idClass ? "" : idAttribute + ".";
      key.toOnes().forEach((path, to) -> toOnes.put(prefix + path, to));
    }
    for (int i = 0; i < columns.length; i++) {
      Column c = columns[i];
      if (c.embedded != null && c.embedded.hasToOnes()) { // "place.nearest"
        c.embedded.link(byEntity);
        String prefix = layout.attributes().get(i).attribute() + ".";
        c.embedded.toOnes().forEach((path, to) -> toOnes.put(prefix + path, to));
      } else if (c.keyCodecs != null) {
        c.targetMapper = byEntity.get(c.target);
        EntityLayout.Member m = layout.attributes().get(i);
        for (int k = 0; k < c.keyCodecs.length; k++) {
          paths.put(
              m.attribute() + "." + c.targetMapper.idPaths.get(k),
              new SqlWriter.Col(c.keyColumns.get(k), c.keyCodecs[k]));
        }
        toOnes.put(m.attribute(), new ToOne(c.keyColumns, c.targetMapper));
      } else if (c.target != null && c.targetColumn != null) {
        // joined on another unique column: every path through it, its id too, is a join
        c.targetMapper = byEntity.get(c.target);
        EntityLayout.Member m = layout.attributes().get(i);
        toOnes.put(
            m.attribute(),
            ToOne.otherKey(
                List.of(TableModel.quote(m.column())), c.targetMapper, List.of(c.targetColumn)));
      } else if (c.target != null) {
        c.targetMapper = byEntity.get(c.target);
        EntityLayout.Member m = layout.attributes().get(i);
        paths.put(
            m.attribute() + "." + c.targetMapper.model.idAttribute(),
            new SqlWriter.Col(TableModel.quote(m.column()), c.codec));
        toOnes.put(m.attribute(), new ToOne(List.of(TableModel.quote(m.column())), c.targetMapper));
      }
    }
    for (CollectionReader c : collections) {
      if (c.target != null) {
        c.link(byEntity.get(c.target));
        if (c.one()) { // "capital" of @OneToOne(mappedBy = "nation"): joined through its key
          toOnes.put(c.attribute, ToOne.inverse(c.keyColumns(), byEntity.get(c.target), idColumns));
        }
      } else if (c.elementToOnes()) {
        c.linkElement(byEntity);
      }
      if (c.mapKeyToOnes()) {
        c.linkMapKey(byEntity);
      }
    }
    if (flavour.joinsToOnes() && !toOnes.isEmpty()) {
      joined = new JoinedLookup(this);
    }
  }

  /**
   * A new entity for a caller's {@code id} (for a composite id, an instance of its id class or
   * embeddable), or {@code null} if there is no such row.
   */
  T load(Object id, FastConnections connections) {
    return load(key == null ? id : key.keyOf(id, type), null, connections, null);
  }

  /** A caller's id in the form rows are cached and looked up by (see {@link #key}). */
  Object internalId(Object id) {
    return key == null ? id : key.keyOf(id, type);
  }

  /**
   * The id of an entity object of this type in the internal form ({@link #internalId}): for a
   * condition with an entity as its value ({@code eq("vendor", acme)}).
   *
   * @throws IllegalArgumentException if it has no id (or a part of its id is null)
   */
  Object idOf(Object entity) {
    MethodHandle[] getters = idGetters;
    List<String> names = idAttribute != null ? List.of(idAttribute) : key.partAttributes();
    if (getters == null) {
      getters = new MethodHandle[names.size()];
      for (int i = 0; i < getters.length; i++) {
        getters[i] = EntityModel.reader(type, names.get(i));
      }
      idGetters = getters;
    }
    List<Object> values;
    try {
      values =
          idAttribute == null
              ? key.keyOfEntity(entity, getters) // a to-one part as its target's id
              : Collections.singletonList(getters[0].invokeExact(entity));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("cannot read the id of " + entity, t);
    }
    List<Object> parts = new ArrayList<>(getters.length);
    for (int i = 0; i < getters.length; i++) {
      Object v = values.get(i);
      if (v == null) {
        throw new IllegalArgumentException(
            "the "
                + type.getSimpleName()
                + " given as a value has no id"
                + (getters.length > 1 ? " part '" + names.get(i) + "'" : "")
                + ": compare with an entity read from the dataset, or with its id ('"
                + (idAttribute != null ? idAttribute : idPaths.get(i))
                + "')");
      }
      parts.add(v);
    }
    if (idAttribute == null) {
      return key.flatten(parts); // a to-one to a composite key: its id's leaves
    }
    return key == null ? parts.get(0) : key.keyOf(parts.get(0), type);
  }

  /**
   * The entity whose unique column {@code column} (quoted) holds {@code value}, bound with {@code
   * codec}, within a call ({@code seen} its identity map), or null if no row: for a to-one joined
   * on that column ({@code referencedColumnName}). The id found is remembered by value (a bounded
   * map, emptied when full), the row then read by id as any target's is.
   */
  T loadByOther(
      String column,
      Codec codec,
      Object value,
      Map<Object, Object> seen,
      FastConnections connections,
      FastConnections.Slot slot) {
    Map<Object, Object> ids = idsByOther.computeIfAbsent(column, c -> new ConcurrentHashMap<>());
    Object key = EntityModel.idKey(value);
    Object id = ids.get(key);
    if (id == null) {
      String sql = selectList + " from " + table + " where " + column + " = ?";
      try {
        id =
            slot != null
                ? idByOther(slot, sql, codec, value)
                : connections.use(s -> idByOther(s, sql, codec, value));
      } catch (SQLException e) {
        throw QueryTimeLimit.failure(
            "get of " + type.getSimpleName() + " by " + column + " " + value,
            e,
            "cannot read " + type.getSimpleName() + " by " + column + ": " + e.getMessage());
      }
      if (ids.size() >= CACHE_SIZE) {
        ids.clear();
      }
      ids.put(key, id);
    }
    return id == NO_ROW ? null : load(id, seen, connections, slot);
  }

  private Object idByOther(FastConnections.Slot slot, String sql, Codec codec, Object value)
      throws SQLException {
    PreparedStatement ps = slot.statement(sql, sql);
    codec.bind(ps, 1, value);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? readId(rs) : NO_ROW;
    }
  }

  /** A target's entity within a call ({@code seen} its identity map), or null if no row. */
  T loadInCall(
      Object id, Map<Object, Object> seen, FastConnections connections, FastConnections.Slot slot) {
    return load(id, seen, connections, slot);
  }

  @SuppressWarnings("IdentityHashMapUsage") // 'seen' is keyed by class: identity is equality
  private T load(
      Object id, Map<Object, Object> seen, FastConnections connections, FastConnections.Slot slot) {
    Object[] state = state(id, connections, slot);
    if (state == NO_ROW) {
      return null;
    }
    if (storedId) {
      id = state[columns.length];
    }
    if (seen == null && needsIdentity()) {
      seen = new IdentityHashMap<>(); // one per call: a cycle of to-ones resolves to one object
    }
    return build(id, state, seen, connections, slot);
  }

  /**
   * True if building one of these entities can meet some entity twice: a cycle of to-ones, two
   * paths of to-ones to one entity type, or a collection of entities. Only then does a call need an
   * identity map ({@code seen}) to make each target one object; otherwise (a row and its to-ones
   * form a tree, e.g. an item and its parent) no entity can come up twice and none is kept.
   */
  boolean needsIdentity() {
    int r = repeats;
    if (r == 0) {
      @SuppressWarnings("IdentityHashMapUsage") // mappers: identity is equality
      Set<RowMapper<?>> met = Collections.newSetFromMap(new IdentityHashMap<>());
      r = associations && metTwice(met) ? 2 : 1;
      repeats = r;
    }
    return r == 2;
  }

  /** True if walking the to-ones from here (every path) reaches a mapper in {@code met} again. */
  private boolean metTwice(Set<RowMapper<?>> met) {
    if (!met.add(this)) {
      return true;
    }
    for (CollectionReader c : collections) {
      if (c.target != null || c.elementToOnes() || c.mapKeyToOnes()) {
        return true; // elements (or keys) may share a target
      }
    }
    for (Column c : columns) {
      if (c.targetMapper != null && c.targetMapper.metTwice(met)) {
        return true;
      }
      if (c.embedded != null && c.embedded.hasToOnes() && metTwice(c.embedded.targets(), met)) {
        return true;
      }
    }
    return key != null && key.hasToOnes() && metTwice(key.targets(), met);
  }

  private static boolean metTwice(List<RowMapper<?>> targets, Set<RowMapper<?>> met) {
    for (RowMapper<?> t : targets) {
      if (t.metTwice(met)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A new entity from a row's state; {@code seen} is the call's identity map, or null if {@link
   * #needsIdentity} is false.
   */
  @SuppressWarnings("unchecked")
  T build(
      Object id,
      Object[] state,
      Map<Object, Object> seen,
      FastConnections connections,
      FastConnections.Slot slot) {
    try {
      if (seen == null) {
        return fill((T) constructor.invokeExact(), id, state, null, connections, slot);
      }
      Map<Object, Object> ofType =
          (Map<Object, Object>) seen.computeIfAbsent(type, t -> new HashMap<>());
      Object key = EntityModel.idKey(id);
      Object done = ofType.get(key);
      if (done != null) {
        return (T) done;
      }
      T e = (T) constructor.invokeExact();
      ofType.put(key, e);
      return fill(e, id, state, seen, connections, slot);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new DataSetException("cannot create " + type.getName() + ": " + t, t);
    }
  }

  @SuppressWarnings("unchecked") // a composite id's internal form is a List (Composite#key)
  private T fill(
      T e,
      Object id,
      Object[] state,
      Map<Object, Object> seen,
      FastConnections connections,
      FastConnections.Slot slot)
      throws Throwable {
    if (key == null) {
      idSetter.invokeExact((Object) e, id);
    } else if (idClass) {
      key.setParts(e, (List<Object>) id, seen, connections, slot);
    } else {
      // an @EmbeddedId: its to-one parts load within this call, as an embeddable's do
      idSetter.invokeExact(
          (Object) e, key.build(((List<Object>) id).toArray(), seen, connections, slot));
    }
    for (int i = 0; i < columns.length; i++) {
      Column c = columns[i];
      Object v = state[i];
      if (v == null) {
        if (!c.primitive) {
          c.setter.invokeExact((Object) e, (Object) null);
        }
        continue;
      }
      if (c.targetColumn != null) {
        v = c.targetMapper.loadByOther(c.targetColumn, c.codec, v, seen, connections, slot);
      } else if (c.targetMapper != null) {
        v = c.targetMapper.load(v, seen, connections, slot);
      } else if (c.embedded != null) {
        v = c.embedded.build((Object[]) v, seen, connections, slot);
      } else if (c.copied) {
        v = copy(v);
      }
      c.setter.invokeExact((Object) e, v);
    }
    for (int i = 0; i < collections.length; i++) {
      CollectionReader c = collections[i];
      Object built = c.build((Object[]) state[collectionBase + i], seen, connections, slot);
      c.setter.invokeExact((Object) e, built);
    }
    if (postLoad != null) {
      postLoad.run(e); // after every attribute, to-one and collection is set, as in Hibernate
    }
    return e;
  }

  /** True if rows of this entity need {@link #loadCollections} before they are built. */
  boolean hasCollections() {
    return collections.length > 0;
  }

  /**
   * Reads the collections of the rows {@code ids} (internal form) with their {@code states}: one
   * statement per collection and batch of rows, on {@code slot}.
   */
  void loadCollections(FastConnections.Slot slot, List<Object> ids, List<Object[]> states)
      throws SQLException {
    Map<RowMapper<?>, Map<Object, Object[]>> loaded = new HashMap<>();
    Map<Object, Object[]> mine = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      mine.put(EntityModel.idKey(ids.get(i)), states.get(i));
    }
    loaded.put(this, mine);
    loadCollections(slot, ids, states, loaded);
  }

  /** {@link #loadCollections}, within a call that has read the rows {@code loaded} already. */
  void loadCollections(
      FastConnections.Slot slot,
      List<Object> ids,
      List<Object[]> states,
      Map<RowMapper<?>, Map<Object, Object[]>> loaded)
      throws SQLException {
    for (int i = 0; i < collections.length; i++) {
      collections[i].load(slot, ids, states, collectionBase + i, loaded);
    }
  }

  /**
   * True if an attribute of type {@code type} may hold a {@code byte[]} or a {@code Date}, the
   * values {@link #copy} copies; false for {@code String}, numbers, enums, {@code java.time}.
   */
  static boolean mayBeMutable(Class<?> type) {
    return type == null
        || type.isAssignableFrom(byte[].class)
        || Date.class.isAssignableFrom(type)
        || type.isAssignableFrom(Date.class);
  }

  /** A copy of a mutable value read ({@code byte[]}, {@code Date}), else the value itself. */
  @SuppressWarnings("JavaUtilDate") // entities may hold java.util.Date; each caller gets a copy
  static Object copy(Object v) {
    if (v instanceof byte[] b) {
      return b.clone(); // the only mutable values an attribute can hold
    } else if (v instanceof Date d) {
      return d.clone();
    }
    return v;
  }

  /** The values of the current row after the id (column 1): attributes, foreign keys as ids. */
  Object[] readState(ResultSet rs) throws SQLException {
    return readState(rs, 0);
  }

  /** {@link #readState(ResultSet)} of this mapper's columns {@code base} columns to the right. */
  Object[] readState(ResultSet rs, int base) throws SQLException {
    Object[] state = new Object[collectionBase + collections.length];
    for (int i = 0; i < columns.length; i++) {
      Column c = columns[i];
      state[i] =
          c.codec != null
              ? c.codec.read(rs, base + c.index)
              : c.embedded != null ? c.embedded.read(rs, base + c.index) : readKey(c, rs, base);
    }
    if (storedId) {
      state[columns.length] = readId(rs, base);
    }
    return state;
  }

  /** A to-one's composite key as its target's internal form, or null if a column is NULL. */
  private static Object readKey(Column c, ResultSet rs, int base) throws SQLException {
    Object[] values = new Object[c.keyCodecs.length];
    int at = base + c.index;
    for (int k = 0; k < values.length; k++) {
      values[k] = c.keyCodecs[k].read(rs, at);
      if (values[k] == null) {
        return null;
      }
      at += c.keyCodecs[k].width();
    }
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  Object readId(ResultSet rs) throws SQLException {
    return readId(rs, 0);
  }

  /** The id in the current row {@code base} columns to the right, or {@code null}. */
  Object readId(ResultSet rs, int base) throws SQLException {
    return key == null ? idCodec.read(rs, base + 1) : key.key(rs, base + 1);
  }

  /** Binds an id (in its internal form) from parameter {@code index} on. */
  @SuppressWarnings("unchecked")
  void bindId(PreparedStatement ps, int index, Object id) throws SQLException {
    if (instantIdCodecs != null) {
      List<Object> parts = key == null ? List.of(id) : (List<Object>) id;
      int at = index;
      for (int i = 0; i < parts.size(); i++) {
        Codec c = instantIdCodecs.get(i);
        if (flavour.instantText(c)) { // the range of idCondition
          String instant = SqlWriter.instant(parts.get(i));
          ps.setString(at++, instant);
          ps.setString(at++, instant + SqlWriter.AFTER_INSTANT);
        } else {
          c.bind(ps, at++, parts.get(i));
        }
      }
    } else if (key == null) {
      idCodec.bind(ps, index, id);
    } else {
      key.bind(ps, index, (List<Object>) id);
    }
  }

  /** Remembers a row read by a search, while the cache has room. */
  void remember(Object id, Object[] state) {
    if (cache.size() < cacheSize) {
      Object key = EntityModel.idKey(id);
      if (cache.putIfAbsent(key, state) == null) {
        densePut(key, state);
      }
    }
  }

  /**
   * Counts this entity's lookups by id into {@code counts} from now on: a hit when the caches
   * answer (a row, or an id known to have none), a miss when the row is read. Called before the
   * engine serves, so every reader sees it.
   */
  public void countWith(RowCacheCounts counts) {
    this.counts = counts;
  }

  /** The state of {@code id}'s row, or {@link #NO_ROW}: from the caches, else read and cached. */
  private Object[] state(Object id, FastConnections connections, FastConnections.Slot slot) {
    Object key = EntityModel.idKey(id);
    Object[] s = denseGet(key);
    if (s == null) {
      s = cache.get(key);
    }
    RowCacheCounts c = counts;
    if (s == null) {
      if (misses.contains(key)) {
        if (c != null) {
          c.hit();
        }
        return NO_ROW;
      }
      if (c != null) {
        c.miss();
      }
      s = read(id, connections, slot);
      if (s == NO_ROW) {
        // Kept apart: lookups of missing ids (404s) never push rows out of the cache.
        if (misses.size() >= MISS_CACHE_SIZE) {
          misses.clear();
        }
        misses.add(key);
      } else {
        cacheByKey(key, s);
      }
    } else if (c != null) {
      c.hit();
    }
    return s;
  }

  /** True if the state of {@code id} is cached. */
  boolean cached(Object id) {
    return cache.containsKey(EntityModel.idKey(id));
  }

  /** Caches a row read by id (or joined to one), emptying a full cache first. */
  void cache(Object id, Object[] state) {
    cacheByKey(EntityModel.idKey(id), state);
  }

  private void cacheByKey(Object key, Object[] state) {
    if (cache.size() >= cacheSize && !cache.containsKey(key)) {
      cache.clear();
      dense = new Object[0];
    }
    cache.put(key, state);
    densePut(key, state);
  }

  /** The state {@link #dense} holds for {@code key}, or {@code null}. */
  private Object[] denseGet(Object key) {
    if (denseType == null || key.getClass() != denseType) {
      return null;
    }
    long k = ((Number) key).longValue();
    Object[] d = dense;
    return k >= 0 && k < d.length ? (Object[]) SLOT.getAcquire(d, (int) k) : null;
  }

  /**
   * Puts a state just cached into {@link #dense}, growing it if the id is beyond its end but below
   * twice {@link #cacheSize}. A put racing with a growth or an emptying may be lost: the id is then
   * found in {@link #cache}.
   */
  private void densePut(Object key, Object[] state) {
    if (denseType == null || key.getClass() != denseType) {
      return;
    }
    long k = ((Number) key).longValue();
    long limit = 2L * cacheSize;
    if (k < 0 || k >= limit) {
      return;
    }
    Object[] d = dense;
    if (k >= d.length) {
      synchronized (this) {
        d = dense;
        if (k >= d.length) {
          Object[] grown = new Object[(int) Math.min(limit, Math.max(k + 1, 2L * d.length))];
          for (int i = 0; i < d.length; i++) {
            grown[i] = SLOT.getAcquire(d, i);
          }
          dense = grown;
          d = grown;
        }
      }
    }
    SLOT.setRelease(d, (int) k, state);
  }

  /** {@code held}: the connection a caller already holds (a stream), or {@code null}. */
  private Object[] read(Object id, FastConnections connections, FastConnections.Slot held) {
    try {
      return held == null ? connections.use(slot -> read(id, slot)) : read(id, held);
    } catch (SQLException e) {
      throw QueryTimeLimit.failure(
          "get of " + type.getSimpleName() + " " + id,
          e,
          "cannot read " + type.getSimpleName() + " " + id + ": " + e.getMessage());
    }
  }

  private Object[] read(Object id, FastConnections.Slot slot) throws SQLException {
    PreparedStatement ps = slot.statement(this, joined == null ? byIdSql : joined.sql);
    bindId(ps, 1, id);
    Object[] state;
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return NO_ROW;
      }
      if (joined != null) {
        joined.cacheTargets(rs);
      }
      state = readState(rs);
    }
    if (collections.length > 0) {
      loadCollections(slot, List.of(id), List.<Object[]>of(state));
    }
    return state;
  }
}
