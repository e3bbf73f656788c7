package dev.datajar.runtime.internal.read;

import dev.datajar.runtime.format.Codec;
import dev.datajar.runtime.format.EntityLayout;
import dev.datajar.runtime.format.TableModel;
import dev.datajar.runtime.internal.core.EntityModel;
import dev.datajar.runtime.internal.core.FastConnections;
import dev.datajar.runtime.internal.core.SqlFlavour;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Constructor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One collection attribute of an entity on the row path ({@code @ElementCollection} of basic values
 * or embeddables, a {@code @ManyToMany} either side, or a {@code @OneToMany}): its elements read
 * from its own table for a batch of owners at once ({@code where key in (…)}), in the recorded
 * order, and made into a new {@code LinkedHashSet}, {@code ArrayList}, {@code LinkedHashMap} (a
 * map's key read in the same row), {@code TreeSet} or {@code TreeMap} per entity. Entities (the
 * targets of a many-to-many or one-to-many) are read whole in the same statement (joined to the
 * join table, or from their own table by the key column there), their own collections a statement
 * per batch in turn, and made into objects by the target's {@link RowMapper}. Immutable once
 * linked; thread-safe.
 */
public final class CollectionReader {
  /** The batch sizes of the statements (a batch is padded to one): few shapes to prepare. */
  private static final int[] BATCHES = {1, 16, 128, 512};

  final String attribute;
  final MethodHandle setter; // (Object entity, Object collection) -> void
  private final boolean one;
  private final boolean set;
  private final boolean map; // a map: each element comes with its key ({@link #mapKeyCodec})
  private final Comparator<Object> comparator; // a sorted set or map's, or null
  private final boolean sorted;
  private final Codec mapKeyCodec; // a map's basic key column's, else null
  private final Composite mapKeyEmbeddable; // a map's embeddable key, else null
  private final Codec[] mapKeyIdCodecs; // a map's entity key's id columns', else null
  private RowMapper<?> mapKeyMapper; // that entity's, once linked
  private int mapKeyAt; // the key column's index in a row
  private final String restriction; // a @SQLRestriction's SQL, its alias written ALIAS; or null
  private final Codec[] keyCodecs; // the owner's id: one, or a composite id's columns
  private final int keyWidth; // the columns they take
  private final Codec elementCodec; // a column's, or a target id's; null for an embeddable
  private final Composite embeddable;
  final String target; // a target entity class (many-to-many, one-to-many), else null
  private RowMapper<?> targetMapper;
  private final String[] sql = new String[BATCHES.length];

  // What a collection of entities needs to write its statements once its target is linked.
  private final String table;
  private final List<String> keyColumns; // quoted
  private final List<String> elementColumns; // a target's id (one, or a composite id's), quoted
  private final List<String> orderBy;
  private final SqlFlavour flavour;
  private final EntityLayout.Member mapKey;

