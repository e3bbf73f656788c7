package dev.datajar.runtime.internal.core;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the engine knows about one entity's attributes: its id attribute, and how to resolve and
 * check attribute paths written by users ({@code "name"}, {@code "country.alpha2"}).
 *
 * <p>Made from the dataset's recorded layouts for plain entities (no Hibernate needed), or from
 * Hibernate's JPA metamodel for the others. Immutable apart from a cache of resolved paths;
 * thread-safe.
 */
public final class EntityModel {
  /**
   * One attribute: its Java type, and for an association or embeddable the model of what it leads
   * to ({@code null} for a basic attribute).
   */
  public record Attr(String name, Class<?> javaType, Function<Class<?>, EntityModel> next) {
    public EntityModel target() {
      return next == null ? null : next.apply(javaType);
    }
  }

  private final Class<?> javaType;
  private final String hqlName;
  private final String idAttribute;
  private final List<String> idOrder;
  private final Map<String, Attr> attributes;
  private final Map<String, Attr> resolved = new ConcurrentHashMap<>();

  /**
   * @param hqlName the entity's name in HQL, or {@code null} for an embeddable
   * @param idAttribute the single id attribute, or {@code null} (composite id, embeddable)
   */
  public EntityModel(
      Class<?> javaType, String hqlName, String idAttribute, Map<String, Attr> attributes) {
    this(
        javaType,
        hqlName,
        idAttribute,
        attributes,
        idAttribute == null ? List.of() : List.of(idAttribute));
  }

  /**
   * @param idOrder the id attributes by which rows are ordered last ({@link #idOrder()})
   */
  private EntityModel(
      Class<?> javaType,
      String hqlName,
      String idAttribute,
      Map<String, Attr> attributes,
      List<String> idOrder) {
    this.javaType = javaType;
    this.hqlName = hqlName;
    this.idAttribute = idAttribute;
    this.attributes = Map.copyOf(attributes);
    this.idOrder = List.copyOf(idOrder);
  }

  /** The model of a JPA entity or embeddable type, from Hibernate's metamodel. */
  public static EntityModel of(ManagedType<?> type) {
    Map<String, Attr> attrs = new HashMap<>();
    for (Attribute<?, ?> a : type.getAttributes()) {
      Function<Class<?>, EntityModel> next =
          a instanceof SingularAttribute<?, ?> s
                  && s.getType().getPersistenceType() != Type.PersistenceType.BASIC
                  && s.getType() instanceof ManagedType<?> m
              ? x -> of(m)
              : null;
      attrs.put(a.getName(), new Attr(a.getName(), a.getJavaType(), next));
    }
    String hql = null;
    String id = null;
    List<String> idOrder = List.of();
    if (type instanceof EntityType<?> e) {
      hql = e.getName();
      if (e.hasSingleIdAttribute()) {
        id = e.getId(e.getIdType().getJavaType()).getName();
        idOrder = List.of(id);
      } else {
        idOrder = e.getIdClassAttributes().stream().map(Attribute::getName).sorted().toList();
      }
    }
    return new EntityModel(type.getJavaType(), hql, id, attrs, idOrder);
  }

  public Class<?> javaType() {
    return javaType;
  }

  /** The entity's name in HQL. */
  public String hqlName() {
    return hqlName;
  }

  /** The single id attribute's name, or {@code null} for a composite id. */
  public String idAttribute() {
    return idAttribute;
  }

  /**
   * The id attributes that break ties last in every order (docs/queries.md): the id, or the
   * attributes of an {@code @IdClass} by name; empty for an embeddable.
   */
  public List<String> idOrder() {
    return idOrder;
  }

  /**
   * The attribute at the end of a dotted {@code path}.
   *
   * @throws IllegalArgumentException naming the valid attributes if a segment is unknown
   */
  public Attr attribute(String path) {
    Attr a = resolved.get(path);
    if (a == null) {
      a = resolve(path);
      resolved.put(path, a);
    }
    return a;
  }

  /**
   * The start of {@code path} up to its first collection or map attribute ({@code "tags"} for
   * {@code "tags.name"}), or {@code null} if it goes through none. Unknown names end the walk
   * ({@link #attribute} reports them).
   */
  public String collectionOn(String path) {
    EntityModel model = this;
    String walked = "";
    for (String segment : path.split("\\.", -1)) {
      Attr a = model == null ? null : model.attributes.get(segment);
      if (a == null) {
        return null;
      }
      walked = walked.isEmpty() ? segment : walked + "." + segment;
      if (Collection.class.isAssignableFrom(a.javaType())
          || Map.class.isAssignableFrom(a.javaType())) {
        return walked;
      }
      model = a.target();
    }
    return null;
  }

  /** The names of this entity's or embeddable's own attributes. */
  public Set<String> attributeNames() {
    return attributes.keySet();
  }

