package dev.datajar.runtime.internal.read;

import dev.datajar.runtime.format.Codec;
import dev.datajar.runtime.format.EntityLayout;
import dev.datajar.runtime.format.TableModel;
import dev.datajar.runtime.internal.core.EntityModel;
import dev.datajar.runtime.internal.core.SqlFlavour;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of several columns on the row path: an {@code @Embeddable} attribute, an {@code
 * EmbeddedId}, or an {@code @IdClass} id (whose parts are set on the entity itself). Its state is
 * the array of its leaf columns' values, depth first; an embeddable whose columns are all NULL is
 * {@code null}, as Hibernate reads it. Immutable; thread-safe.
 */
public final class Composite {
  /** One part: a column, or a nested embeddable. */
  private static final class Part {
    final String attribute;
    final Class<?> type;
    final MethodHandle setter; // (Object owner, Object value) -> void
    final MethodHandle getter; // (Object owner) -> Object, to take apart a caller's id
    final Composite nested; // null for a column

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

  /** An embeddable: an attribute, an {@code @EmbeddedId}, or a collection's element. */
  public Composite(EntityLayout.Member m, ClassLoader loader, SqlFlavour flavour) {
    this(m, loader, flavour, false);
  }

  /**
   * @param m an embedded member, or the id of an {@code @IdClass}
   * @param idClass true for the id of an {@code @IdClass}
   */
  public Composite(EntityLayout.Member m, ClassLoader loader, SqlFlavour flavour, boolean idClass) {
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
      MethodHandle getter = getter(type, p.attribute());
      if (p.isComposite()) {
        Composite nested = new Composite(p, loader, flavour);
        parts[i] = new Part(p.attribute(), set.type(), set.setter(), getter, nested);
        columns.addAll(nested.columns);
        names.addAll(nested.names);
        codecs.addAll(nested.codecs);
        nested.paths.forEach(x -> paths.add(p.attribute() + "." + x));
        w += nested.width;
        EntityModel nm = nested.model;
        attrs.put(p.attribute(), new EntityModel.Attr(p.attribute(), set.type(), x -> nm));
      } else {
        Codec codec = flavour.codec(Codec.of(p.codec(), loader));
        parts[i] = new Part(p.attribute(), set.type(), set.setter(), getter, null);
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

  /** The attributes of an {@code @IdClass} id, which are the entity's own. */
  public Map<String, EntityModel.Attr> attributes() {
    Map<String, EntityModel.Attr> out = new HashMap<>();
    for (Part p : parts) {
      out.put(p.attribute, new EntityModel.Attr(p.attribute, p.type, null));
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
      } else {
        out.add(v);
      }
    }
  }

  /** A new embeddable from leaf values (as read), or {@code null} for {@code null}. */
  Object build(Object[] leaves) throws Throwable {
    return leaves == null ? null : build(leaves, new int[1]);
  }

  private Object build(Object[] leaves, int[] at) throws Throwable {
    Object o = constructor.invokeExact();
    fill(o, leaves, at);
    return o;
  }

  /** Sets an {@code @IdClass} id's parts on {@code entity}, or an embedded id's on a new one. */
  void setParts(Object target, List<Object> key) throws Throwable {
    fill(target, key.toArray(), new int[1]);
  }

  private void fill(Object o, Object[] leaves, int[] at) throws Throwable {
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
        v = p.nested.build(leaves, at);
      } else {
        v = RowMapper.copy(leaves[at[0]++]);
        if (v == null && p.type.isPrimitive()) {
          continue;
        }
      }
      p.setter.invokeExact(o, v);
    }
  }

  /** The field of {@code name} in {@code c} or a superclass, else its getter. */
  static MethodHandle getter(Class<?> c, String name) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      try {
        Field f = k.getDeclaredField(name);
        f.setAccessible(true);
        return MethodHandles.privateLookupIn(k, MethodHandles.lookup())
            .unreflectGetter(f)
            .asType(MethodType.methodType(Object.class, Object.class));
      } catch (NoSuchFieldException e) {
        // a superclass, or a getter
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalStateException("cannot read " + c.getName() + "." + name + ": " + e, e);
      }
    }
    String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (String g : List.of("get" + cap, "is" + cap)) {
      for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
        try {
          Method m = k.getDeclaredMethod(g);
          m.setAccessible(true);
          return MethodHandles.privateLookupIn(k, MethodHandles.lookup())
              .unreflect(m)
              .asType(MethodType.methodType(Object.class, Object.class));
        } catch (NoSuchMethodException e) {
          // a superclass, or the other name
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new IllegalStateException("cannot read " + c.getName() + "." + g + ": " + e, e);
        }
      }
    }
    throw new IllegalStateException(
        c.getName() + " has no field or getter '" + name + "' the runtime can read");
  }
}
