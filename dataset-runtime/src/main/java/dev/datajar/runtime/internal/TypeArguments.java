package dev.datajar.runtime.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/** Finds the class a subclass binds a generic base class's single type parameter to. */
public final class TypeArguments {
  private TypeArguments() {}

  /**
   * The class bound to {@code base}'s first type parameter along {@code type}'s superclass chain,
   * following type variables of intermediate generic subclasses.
   *
   * @throws IllegalArgumentException if the chain leaves it unresolved (a raw or generic subclass);
   *     the message says how to fix the declaration
   */
  public static Class<?> of(Class<?> type, Class<?> base) {
    Map<TypeVariable<?>, Type> bound = new HashMap<>();
    Class<?> c = type;
    while (c != null && c != base) {
      Type sup = c.getGenericSuperclass();
      Class<?> raw =
          sup instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) sup;
      if (sup instanceof ParameterizedType p) {
        TypeVariable<?>[] vars = raw.getTypeParameters();
        Type[] args = p.getActualTypeArguments();
        for (int i = 0; i < vars.length; i++) {
          Type a = args[i];
          bound.put(
              vars[i], a instanceof TypeVariable<?> v && bound.containsKey(v) ? bound.get(v) : a);
        }
      }
      c = raw;
    }
    if (c == base && base.getTypeParameters().length > 0) {
      Type t = bound.get(base.getTypeParameters()[0]);
      if (t instanceof Class<?> k) {
        return k;
      }
      if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> k) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        type.getName()
            + " does not say which entity it reads:"
            + " declare it as 'class "
            + type.getSimpleName()
            + " extends "
            + base.getSimpleName()
            + "<YourEntity>'");
  }
}
