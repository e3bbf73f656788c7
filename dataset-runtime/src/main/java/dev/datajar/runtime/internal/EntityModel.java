package dev.datajar.runtime.internal;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the engine knows about one entity: its HQL name, its id attribute, and how to resolve and
 * check attribute paths written by users ({@code "name"}, {@code "country.alpha2"}).
 *
 * <p>Immutable apart from a cache of resolved paths; thread-safe.
 */
public final class EntityModel {
  private final EntityType<?> entity;
  private final String idAttribute;
  private final Map<String, Attribute<?, ?>> resolved = new ConcurrentHashMap<>();

  EntityModel(EntityType<?> entity) {
    this.entity = entity;
    this.idAttribute = entity.hasSingleIdAttribute()
        ? entity.getId(entity.getIdType().getJavaType()).getName() : null;
  }

  public Class<?> javaType() {
    return entity.getJavaType();
  }

  /** The entity's name in HQL. */
  public String hqlName() {
    return entity.getName();
  }

  /** The single id attribute's name, or {@code null} for a composite id. */
  public String idAttribute() {
    return idAttribute;
  }

  /**
   * The attribute at the end of a dotted {@code path}.
   *
   * @throws IllegalArgumentException naming the valid attributes if a segment is unknown
   */
  public Attribute<?, ?> attribute(String path) {
    Attribute<?, ?> a = resolved.get(path);
    if (a == null) {
      a = resolve(path);
      resolved.put(path, a);
    }
    return a;
  }

  private Attribute<?, ?> resolve(String path) {
    ManagedType<?> type = entity;
    Attribute<?, ?> a = null;
    String walked = entity.getJavaType().getSimpleName();
    for (String segment : path.split("\\.", -1)) {
      if (type == null) {
        throw new IllegalArgumentException("'" + path + "': " + walked
            + " is not an entity or embeddable, so it has no attribute '" + segment + "'");
      }
      a = find(type, segment);
      if (a == null) {
        String valid = type.getAttributes().stream().map(Attribute::getName)
            .collect(Collectors.toCollection(TreeSet::new)).toString();
        throw new IllegalArgumentException("'" + path + "': " + walked + " has no attribute '"
            + segment + "'. Valid attributes: " + valid.substring(1, valid.length() - 1));
      }
      walked = walked + "." + segment;
      type = a instanceof SingularAttribute<?, ?> s
          && s.getType().getPersistenceType() != Type.PersistenceType.BASIC
          && s.getType() instanceof ManagedType<?> m ? m : null;
    }
    return a;
  }

  private static Attribute<?, ?> find(ManagedType<?> type, String name) {
    for (Attribute<?, ?> a : type.getAttributes()) {
      if (a.getName().equals(name)) {
        return a;
      }
    }
    return null;
  }

  /**
   * {@code value} as the Java type of the attribute at {@code path}: integral numbers are
   * widened or narrowed when exact, anything else must already have the attribute's type.
   */
  public Object coerce(String path, Object value) {
    Attribute<?, ?> a = attribute(path);
    Class<?> target = box(a.getJavaType());
    if (target.isInstance(value)) {
      return value;
    }
    if (isIntegral(value) && isIntegralType(target)) {
      long v = ((Number) value).longValue();
      Object exact = target == Long.class ? (Object) v
          : target == Integer.class && v == (int) v ? (Object) (int) v
          : target == Short.class && v == (short) v ? (Object) (short) v
          : target == Byte.class && v == (byte) v ? (Object) (byte) v
          : target == BigInteger.class ? BigInteger.valueOf(v)
          : target == BigDecimal.class ? BigDecimal.valueOf(v) : null;
      if (exact != null) {
        return exact;
      }
    }
    throw new IllegalArgumentException("'" + path + "' of " + entity.getJavaType().getSimpleName()
        + " is a " + target.getSimpleName() + ", but the value " + value + " is a "
        + value.getClass().getSimpleName() + ". Pass a " + target.getSimpleName() + ".");
  }

  private static boolean isIntegral(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
  }

  private static boolean isIntegralType(Class<?> t) {
    return t == Long.class || t == Integer.class || t == Short.class || t == Byte.class
        || t == BigInteger.class || t == BigDecimal.class;
  }

  static Class<?> box(Class<?> t) {
    if (!t.isPrimitive()) {
      return t;
    }
    return t == int.class ? Integer.class : t == long.class ? Long.class
        : t == boolean.class ? Boolean.class : t == double.class ? Double.class
        : t == float.class ? Float.class : t == short.class ? Short.class
        : t == byte.class ? Byte.class : t == char.class ? Character.class : Void.class;
  }
}
