package dev.datajar.runtime.internal.read;

import dev.datajar.runtime.format.Codec;
import dev.datajar.runtime.format.EntityLayout;
import dev.datajar.runtime.format.TableModel;
import dev.datajar.runtime.internal.core.EntityModel;
import dev.datajar.runtime.internal.core.FastConnections;
import dev.datajar.runtime.internal.core.SqlFlavour;
import java.lang.invoke.MethodHandle;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A value of several columns on the row path: an {@code @Embeddable} attribute, an {@code
 * EmbeddedId}, or an {@code @IdClass} id (whose parts are set on the entity itself). Its state is
 * the array of its leaf columns' values, depth first; an embeddable whose columns are all NULL is
 * {@code null}, as Hibernate reads it.
 *
 * <p>A part may be a to-one (JPA's derived identity in an {@code IdClass}, a {@code @ManyToOne} in
 * an embeddable): its leaves are the foreign key, one column for a target with a basic id or a
 * composite id's columns, their paths those of the target's id ({@code "nearest.code"}, {@code
 * "cell.sheet"} and {@code "cell.number"}, as {@code "vendor.id"} is a to-one's key), and building
 * the value loads the target through its mapper ({@link #link}), by its id's internal form (the
 * list of those leaves, for a composite one). Immutable once linked; thread-safe.
 */
public final class Composite {
  /** One part: a column, or a nested embeddable. */
  private static final class Part {
    final String attribute;
    final Class<?> type;
    final MethodHandle setter; // (Object owner, Object value) -> void
    final MethodHandle getter; // (Object owner) -> Object, to take apart a caller's id
    final Composite nested; // null for a column
    final String target; // a to-one's target entity class name, else null
    final int keyWidth; // a to-one's leaves: 1, or its composite target's id columns; else 0
    RowMapper<?> targetMapper; // a to-one's, set by link()

    Part(
        String attribute,
        Class<?> type,
        MethodHandle setter,
        MethodHandle getter,
        Composite nested) {
      this.attribute = attribute;
      this.type = type;
      this.setter = setter;
      this.getter = getter;
      this.nested = nested;
      this.target = null;
      this.keyWidth = 0;
    }

    /** A to-one to {@code target}, its foreign key {@code keyWidth} columns. */
    Part(
        String attribute,
        Class<?> type,
        MethodHandle setter,
        MethodHandle getter,
        String target,
        int keyWidth) {
      this.attribute = attribute;
      this.type = type;
      this.setter = setter;
      this.getter = getter;
      this.nested = null;
      this.target = target;
      this.keyWidth = keyWidth;
    }

    /** True for a to-one to a composite key: its id's internal form is a list of its leaves. */
    boolean compositeTarget() {
      return keyWidth > 1;
    }
  }

  /** The embeddable's (or id class's) class. */
  final Class<?> type;

  /** {@code () -> Object}; {@code null} for an {@code @IdClass}, whose parts go on the entity. */
  private final MethodHandle constructor;

  private final Part[] parts;

  /** The leaf columns, depth first: quoted name, name and codec (with the engine's flavour). */
  final List<String> columns = new ArrayList<>();

  final List<String> names = new ArrayList<>();

  final List<Codec> codecs = new ArrayList<>();

  /** The leaves' attribute paths below this value ({@code "lat"}, {@code "position.lat"}). */
  final List<String> paths = new ArrayList<>();

  /** The model of this embeddable, for attribute paths through it. */
  final EntityModel model;

  private final int width; // columns read (a PostgreSQL time-zone pair counts two)

  /** The to-one parts (nested ones too), by their path from here ({@code "nearest"}). */
  private final Map<String, Part> toOneParts = new HashMap<>();

  /** An embeddable: an attribute, an {@code @EmbeddedId}, or a collection's element. */
  public Composite(EntityLayout.Member m, ClassLoader loader, SqlFlavour flavour) {
    this(m, loader, flavour, false, null);
  }

  /**
   * @param m an embedded member, or the id of an {@code @IdClass}
   * @param idClass true for the id of an {@code @IdClass}
   * @param targetIds the paths of the id columns of a to-one part's target entity (by class name),
   *     in order ({@link #idPaths}); {@code null} if {@code m} has no to-one parts
   */
  public Composite(
      EntityLayout.Member m,
      ClassLoader loader,
      SqlFlavour flavour,
      boolean idClass,
      Function<String, List<String>> targetIds) {
    this.type = load(m.embeddable(), loader);
    this.constructor = idClass ? null : EntityMembers.constructor(type);
    this.parts = new Part[m.parts().size()];
    Map<String, EntityModel.Attr> attrs = new HashMap<>();
    int w = 0;
    for (int i = 0; i < parts.length; i++) {
      EntityLayout.Member p = m.parts().get(i);
      EntityMembers.Member set = EntityMembers.member(p, loader);
      // A caller's id object: the id class's field or getter of the same name (an @IdClass), or
      // the embeddable's own (an @EmbeddedId).
      MethodHandle getter = EntityModel.reader(type, p.attribute());
      if (p.isComposite()) {
        Composite nested = new Composite(p, loader, flavour, false, targetIds);
        parts[i] = new Part(p.attribute(), set.type(), set.setter(), getter, nested);
        nested.toOneParts.forEach((k, v) -> toOneParts.put(p.attribute() + "." + k, v));
        columns.addAll(nested.columns);
        names.addAll(nested.names);
        codecs.addAll(nested.codecs);
        nested.paths.forEach(x -> paths.add(p.attribute() + "." + x));
        w += nested.width;
        EntityModel nm = nested.model;
        attrs.put(p.attribute(), new EntityModel.Attr(p.attribute(), set.type(), x -> nm));
      } else if (p.target() != null) {
        // A to-one: its foreign key columns (one, or a composite id's, in the order of the
        // target's id columns), each known by the path of the target's id column it holds.
        List<EntityLayout.Member> key = p.isCompositeReference() ? p.parts() : List.of(p);
        List<String> ids = targetIds.apply(p.target());
        if (ids.size() != key.size()) {
          throw new IllegalStateException(
              "the to-one '"
                  + p.attribute()
                  + "' of "
                  + m.embeddable()
                  + " has "
                  + key.size()
                  + " key columns, its target "
                  + p.target()
                  + " an id of "
                  + ids.size());
        }
        Part part =
            new Part(p.attribute(), set.type(), set.setter(), getter, p.target(), key.size());
        parts[i] = part;
        toOneParts.put(p.attribute(), part);
        for (int k = 0; k < key.size(); k++) {
          Codec codec = flavour.codec(Codec.of(key.get(k).codec(), loader));
          columns.add(TableModel.quote(key.get(k).column()));
          names.add(key.get(k).column());
          codecs.add(codec);
          paths.add(p.attribute() + "." + ids.get(k));
          w += codec.width();
        }
        attrs.put(p.attribute(), toOneAttr(part));
      } else {
        Codec codec = flavour.codec(Codec.of(p.codec(), loader));
        parts[i] = new Part(p.attribute(), set.type(), set.setter(), getter, (Composite) null);
        columns.add(TableModel.quote(p.column()));
        names.add(p.column());
        codecs.add(codec);
        paths.add(p.attribute());
        w += codec.width();
        attrs.put(p.attribute(), new EntityModel.Attr(p.attribute(), set.type(), null));
      }
    }
    this.width = w;
    this.model = new EntityModel(type, null, null, attrs);
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("cannot find " + name + ": " + e, e);
    }
  }

  /** The model of this embeddable, for attribute paths through it. */
  public EntityModel model() {
    return model;
  }

  /** The model attribute of a to-one part: its target's model, once linked. */
  private static EntityModel.Attr toOneAttr(Part part) {
    return new EntityModel.Attr(part.attribute, part.type, x -> part.targetMapper.model);
  }

  /** The attributes of an {@code @IdClass} id, which are the entity's own. */
  public Map<String, EntityModel.Attr> attributes() {
    Map<String, EntityModel.Attr> out = new HashMap<>();
    for (Part p : parts) {
      out.put(
          p.attribute,
          p.target != null ? toOneAttr(p) : new EntityModel.Attr(p.attribute, p.type, null));
    }
    return out;
  }

  /** True if a part (nested ones too) is a to-one. */
  boolean hasToOnes() {
    return !toOneParts.isEmpty();
  }

  /** Links each to-one part to its target's mapper. */
  void link(Map<String, RowMapper<?>> byEntity) {
    toOneParts.values().forEach(p -> p.targetMapper = byEntity.get(p.target));
  }

  /**
   * The to-one parts (after {@link #link}) by their path from here ({@code "nearest"}), each as its
   * foreign key columns (quoted, in the order of the target's id columns) and target; the paths of
   * their keys are in {@link #paths}.
   */
  Map<String, RowMapper.ToOne> toOnes() {
    Map<String, RowMapper.ToOne> out = new HashMap<>();
    toOneParts.forEach(
        (path, p) -> {
          List<String> key = new ArrayList<>();
          for (String id : p.targetMapper.idPaths) {
            key.add(columns.get(paths.indexOf(path + "." + id)));
          }
          out.put(path, new RowMapper.ToOne(key, p.targetMapper));
        });
    return out;
  }

  /**
   * The paths of the id columns of the entity of {@code layout}, in order, as its mapper's {@code
   * idPaths} will be: {@code "id"}; an {@code @EmbeddedId}'s {@code "id.host"}; an {@code
   * IdClass}'s {@code "room"}, a to-one part's by its target's id ({@code "hub.code"}, {@code
   * "cell.sheet"}). {@code layouts} gives the layout of a to-one's target.
   */
  public static List<String> idPaths(EntityLayout layout, Function<String, EntityLayout> layouts) {
    EntityLayout.Member id = layout.id();
    if (!id.isComposite()) {
      return List.of(id.attribute());
    }
    List<String> out = new ArrayList<>();
    leafPaths(id, layout.idClass() ? "" : id.attribute() + ".", layouts, out);
    return out;
  }

  private static void leafPaths(
      EntityLayout.Member m,
      String prefix,
      Function<String, EntityLayout> layouts,
      List<String> out) {
    for (EntityLayout.Member p : m.parts()) {
      if (p.isComposite()) {
        leafPaths(p, prefix + p.attribute() + ".", layouts, out);
      } else if (p.target() != null) {
        for (String t : idPaths(layouts.apply(p.target()), layouts)) {
          out.add(prefix + p.attribute() + "." + t);
        }
      } else {
        out.add(prefix + p.attribute());
      }
    }
  }

  /** The target mappers of the to-one parts (after {@link #link}). */
  List<RowMapper<?>> targets() {
    return toOneParts.values().stream().<RowMapper<?>>map(p -> p.targetMapper).toList();
  }

  /**
   * An entity's {@code @IdClass} id parts: each part's value read from the entity ({@code getters},
   * one per part, in order), a to-one's as its target's id in the internal form (a list, for a
   * composite one: {@link #flatten} makes the id's internal form); a null part stays null.
   */
  List<Object> keyOfEntity(Object entity, MethodHandle[] getters) throws Throwable {
    List<Object> out = new ArrayList<>(parts.length);
    for (int i = 0; i < parts.length; i++) {
      Object v = getters[i].invokeExact(entity);
      if (v != null && parts[i].targetMapper != null) {
        v = parts[i].targetMapper.idOf(v);
      }
      out.add(v);
    }
    return out;
  }

  /**
   * An {@code @IdClass} id's internal form from {@link #keyOfEntity}'s parts (none null): a to-one
   * to a composite key's id in the place of its leaves.
   */
  List<Object> flatten(List<Object> partValues) {
    List<Object> out = new ArrayList<>(codecs.size());
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].compositeTarget()) {
        out.addAll((List<?>) partValues.get(i));
      } else {
        out.add(partValues.get(i));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The attribute names of the parts, in order (an {@code @IdClass}'s id attributes). */
  List<String> partAttributes() {
    List<String> out = new ArrayList<>(parts.length);
    for (Part p : parts) {
      out.add(p.attribute);
    }
    return out;
  }

  /** How many columns {@link #read} reads. */
  int width() {
    return width;
  }

  /** The leaf values at {@code index} (1-based) and after, or {@code null} if they are all NULL. */
  Object[] read(ResultSet rs, int index) throws SQLException {
    Object[] out = new Object[codecs.size()];
    boolean any = false;
    for (int i = 0; i < out.length; i++) {
      Codec c = codecs.get(i);
      out[i] = c.read(rs, index);
      any |= out[i] != null;
      index += c.width();
    }
    return any ? out : null;
  }

  /** An id's internal form: its leaf values as an immutable list (equality by value). */
  List<Object> key(ResultSet rs, int index) throws SQLException {
    Object[] values = read(rs, index);
    return values == null ? null : Collections.unmodifiableList(Arrays.asList(values));
  }

  /** Binds an id's leaf values from {@code index} (1-based). */
  void bind(PreparedStatement ps, int index, List<Object> key) throws SQLException {
    for (int i = 0; i < codecs.size(); i++) {
      codecs.get(i).bind(ps, index + i, key.get(i));
    }
  }

  /**
   * A caller's id object (an instance of the id class or embeddable) as the internal form.
   *
   * @throws IllegalArgumentException if it is not one, or a part is null
   */
  List<Object> keyOf(Object id, Class<?> entity) {
    if (!type.isInstance(id)) {
      throw new IllegalArgumentException(
          entity.getSimpleName()
              + " has a composite id: pass a "
              + type.getName()
              + ", not the "
              + id.getClass().getName()
              + " "
              + id);
    }
    List<Object> out = new ArrayList<>(codecs.size());
    leaves(id, out, "the id of " + entity.getSimpleName());
    return Collections.unmodifiableList(out);
  }

  /**
   * An embeddable value given in a condition ({@code eq("spot", spot)}) as its leaf values, in the
   * order of {@link #paths}.
   *
   * @param what the value's place, for messages ({@code "'spot' of Site"})
   * @throws IllegalArgumentException if a part is null: it would make the comparison UNKNOWN
   */
  List<Object> valueOf(Object value, String what) {
    List<Object> out = new ArrayList<>(codecs.size());
    leaves(value, out, "the " + type.getSimpleName() + " given for " + what);
    return out;
  }

  /** The nested embeddables below this one, by their path from it ({@code "entrance"}). */
  Map<String, Composite> nested() {
    Map<String, Composite> out = new HashMap<>();
    for (Part p : parts) {
      if (p.nested != null) {
        out.put(p.attribute, p.nested);
        p.nested.nested().forEach((k, v) -> out.put(p.attribute + "." + k, v));
      }
    }
    return out;
  }

  private void leaves(Object value, List<Object> out, String what) {
    for (Part p : parts) {
      Object v;
      try {
        v = p.getter.invokeExact(value);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException("cannot read " + type.getName() + "." + p.attribute, t);
      }
      if (v == null) {
        throw new IllegalArgumentException(what + " has a null '" + p.attribute + "': " + value);
      }
      if (p.nested != null) {
        p.nested.leaves(v, out, what);
      } else if (p.target != null) {
        // an embeddable holds the entity; an id class, its id (an instance of the target's id
        // class, for a composite one)
        Object id = constructor != null ? p.targetMapper.idOf(v) : p.targetMapper.internalId(v);
        if (p.compositeTarget()) {
          out.addAll((List<?>) id);
        } else {
          out.add(id);
        }
      } else {
        out.add(v);
      }
    }
  }

  /**
   * A new embeddable from leaf values (as read), or {@code null} for {@code null}; one without
   * to-one parts.
   */
  Object build(Object[] leaves) throws Throwable {
    return build(leaves, null, null, null);
  }

  /**
   * A new embeddable from leaf values (as read), or {@code null} for {@code null}; its to-ones
   * loaded within the caller's call ({@link RowMapper#loadInCall}).
   */
  Object build(
      Object[] leaves,
      Map<Object, Object> seen,
      FastConnections connections,
      FastConnections.Slot slot)
      throws Throwable {
    return build(leaves, seen, connections, slot, false);
  }

  /**
   * Like {@link #build(Object[], Map, FastConnections, FastConnections.Slot)}, but {@link
   * #EXCLUDED} if a to-one part (nested ones too) has a key whose target's class-level restriction
   * excludes its row (the target is restricted and its lookup finds nothing): for a map's key,
   * whose entry is then no entry (docs/queries.md, S9).
   */
  Object buildKey(
      Object[] leaves,
      Map<Object, Object> seen,
      FastConnections connections,
      FastConnections.Slot slot)
      throws Throwable {
    return build(leaves, seen, connections, slot, true);
  }

  /** {@link #build} and, if {@code key}, {@link #buildKey}. */
  private Object build(
      Object[] leaves,
      Map<Object, Object> seen,
      FastConnections connections,
      FastConnections.Slot slot,
      boolean key)
      throws Throwable {
    if (leaves == null) {
      return null;
    }
    if (toOneParts.isEmpty()) {
      return build(leaves, new int[1], null);
    }
    Call call = new Call(seen, connections, slot, key ? new boolean[1] : null);
    Object o = build(leaves, new int[1], call);
    return key && call.excluded()[0] ? EXCLUDED : o;
  }

  /** What {@link #buildKey} returns for a key that refers to a row a restriction excludes. */
  static final Object EXCLUDED = new Object();

  /**
   * What loading a to-one part needs: the caller's identity map and connections; and if not null,
   * {@code excluded[0]} is set when a restricted target's row is not found ({@link #buildKey}).
   */
  @SuppressWarnings("ArrayRecordComponent") // a flag the build sets, never compared or hashed
  private record Call(
      Map<Object, Object> seen,
      FastConnections connections,
      FastConnections.Slot slot,
      boolean[] excluded) {}

  private Object build(Object[] leaves, int[] at, Call call) throws Throwable {
    Object o = constructor.invokeExact();
    fill(o, leaves, at, call);
    return o;
  }

  /** Sets an {@code @IdClass} id's parts on {@code entity}, or an embedded id's on a new one. */
  void setParts(Object target, List<Object> key) throws Throwable {
    setParts(target, key, null, null, null);
  }

  /** {@link #setParts}, loading to-one parts within the caller's call. */
  void setParts(
      Object target,
      List<Object> key,
      Map<Object, Object> seen,
      FastConnections connections,
      FastConnections.Slot slot)
      throws Throwable {
    fill(
        target,
        key.toArray(),
        new int[1],
        toOneParts.isEmpty() ? null : new Call(seen, connections, slot, null));
  }

  private void fill(Object o, Object[] leaves, int[] at, Call call) throws Throwable {
    for (Part p : parts) {
      Object v;
      if (p.nested != null) {
        int from = at[0];
        boolean any = false;
        for (int i = 0; i < p.nested.codecs.size(); i++) {
          any |= leaves[from + i] != null;
        }
        if (!any) {
          at[0] += p.nested.codecs.size();
          continue; // a nested embeddable of NULLs stays null, as Hibernate reads it
        }
        v = p.nested.build(leaves, at, call);
      } else if (p.target != null) {
        Object key = targetKey(p, leaves, at[0]);
        at[0] += p.keyWidth;
        v =
            key == null
                ? null
                : p.targetMapper.loadInCall(key, call.seen(), call.connections(), call.slot());
        if (v == null && key != null && call.excluded() != null && p.targetMapper.restricted()) {
          call.excluded()[0] = true;
        }
      } else {
        v = RowMapper.copy(leaves[at[0]++]);
        if (v == null && p.type.isPrimitive()) {
          continue;
        }
      }
      p.setter.invokeExact(o, v);
    }
  }

  /**
   * A to-one part's target id from its leaves at {@code from}: the value, or for a composite key
   * the list of them; {@code null} if one is NULL (no target, as a to-one's own key is read).
   */
  private static Object targetKey(Part p, Object[] leaves, int from) {
    if (!p.compositeTarget()) {
      return leaves[from];
    }
    Object[] key = new Object[p.keyWidth];
    for (int k = 0; k < key.length; k++) {
      key[k] = leaves[from + k];
      if (key[k] == null) {
        return null;
      }
    }
    return Collections.unmodifiableList(Arrays.asList(key));
  }
}
