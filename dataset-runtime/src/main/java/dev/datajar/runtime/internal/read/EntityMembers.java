package dev.datajar.runtime.internal.read;

import dev.datajar.runtime.format.EntityLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the row path reaches an entity class without Hibernate: its no-argument constructor, and for
 * each attribute of its recorded {@link EntityLayout} the field or setter Hibernate uses, found
 * once by reflection and kept as a method handle together with the attribute's Java type.
 */
public final class EntityMembers {
  /**
   * One attribute's way in.
   *
   * @param type the field's type, or the setter's parameter type
   * @param setter {@code (Object entity, Object value) -> void}, unboxing for a primitive type
   */
  public record Member(String attribute, Class<?> type, MethodHandle setter) {
    boolean primitive() {
      return type.isPrimitive();
    }
  }

  private EntityMembers() {}

  /**
   * The id (unless an {@code @IdClass}) and every attribute of {@code layout}, by attribute name,
   * id first; an embeddable's own parts are its {@link Composite}'s.
   */
  public static Map<String, Member> of(EntityLayout layout, ClassLoader loader) {
    Map<String, Member> out = new LinkedHashMap<>();
    if (!layout.idClass()) { // an @IdClass's parts are set by its Composite
      out.put(layout.id().attribute(), member(layout.id(), loader));
    }
    for (EntityLayout.Member m : layout.attributes()) {
      out.put(m.attribute(), member(m, loader));
    }
    return out;
  }

  /** {@code () -> Object}: a new instance of {@code type}. */
  static MethodHandle constructor(Class<?> type) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
      return lookup
          .findConstructor(type, MethodType.methodType(void.class))
          .asType(MethodType.methodType(Object.class));
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new IllegalStateException(
          type.getName() + " has no no-argument constructor the" + " runtime can call: " + e, e);
    }
  }

  public static Member member(EntityLayout.Member m, ClassLoader loader) {
    Class<?> owner;
    Field field = null;
    Method method = null;
    try {
      owner = Class.forName(m.declaringClass(), false, loader);
      if (m.field()) {
        field = owner.getDeclaredField(m.setter());
        field.setAccessible(true);
      } else {
        method = method(owner, m);
      }
    } catch (ReflectiveOperationException e) {
      throw failure("cannot find ", m, e);
    }
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
      MethodHandle h = field != null ? lookup.unreflectSetter(field) : lookup.unreflect(method);
      Class<?> type = field != null ? field.getType() : method.getParameterTypes()[0];
      return new Member(
          m.attribute(),
          type,
          h.asType(MethodType.methodType(void.class, Object.class, Object.class)));
    } catch (ReflectiveOperationException e) {
      throw failure("cannot set ", m, e);
    }
  }

  private static Method method(Class<?> owner, EntityLayout.Member m) throws NoSuchMethodException {
    for (Method x : owner.getDeclaredMethods()) {
      if (x.getName().equals(m.setter()) && x.getParameterCount() == 1 && !x.isBridge()) {
        x.setAccessible(true);
        return x;
      }
    }
    throw new NoSuchMethodException(owner.getName() + "." + m.setter() + "(1 argument)");
  }

  private static IllegalStateException failure(
      String what, EntityLayout.Member m, ReflectiveOperationException e) {
    return new IllegalStateException(
        what + m.declaringClass() + "." + m.setter() + " (attribute '" + m.attribute() + "'): " + e,
        e);
  }
}
