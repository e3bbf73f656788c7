package dev.datajar.runtime.format;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.ExcludeSuperclassListeners;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * An entity class's {@code @PostLoad} callbacks in the order JPA calls them (Jakarta Persistence,
 * "Entity Listeners and Callback Methods"): the {@code @EntityListeners} of its mapped
 * superclasses, most general first (none above a class marked {@code @ExcludeSuperclassListeners}),
 * then its own, each listed in order; then the callback methods of the class and its mapped
 * superclasses, most general first, a method overridden below called once, as the override. A
 * superclass that is neither an entity nor a mapped superclass contributes nothing, as in
 * Hibernate. Default listeners ({@code orm.xml}) are not seen here: the builder leaves an entity to
 * Hibernate when they could apply.
 *
 * <p>The builder records that an entity has callbacks ({@link EntityLayout#postLoad()}); the
 * runtime finds them again here and calls them on every entity object the row path builds, after
 * its attributes, to-ones and collections are set, as Hibernate does after a load.
 */
public final class PostLoadCallbacks {
  private static final MethodType ON_ENTITY = MethodType.methodType(void.class, Object.class);

  /** Each bound to its listener, or taking the entity: {@code (Object entity) -> void}. */
  private final List<MethodHandle> calls;

  private PostLoadCallbacks(List<MethodHandle> calls) {
    this.calls = calls;
  }

  /** The callbacks of {@code entity}, in the order they run; none if it has none. */
  public static PostLoadCallbacks of(Class<?> entity) {
    List<Class<?>> chain = new ArrayList<>(superclasses(entity)); // the entity last
    chain.removeIf(c -> !mapped(c));
    int listenersFrom = 0;
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (chain.get(i).isAnnotationPresent(ExcludeSuperclassListeners.class)) {
        listenersFrom = i;
        break;
      }
    }
    List<MethodHandle> calls = new ArrayList<>();
    try {
      for (Class<?> c : chain.subList(listenersFrom, chain.size())) {
        EntityListeners listeners = c.getDeclaredAnnotation(EntityListeners.class);
        for (Class<?> l : listeners == null ? new Class<?>[0] : listeners.value()) {
          Object listener =
              lookup(l).findConstructor(l, MethodType.methodType(void.class)).invoke();
          for (Method m : callbacks(l, 1)) {
            calls.add(lookup(l).unreflect(m).bindTo(listener).asType(ON_ENTITY));
          }
        }
      }
      for (Method m : callbacks(entity, 0)) {
        calls.add(lookup(m.getDeclaringClass()).unreflect(m).asType(ON_ENTITY));
      }
    } catch (Throwable t) {
      throw new IllegalStateException(
          "cannot prepare the @PostLoad callbacks of " + entity.getName() + ": " + t, t);
    }
    return new PostLoadCallbacks(List.copyOf(calls));
  }

  /** True if there is no callback to call. */
  public boolean isEmpty() {
    return calls.isEmpty();
  }

  /** Calls every callback on {@code entity}, in order. */
  public void run(Object entity) throws Throwable {
    for (MethodHandle h : calls) {
      h.invokeExact(entity);
    }
  }

  /**
   * The {@code @PostLoad} methods with {@code parameters} parameters declared by {@code type} and
   * its superclasses, most general first; one a subclass overrides is left out (a call to it would
   * run the override, which is listed where it is declared, if it is a callback itself).
   */
  private static List<Method> callbacks(Class<?> type, int parameters) {
    List<Class<?>> chain = superclasses(type);
    List<Method> out = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      Method[] declared = chain.get(i).getDeclaredMethods();
      Arrays.sort(declared, Comparator.comparing(Method::getName)); // a stable order
      for (Method m : declared) {
        if ((parameters == 1 || mapped(chain.get(i)))
            && m.isAnnotationPresent(PostLoad.class)
            && m.getParameterCount() == parameters
            && !Modifier.isStatic(m.getModifiers())
            && !overriddenBelow(m, chain.subList(i + 1, chain.size()))) {
          out.add(m);
        }
      }
    }
    return out;
  }

  /** {@code type} and its superclasses but {@code Object}, most general first. */
  private static List<Class<?>> superclasses(Class<?> type) {
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      chain.add(0, c);
    }
    return chain;
  }

  /**
   * True for an entity or a mapped superclass: Hibernate, as JPA says, leaves out the callbacks and
   * listeners of a superclass that is neither (measured: {@code CallbacksStoreTest}).
   */
  private static boolean mapped(Class<?> c) {
    return c.isAnnotationPresent(Entity.class) || c.isAnnotationPresent(MappedSuperclass.class);
  }

  private static boolean overriddenBelow(Method m, List<Class<?>> below) {
    if (Modifier.isPrivate(m.getModifiers())) {
      return false;
    }
    for (Class<?> c : below) {
      for (Method d : c.getDeclaredMethods()) {
        if (d.getName().equals(m.getName())
            && Arrays.equals(d.getParameterTypes(), m.getParameterTypes())) {
          return true;
        }
      }
    }
    return false;
  }

  private static MethodHandles.Lookup lookup(Class<?> c) throws IllegalAccessException {
    return MethodHandles.privateLookupIn(c, MethodHandles.lookup());
  }
}
