package dev.datajar.runtime.internal.open;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.StaticMetamodel;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Fills the JPA static metamodel ({@code Country_.alpha2}) of a dataset's entities before any read,
 * so that {@code Where.eq(Country_.alpha2, "FR")} works while Hibernate has not started (it never
 * does for entities the row path reads). A JPA provider fills these fields when it boots; until
 * then they are null. Each null attribute field gets a stand-in that knows its name, its Java type
 * and its member: all datajar's type-safe {@code Where} and {@code Query} methods ask of it. Other
 * methods say that the full metamodel comes with Hibernate. When Hibernate starts, it sets the
 * fields to its own attributes, which answer the same names.
 */
public final class MetamodelNames {
  private MetamodelNames() {}

  /**
   * Fills the null attribute fields of each entity's {@code <Entity>_} class, where there is one.
   */
  static void fill(List<Class<?>> entities) {
    for (Class<?> entity : entities) {
      Class<?> metamodel;
      try {
        metamodel = Class.forName(entity.getName() + "_", true, entity.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        continue; // no static metamodel generated for this entity
      }
      StaticMetamodel of = metamodel.getAnnotation(StaticMetamodel.class);
      if (of == null || of.value() != entity) {
        continue;
      }
      for (Field f : metamodel.getDeclaredFields()) {
        int m = f.getModifiers();
        if (Modifier.isStatic(m)
            && Modifier.isPublic(m)
            && !Modifier.isFinal(m)
            && f.getType().isInterface()
            && Attribute.class.isAssignableFrom(f.getType())) {
          fill(f, entity);
        }
      }
    }
  }

  private static void fill(Field f, Class<?> entity) {
    try {
      if (f.get(null) == null) {
        f.set(null, standIn(f.getType(), entity, f.getName()));
      }
    } catch (IllegalAccessException | IllegalArgumentException e) {
      // a field we cannot set: left for the JPA provider, as before
    }
  }

  private static Object standIn(Class<?> type, Class<?> entity, String name) {
    Field member = member(entity, name);
    String label = entity.getSimpleName() + "_." + name;
    InvocationHandler h =
        (proxy, method, args) ->
            switch (method.getName()) {
              case "getName" -> name;
              case "getJavaMember" -> member;
              case "getJavaType" -> member == null ? Object.class : member.getType();
              case "toString" -> label;
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              default -> unsupported(label, method);
            };
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
  }

  private static Object unsupported(String label, Method method) {
    throw new UnsupportedOperationException(
        label
            + "."
            + method.getName()
            + "(): datajar filled this static metamodel attribute with its name only, as"
            + " Hibernate has not started for the dataset (plain reads do not need it); the full"
            + " JPA metamodel is there once Hibernate starts (the first query(), or"
            + " startHibernateInBackground() on the builder)");
  }

  /** The entity's field of that name (or its superclasses'), or null (a property by getter). */
  private static Field member(Class<?> entity, String name) {
    for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        return c.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        // a superclass, or a getter
      }
    }
    return null;
  }
}