  /** The Java type of the attribute at {@code path}. */
  public Class<?> typeOf(String path) {
    return attribute(path).javaType();
  }

  private Attr resolve(String path) {
    EntityModel model = this;
    Attr a = null;
    String walked = javaType.getSimpleName();
    for (String segment : path.split("\\.", -1)) {
      if (model == null) {
        throw new IllegalArgumentException(
            "'"
                + path
                + "': "
                + walked
                + " is not an entity or embeddable, so it has no attribute '"
                + segment
                + "'");
      }
      a = model.attributes.get(segment);
      if (a == null) {
        String valid = new TreeSet<>(model.attributes.keySet()).toString();
        throw new IllegalArgumentException(
            "'"
                + path
                + "': "
                + walked
                + " has no attribute '"
                + segment
                + "'. Valid attributes: "
                + valid.substring(1, valid.length() - 1));
      }
      walked = walked + "." + segment;
      model = a.target();
    }
    return a;
  }

  /**
   * {@code value} as the Java type of the attribute at {@code path}: integral numbers are widened
   * or narrowed when exact, anything else must already have the attribute's type.
   */
  public Object coerce(String path, Object value) {
    Class<?> target = box(typeOf(path));
    if (target.isInstance(value)) {
      return value;
    }
    if (isIntegral(value) && isIntegralType(target)) {
      long v = ((Number) value).longValue();
      Object exact =
          target == Long.class
              ? (Object) v
              : target == Integer.class && v == (int) v
                  ? (Object) (int) v
                  : target == Short.class && v == (short) v
                      ? (Object) (short) v
                      : target == Byte.class && v == (byte) v
                          ? (Object) (byte) v
                          : target == BigInteger.class
                              ? BigInteger.valueOf(v)
                              : target == BigDecimal.class ? BigDecimal.valueOf(v) : null;
      if (exact != null) {
        return exact;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + path
            + "' of "
            + javaType.getSimpleName()
            + " is a "
            + target.getSimpleName()
            + ", but the value "
            + value
            + " is a "
            + value.getClass().getSimpleName()
            + ". Pass a "
            + target.getSimpleName()
            + ".");
  }

  private static boolean isIntegral(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
  }

  private static boolean isIntegralType(Class<?> t) {
    return t == Long.class
        || t == Integer.class
        || t == Short.class
        || t == Byte.class
        || t == BigInteger.class
        || t == BigDecimal.class;
  }

  /**
   * What identifies the row an id value selects, for maps keyed by id: ids that SQL finds equal are
   * equal keys. A {@code BigDecimal} without trailing zeros ({@code 1.50} and {@code 1.5} are the
   * same row), {@code 0.0} for {@code -0.0}, an {@code OffsetDateTime}/{@code ZonedDateTime} as its
   * {@code Instant} (docs/queries.md S5), a composite id's internal form (a list) part by part; any
   * other id as itself.
   */
  public static Object idKey(Object id) {
    // keep the types here and in normalizesIds the same
    if (id instanceof List<?> parts) {
      for (int i = 0; i < parts.size(); i++) {
        Object part = parts.get(i);
        if (idKey(part) != part) {
          return parts.stream().map(EntityModel::idKey).toList();
        }
      }
      return id;
    }
    if (id instanceof BigDecimal d) {
      return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
    if (id instanceof Double d && d == 0.0) {
      return 0.0;
    }
    if (id instanceof Float f && f == 0.0f) {
      return 0.0f;
    }
    if (id instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (id instanceof ZonedDateTime t) {
      return t.toInstant();
    }
    return id;
  }

  /**
   * True if {@link #idKey} may turn an id of type {@code t} into another value ({@code 1.50} into
   * {@code 1.5}): ids that differ in Java can then select the same row, and the entity carries the
   * id as stored.
   */
  public static boolean normalizesIds(Class<?> t) {
    return t == BigDecimal.class
        || t == Double.class
        || t == Float.class
        || t == OffsetDateTime.class
        || t == ZonedDateTime.class;
  }

  public static Class<?> box(Class<?> t) {
    if (!t.isPrimitive()) {
      return t;
    }
    return t == int.class
        ? Integer.class
        : t == long.class
            ? Long.class
            : t == boolean.class
                ? Boolean.class
                : t == double.class
                    ? Double.class
                    : t == float.class
                        ? Float.class
                        : t == short.class
                            ? Short.class
                            : t == byte.class
                                ? Byte.class
                                : t == char.class ? Character.class : Void.class;
  }

  /**
   * A reader of attribute {@code name} of objects of {@code c}: its field in {@code c} or a
   * superclass, else its getter, as {@code (Object) -> Object}.
   *
   * @throws IllegalStateException if it has neither
   */
  public static MethodHandle reader(Class<?> c, String name) {
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
