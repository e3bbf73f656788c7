package dev.datajar.runtime.format;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A fingerprint of the entity classes themselves, computed by reflection alone: the builder records
 * it in the manifest, and the runtime compares it at start-up instead of booting Hibernate to
 * compare schemas.
 *
 * <p>It covers every class of the entities' hierarchies up to {@code Object}, every embeddable and
 * enum type their fields name, and of each: its annotations with all their values, its declared
 * fields (name, generic type, modifiers, annotations) and declared methods (signature,
 * annotations), and an enum's constants in order. Equal fingerprints mean the classes are, as far
 * as any mapping can tell, the ones the dataset was built with. It is deliberately stricter than
 * the mapping (a new helper method changes it too): a mismatch only makes the runtime run the full
 * schema check through Hibernate, which then decides. Independent of the JVM version: annotation
 * values are written out here, not with {@code Annotation.toString()}. Independent of the version
 * of the annotations' API on the class path (jakarta.persistence 3.1 or 3.2, Hibernate 6 or 7, as a
 * Spring Boot parent manages them): only the values an annotation sets are written, not the
 * defaults of members that one release has and another lacks.
 */
public final class EntityShape {
  private EntityShape() {}

  public static String fingerprint(List<Class<?>> entities) {
    StringBuilder sb = new StringBuilder("datajar entity shape 2\n");
    Set<Class<?>> seen = new HashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    entities.stream().sorted(Comparator.comparing(Class::getName)).forEach(todo::add);
    while (!todo.isEmpty()) {
      Class<?> c = todo.poll();
      if (c == null
          || c == Object.class
          || c.isPrimitive()
          || c.isArray()
          || c.getName().startsWith("java.")
          || !seen.add(c)) {
        continue;
      }
      describe(c, sb, todo);
    }
    return Sha256.of(sb.toString());
  }

  private static void describe(Class<?> c, StringBuilder sb, Deque<Class<?>> todo) {
    sb.append("class ").append(c.getName()).append(' ').append(c.getModifiers());
    annotations(c, sb);
    sb.append('\n');
    if (c.isEnum()) {
      for (Object k : c.getEnumConstants()) {
        sb.append("  constant ").append(((Enum<?>) k).name()).append('\n');
      }
    }
    Field[] fields = c.getDeclaredFields();
    Arrays.sort(fields, Comparator.comparing(Field::getName));
    for (Field f : fields) {
      if (f.isSynthetic() || (c.isEnum() && f.isEnumConstant())) {
        continue;
      }
      sb.append("  field ")
          .append(f.getName())
          .append(' ')
          .append(f.getGenericType().getTypeName())
          .append(' ')
          .append(f.getModifiers() & (Modifier.STATIC | Modifier.TRANSIENT));
      annotations(f, sb);
      sb.append('\n');
      if (!Modifier.isStatic(f.getModifiers())) {
        follow(f.getType(), todo);
      }
    }
    Method[] methods = c.getDeclaredMethods();
    Arrays.sort(methods, Comparator.comparing(Method::toGenericString));
    for (Method m : methods) {
      if (m.isSynthetic() || m.isBridge()) {
        continue;
      }
      sb.append("  method ").append(m.toGenericString());
      annotations(m, sb);
      sb.append('\n');
    }
    todo.add(c.getSuperclass());
  }

  /** Enums (their constants' order is an ORDINAL mapping) and the project's own value types. */
  private static void follow(Class<?> type, Deque<Class<?>> todo) {
    if (type.isEnum() || type.getAnnotations().length > 0) {
      todo.add(type);
    }
  }

  private static void annotations(AnnotatedElement e, StringBuilder sb) {
    Annotation[] all = e.getDeclaredAnnotations();
    Arrays.sort(all, Comparator.comparing(a -> a.annotationType().getName()));
    for (Annotation a : all) {
      sb.append(' ');
      annotation(a, sb);
    }
  }

  private static void annotation(Annotation a, StringBuilder sb) {
    sb.append('@').append(a.annotationType().getName()).append('(');
    Method[] members = a.annotationType().getDeclaredMethods();
    Arrays.sort(members, Comparator.comparing(Method::getName));
    for (Method m : members) {
      Object v;
      try {
        m.setAccessible(true);
        v = m.invoke(a);
      } catch (IllegalAccessException | InvocationTargetException | RuntimeException x) {
        sb.append(m.getName()).append("=?,");
        continue;
      }
      if (Objects.deepEquals(v, m.getDefaultValue())) {
        // Left at its default: not written, so that a newer release of the annotation's API
        // (jakarta.persistence 3.2's @Column(comment, options, ...) beside 3.1's) gives the
        // same fingerprint for the same class.
        continue;
      }
      sb.append(m.getName()).append('=');
      value(v, sb);
      sb.append(',');
    }
    sb.append(')');
  }

  private static void value(Object v, StringBuilder sb) {
    if (v instanceof Annotation a) {
      annotation(a, sb);
    } else if (v instanceof Class<?> c) {
      sb.append(c.getName()).append(".class");
    } else if (v instanceof Enum<?> e) {
      sb.append(e.getDeclaringClass().getName()).append('.').append(e.name());
    } else if (v instanceof String s) {
      sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    } else if (v != null && v.getClass().isArray()) {
      sb.append('{');
      for (int i = 0; i < Array.getLength(v); i++) {
        value(Array.get(v, i), sb);
        sb.append(',');
      }
      sb.append('}');
    } else {
      sb.append(v);
    }
  }
}