  /**
   * @param targetIds the paths of the id columns of an embeddable element's (or map key's) to-one
   *     part's target entity (by class name, {@link Composite#idPaths})
   */
  CollectionReader(
      EntityLayout.CollectionLayout c,
      ClassLoader loader,
      SqlFlavour flavour,
      Function<String, List<String>> targetIds) {
    this.attribute = c.attribute();
    this.setter =
        EntityMembers.member(
                new EntityLayout.Member(
                    c.attribute(), null, null, null, c.declaringClass(), c.setter(), c.field()),
                loader)
            .setter();
    this.one = c.kind().equals(EntityLayout.CollectionLayout.ONE);
    this.set = c.kind().equals("set");
    this.map = c.kind().equals("map");
    this.sorted = c.sort() != null;
    this.comparator = sorted ? comparator(c.sort(), loader) : null;
    this.mapKey = c.mapKey();
    boolean basicKey = map && !mapKey.isComposite() && !mapKey.isCompositeReference();
    this.mapKeyCodec = basicKey ? flavour.codec(Codec.of(mapKey.codec(), loader)) : null;
    this.mapKeyEmbeddable =
        map && mapKey.isComposite()
            ? new Composite(mapKey, loader, flavour, false, targetIds)
            : null;
    if (map && mapKey.isCompositeReference()) {
      this.mapKeyIdCodecs = new Codec[mapKey.parts().size()];
      for (int i = 0; i < mapKeyIdCodecs.length; i++) {
        mapKeyIdCodecs[i] = flavour.codec(Codec.of(mapKey.parts().get(i).codec(), loader));
      }
    } else {
      this.mapKeyIdCodecs = null;
    }
    this.restriction = c.restriction();
    List<EntityLayout.Member> key =
        c.keyParts().isEmpty()
            ? List.of(
                new EntityLayout.Member(null, c.keyColumn(), c.keyCodec(), null, null, null, false))
            : c.keyParts();
    this.keyCodecs = new Codec[key.size()];
    this.keyColumns = new ArrayList<>();
    int width = 0;
    for (int i = 0; i < keyCodecs.length; i++) {
      keyCodecs[i] = flavour.codec(Codec.of(key.get(i).codec(), loader));
      keyColumns.add(TableModel.quote(key.get(i).column()));
      width += keyCodecs[i].width();
    }
    this.keyWidth = width;
    EntityLayout.Member e = c.element();
    this.target = e.target();
    this.table = c.table();
    List<String> elementColumns = new ArrayList<>();
    e.columns(elementColumns);
    this.elementColumns = elementColumns.stream().map(TableModel::quote).toList();
    this.orderBy = c.orderBy();
    this.flavour = flavour;
    if (target != null) {
      this.embeddable = null;
      // a composite id's columns are read by the target's mapper
      this.elementCodec =
          e.isCompositeReference() ? null : flavour.codec(Codec.of(e.codec(), loader));
      return; // its statements: link(..)
    }
    List<String> columns = new ArrayList<>(keyColumns);
    if (e.isComposite()) {
      this.embeddable = new Composite(e, loader, flavour, false, targetIds);
      this.elementCodec = null;
      for (int i = 0; i < embeddable.names.size(); i++) {
        flavour.select(columns, embeddable.names.get(i), embeddable.codecs.get(i));
      }
    } else {
      this.embeddable = null;
      this.elementCodec = flavour.codec(Codec.of(e.codec(), loader));
      flavour.select(columns, e.column(), elementCodec);
    }
    if (map) {
      this.mapKeyAt = columns.size() + 1;
      columns.addAll(mapKeyColumns(""));
    }
    prepare(
        "select " + String.join(", ", columns) + " from " + TableModel.quote(c.table()) + " c",
        "",
        "c");
  }

  /**
   * The comparator of a sorted set or map: {@code null} for natural order, else a new instance of
   * the recorded class, made as Hibernate makes it (its no-argument constructor).
   */
  @SuppressWarnings("unchecked")
  private Comparator<Object> comparator(String sort, ClassLoader loader) {
    if (sort.equals("natural")) {
      return null;
    }
    try {
      Constructor<?> made = Class.forName(sort, true, loader).getDeclaredConstructor();
      made.setAccessible(true);
      return (Comparator<Object>) made.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot make the comparator "
              + sort
              + " of the sorted collection '"
              + attribute
              + "': "
              + e,
          e);
    }
  }

  /**
   * Links a collection of entities to its target's mapper and writes its statements: the target's
   * whole rows, read with the key, from its own table (a one-to-many: the key is a column of the
   * target's table) or joined to the join table (a many-to-many), so that a batch of owners takes
   * one statement however many elements they have.
   */
  void link(RowMapper<?> target) {
    this.targetMapper = target;
    boolean own =
        TableModel.quote(table).equals(target.table) && target.idColumns.equals(elementColumns);
    String alias = own ? "c." : "t.";
    StringBuilder select = new StringBuilder("select ");
    for (String column : keyColumns) {
      select.append("c.").append(column).append(", ");
    }
    select.append(alias).append(target.selected.get(0));
    for (String column : target.selected.subList(1, target.selected.size())) {
      select.append(", ").append(alias).append(column);
    }
    if (map) { // the key: columns of the join table, or (@MapKey) a column of the target's table
      boolean onTarget = mapKey.target() != null && !mapKey.isCompositeReference() && !own;
      this.mapKeyAt = 1 + keyColumns.size() + target.selected.size();
      mapKeyColumns(onTarget ? "t." : "c.").forEach(k -> select.append(", ").append(k));
    }
    select.append(" from ").append(TableModel.quote(table)).append(" c");
    if (!own) {
      select.append(" join ").append(target.table).append(" t on ");
      for (int i = 0; i < elementColumns.size(); i++) { // the target id's columns, in order
        select.append(i == 0 ? "t." : " and t.").append(target.idColumns.get(i));
        select.append(" = c.").append(elementColumns.get(i));
      }
    }
    prepare(select.toString(), "c.", own ? "c" : "t");
  }

  /**
   * The statements for each batch size: {@code head} (select … from …), where the key (its columns
   * after {@code alias}) is one of the batch's and the {@link #restriction} holds on {@code
   * restricted} (the alias of the table it applies to), ordered by the key, then {@link #orderBy}
   * ({@code target.} columns are the target table's, {@code t}).
   */
  private void prepare(String head, String alias, String restricted) {
    List<String> key = keyColumns.stream().map(k -> alias + k).toList();
    StringBuilder order = new StringBuilder(" order by ").append(String.join(", ", key));
    for (String o : orderBy) {
      boolean desc = o.endsWith(" desc");
      String column = desc ? o.substring(0, o.length() - " desc".length()) : o;
      boolean onTarget = column.startsWith(EntityLayout.CollectionLayout.TARGET);
      if (onTarget) {
        column = column.substring(EntityLayout.CollectionLayout.TARGET.length());
      }
      order.append(", ").append(onTarget ? "t." : alias).append(TableModel.quote(column));
      order.append(flavour.direction(desc));
    }
    for (int b = 0; b < BATCHES.length; b++) {
      StringBuilder sb = new StringBuilder(head).append(" where ");
      if (BATCHES[b] == 1) {
        sb.append(String.join(" = ? and ", key)).append(" = ?");
      } else if (key.size() == 1) {
        sb.append(key.get(0)).append(" in (?").append(", ?".repeat(BATCHES[b] - 1)).append(')');
      } else { // a composite id: (a, b) in ((?, ?), …)
        String row = "(?" + ", ?".repeat(key.size() - 1) + ")";
        sb.append('(').append(String.join(", ", key)).append(") in (").append(row);
        sb.append((", " + row).repeat(BATCHES[b] - 1)).append(')');
      }
      if (restriction != null) {
        String r =
            restriction
                .replace(EntityLayout.CollectionLayout.ALIAS, restricted)
                .replace(EntityLayout.CollectionLayout.JOIN_ALIAS, "c");
        sb.append(" and (").append(r).append(')');
      }
      this.sql[b] = sb.append(order).toString();
    }
  }

  /** An element that is an entity: the target's id and row state (collections loaded). */
  @SuppressWarnings("ArrayRecordComponent") // never compared or hashed
  private record Row(Object id, Object[] state) {}

  /** An element of a map with its key. */
  private record Keyed(Object key, Object element) {}

  /**
   * Reads the elements of the owners {@code ids} (in their internal form) and stores each owner's,
   * as an array in the order read, at {@code slot} of its state. Entities' rows come whole, and
   * their own collections are loaded in turn, a statement per batch; {@code loaded} holds the rows
   * this call has read, by mapper and id, so a cycle (a target whose collection holds the owner)
   * reads each row once.
   */
  void load(
      FastConnections.Slot connection,
      List<Object> ids,
      List<Object[]> states,
      int slot,
      Map<RowMapper<?>, Map<Object, Object[]>> loaded)
      throws SQLException {
    Map<Object, List<Object>> byOwner = new HashMap<>();
    List<Object> newIds = new ArrayList<>();
    List<Object[]> newStates = new ArrayList<>();
    Map<Object, Object[]> targets =
        targetMapper == null ? null : loaded.computeIfAbsent(targetMapper, m -> new HashMap<>());
    int biggest = BATCHES[BATCHES.length - 1];
    for (int from = 0; from < ids.size(); from += biggest) {
      List<Object> batch = ids.subList(from, Math.min(ids.size(), from + biggest));
      int b = 0;
      while (BATCHES[b] < batch.size()) {
        b++;
      }
      PreparedStatement ps = connection.statement(sql[b], sql[b]);
      int parameter = 1;
      for (int i = 0; i < BATCHES[b]; i++) {
        // padded with the last id: the same statement serves every batch of this size
        parameter = bindKey(ps, parameter, batch.get(Math.min(i, batch.size() - 1)));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object owner = EntityModel.idKey(readKey(rs));
          int at = 1 + keyWidth;
          Object element;
          if (targetMapper != null) {
            Object id = targetMapper.readId(rs, keyWidth);
            Object key = EntityModel.idKey(id);
            Object[] state = targets.get(key);
            if (state == null) {
              state = targetMapper.readState(rs, keyWidth);
              targets.put(key, state);
              newIds.add(id);
              newStates.add(state);
            }
            element = new Row(id, state);
          } else {
            element = embeddable != null ? embeddable.read(rs, at) : elementCodec.read(rs, at);
          }
          if (element != null) {
            if (map) {
              element = new Keyed(readMapKey(rs), element);
            }
            byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(element);
          }
        }
      }
    }
    for (int i = 0; i < ids.size(); i++) {
      List<Object> found = byOwner.get(EntityModel.idKey(ids.get(i)));
      states.get(i)[slot] = found == null ? new Object[0] : found.toArray();
    }
    if (!newIds.isEmpty() && targetMapper.hasCollections()) {
      targetMapper.loadCollections(connection, newIds, newStates, loaded);
    }
  }

  /** Binds an owner's id (internal form) from parameter {@code at}; the next parameter's index. */
  @SuppressWarnings("unchecked") // a composite id's internal form is a List (Composite#key)
  private int bindKey(PreparedStatement ps, int at, Object id) throws SQLException {
    if (keyCodecs.length == 1) {
      keyCodecs[0].bind(ps, at, id);
      return at + 1;
    }
    List<Object> parts = (List<Object>) id;
    for (int k = 0; k < keyCodecs.length; k++) {
      keyCodecs[k].bind(ps, at + k, parts.get(k));
    }
    return at + keyCodecs.length;
  }

  /** The owner's id in the current row, in its internal form. */
  private Object readKey(ResultSet rs) throws SQLException {
    if (keyCodecs.length == 1) {
      return keyCodecs[0].read(rs, 1);
    }
    Object[] values = new Object[keyCodecs.length];
    int at = 1;
    for (int k = 0; k < values.length; k++) {
      values[k] = keyCodecs[k].read(rs, at);
      at += keyCodecs[k].width();
    }
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  /**
   * A new collection of the elements read: a {@code LinkedHashSet}, {@code ArrayList} or {@code
   * LinkedHashMap} in the order read, or a {@code TreeSet} or {@code TreeMap} by the recorded order
   * (of elements its comparator finds equal the first read is kept, of a map's equal keys the last
   * read value, as {@code add} and {@code put} do for Hibernate too).
   */
  Object build(
      Object[] elements,
      Map<Object, Object> seen,
      FastConnections connections,
      FastConnections.Slot slot)
      throws Throwable {
    if (one) {
      if (elements.length > 1) { // the builder's unique key on the foreign key prevents it
        throw new IllegalStateException(
            "the one-to-one '"
                + attribute
                + "' found "
                + elements.length
                + " rows of "
                + target
                + " for one owner");
      }
      return elements.length == 0 ? null : element(elements[0], seen, connections, slot);
    }
    if (map) {
      Map<Object, Object> out =
          sorted ? new TreeMap<>(comparator) : new LinkedHashMap<>(elements.length * 2);
      for (Object e : elements) {
        Keyed k = (Keyed) e;
        Object key = mapKey(k.key(), seen, connections, slot);
        if (key == Composite.EXCLUDED
            || (key == null
                && k.key() != null
                && mapKeyMapper != null
                && mapKeyMapper.restricted())) {
          // an entity key whose row its class-level restriction excludes, or an embeddable key
          // holding a to-one to such a row: no row, so no entry, as a NULL value is none
          // (docs/queries.md, S9); Hibernate keeps the first, loading the row, and fails on the
          // second
          continue;
        }
        out.put(key, element(k.element(), seen, connections, slot));
      }
      return out;
    }
    Collection<Object> out =
        sorted
            ? new TreeSet<>(comparator)
            : set ? new LinkedHashSet<>(elements.length * 2) : new ArrayList<>(elements.length);
    for (Object e : elements) {
      out.add(element(e, seen, connections, slot));
    }
    return out;
  }

  /** One element made: an entity, an embeddable, or a copy of a basic value. */
  private Object element(
      Object e, Map<Object, Object> seen, FastConnections connections, FastConnections.Slot slot)
      throws Throwable {
    if (targetMapper != null) {
      Row r = (Row) e;
      return targetMapper.build(r.id(), r.state(), seen, connections, slot);
    }
    return embeddable != null
        ? embeddable.build((Object[]) e, seen, connections, slot)
        : RowMapper.copy(e);
  }

  /** The select expressions of a map's key columns, each after {@code alias}. */
  private List<String> mapKeyColumns(String alias) {
    List<String> out = new ArrayList<>();
    if (mapKeyEmbeddable != null) {
      for (int i = 0; i < mapKeyEmbeddable.names.size(); i++) {
        flavour.select(out, mapKeyEmbeddable.names.get(i), mapKeyEmbeddable.codecs.get(i));
      }
    } else if (mapKeyIdCodecs != null) {
      for (int i = 0; i < mapKeyIdCodecs.length; i++) {
        flavour.select(out, mapKey.parts().get(i).column(), mapKeyIdCodecs[i]);
      }
    } else {
      flavour.select(out, mapKey.column(), mapKeyCodec);
    }
    return out.stream().map(x -> alias + x).toList();
  }

  /**
   * A map's key in the current row as read: a basic value, an embeddable's leaves (or null), or an
   * entity key's id in its target's internal form.
   */
  private Object readMapKey(ResultSet rs) throws SQLException {
    if (mapKeyEmbeddable != null) {
      return mapKeyEmbeddable.read(rs, mapKeyAt);
    }
    if (mapKeyIdCodecs == null) {
      return mapKeyCodec.read(rs, mapKeyAt);
    }
    if (mapKeyIdCodecs.length == 1) {
      return mapKeyIdCodecs[0].read(rs, mapKeyAt);
    }
    Object[] values = new Object[mapKeyIdCodecs.length];
    int at = mapKeyAt;
    boolean any = false;
    for (int k = 0; k < values.length; k++) {
      values[k] = mapKeyIdCodecs[k].read(rs, at);
      any |= values[k] != null;
      at += mapKeyIdCodecs[k].width();
    }
    return any ? Collections.unmodifiableList(Arrays.asList(values)) : null;
  }

  /**
   * A map's key made from what {@link #readMapKey} read, within the caller's call; {@link
   * Composite#EXCLUDED} for an embeddable key holding a to-one to a row a restriction excludes.
   */
  private Object mapKey(
      Object key, Map<Object, Object> seen, FastConnections connections, FastConnections.Slot slot)
      throws Throwable {
    if (key == null) {
      return null;
    }
    if (mapKeyEmbeddable != null) {
      return mapKeyEmbeddable.buildKey((Object[]) key, seen, connections, slot);
    }
    if (mapKeyIdCodecs != null) {
      return mapKeyMapper.loadInCall(key, seen, connections, slot);
    }
    return RowMapper.copy(key);
  }

  /**
   * True for the inverse side of a one-to-one ({@link EntityLayout.CollectionLayout#ONE}): the
   * target or null, not a collection.
   */
  boolean one() {
    return one;
  }

  /** The key's columns (quoted): the owner's id as the collection table holds it. */
  List<String> keyColumns() {
    return keyColumns;
  }

  /** True for a map whose key is an entity, or an embeddable with to-one parts. */
  boolean mapKeyToOnes() {
    return mapKeyIdCodecs != null || (mapKeyEmbeddable != null && mapKeyEmbeddable.hasToOnes());
  }

  /** Links a map's entity key, or its embeddable key's to-one parts, to their targets' mappers. */
  void linkMapKey(Map<String, RowMapper<?>> byEntity) {
    if (mapKeyIdCodecs != null) {
      mapKeyMapper = byEntity.get(mapKey.target());
    } else {
      mapKeyEmbeddable.link(byEntity);
    }
  }

  /** True for an embeddable element with to-one parts (nested ones too). */
  boolean elementToOnes() {
    return embeddable != null && embeddable.hasToOnes();
  }

  /** Links an embeddable element's to-one parts to their targets' mappers. */
  void linkElement(Map<String, RowMapper<?>> byEntity) {
    embeddable.link(byEntity);
  }
}
