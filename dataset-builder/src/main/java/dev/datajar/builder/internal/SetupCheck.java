package dev.datajar.builder.internal;

import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.DataSetBuildException;
import dev.datajar.runtime.format.DataSetMembership;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Set-up mistakes that Hibernate would only report at run time, or in its own terms, found before
 * anything is built: an {@code @Entity} that belongs to no dataset, an association that leaves its
 * dataset, and an entity Hibernate cannot create.
 *
 * <p>Every problem found is reported at once, each naming the class (and field) and the fix. An
 * entity with no {@code @DataSet} base is reported when every dataset is built, or when it sits in
 * the package (or a sub-package) of a selected dataset's base type, so that a build of some
 * datasets leaves unrelated classes alone.
 */
final class SetupCheck {
  private static final String PERSISTENCE = "jakarta.persistence.";
  private static final Set<String> ASSOCIATIONS =
      Set.of("ManyToOne", "OneToOne", "OneToMany", "ManyToMany");
  private static final Set<String> EMBEDDED = Set.of("Embedded", "EmbeddedId");

  private final List<String> problems = new ArrayList<>();

  private SetupCheck() {}

  /**
   * Returns {@code plans} unchanged, or throws with every problem found.
   *
   * @param bases every {@code @DataSet} base type of the module, by dataset name
   */
  static List<DataSetPlan> checked(
      BuildRequest request, Map<String, Class<?>> bases, List<DataSetPlan> plans)
      throws DataSetBuildException {
    SetupCheck check = new SetupCheck();
    check.strayEntities(request, bases);
    for (DataSetPlan plan : plans) {
      for (Class<?> entity : plan.entities()) {
        check.instantiable(entity);
        check.associations(plan.name(), entity, bases);
      }
    }
    if (check.problems.size() == 1) {
      throw new DataSetBuildException(check.problems.get(0));
    }
    if (!check.problems.isEmpty()) {
      StringBuilder sb = new StringBuilder(check.problems.size() + " set-up problems:");
      for (int i = 0; i < check.problems.size(); i++) {
        sb.append("\n  ").append(i + 1).append(") ").append(check.problems.get(i));
      }
      throw new DataSetBuildException(
          sb.append('\n').append(check.problems.size()).append(" problems").toString());
    }
    return plans;
  }

  private void strayEntities(BuildRequest request, Map<String, Class<?>> bases) {
    if (bases.isEmpty()) {
      return; // a module of plain JPA entities, no datasets: nothing to say
    }
    Set<String> wanted = request.dataSets();
    List<String> packages = new ArrayList<>();
    bases.forEach(
        (name, base) -> {
          if (wanted.isEmpty() || wanted.contains(name)) {
            packages.add(base.getPackageName());
          }
        });
    for (String name : ClassScanner.classNames(request.classesDirectory())) {
      Class<?> type = ClassScanner.load(name, request.classLoader());
      if (type == null || !isEntity(type) || !DataSetMembership.bases(type).isEmpty()) {
        continue;
      }
      boolean concerned = wanted.isEmpty() || packages.stream().anyMatch(p -> within(type, p));
      if (!concerned) {
        continue;
      }
      Map<String, Class<?>> near = new TreeMap<>();
      bases.forEach(
          (n, base) -> {
            if (within(type, base.getPackageName())) {
              near.put(n, base);
            }
          });
      String fix =
          near.size() == 1
              ? "Make it implement "
                  + near.values().iterator().next().getName()
                  + " (dataset '"
                  + near.keySet().iterator().next()
                  + "')"
              : "Make it implement the @DataSet base type of its dataset (" + describe(bases) + ")";
      problems.add(
          "entity "
              + type.getName()
              + " belongs to no dataset: it extends or"
              + " implements no @DataSet base type, so no build includes it. "
              + fix
              + ", or move"
              + " it out of this module.");
    }
  }

  private static boolean within(Class<?> type, String packageName) {
    String p = type.getPackageName();
    return p.equals(packageName) || p.startsWith(packageName + ".");
  }

  private void instantiable(Class<?> entity) {
    if (entity.isRecord()) {
      problems.add(
          "entity "
              + entity.getName()
              + " is a record: Hibernate creates an entity"
              + " with its no-argument constructor and then sets its fields, which a record cannot"
              + " have. Make it a class with a no-argument constructor (it may be protected).");
      return;
    }
    if (Modifier.isAbstract(entity.getModifiers()) || entity.isInterface()) {
      return; // an inheritance root; its concrete subclasses are checked themselves
    }
    if (entity.getEnclosingClass() != null && !Modifier.isStatic(entity.getModifiers())) {
      problems.add(
          "entity "
              + entity.getName()
              + " is an inner class: Hibernate cannot create"
              + " it without an instance of "
              + entity.getEnclosingClass().getName()
              + ". Declare"
              + " it 'static', or make it a top-level class.");
      return;
    }
    try {
      var unused = entity.getDeclaredConstructor(); // only whether it exists matters
    } catch (NoSuchMethodException e) {
      problems.add(
          "entity "
              + entity.getName()
              + " has no no-argument constructor: Hibernate"
              + " creates every entity it reads with one. Add one, e.g. 'protected "
              + entity.getSimpleName()
              + "() {}'.");
    }
  }

  private void associations(String dataSet, Class<?> entity, Map<String, Class<?>> bases) {
    Set<Class<?>> seen = new HashSet<>();
    for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
      attributes(dataSet, entity, c, bases, seen);
    }
  }

  /** The associations declared in {@code owner} (the entity, a superclass or an embeddable). */
  private void attributes(
      String dataSet,
      Class<?> entity,
      Class<?> owner,
      Map<String, Class<?>> bases,
      Set<Class<?>> seen) {
    if (!seen.add(owner)) {
      return;
    }
    for (Field f : owner.getDeclaredFields()) {
      member(dataSet, entity, f, f.getName(), f.getType(), f.getGenericType(), bases, seen);
    }
    for (Method m : owner.getDeclaredMethods()) {
      if (m.getParameterCount() == 0
          && m.getName().length() > 3
          && m.getName().startsWith("get")
          && !m.isSynthetic()
          && !m.isBridge()) {
        String property = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
        member(
            dataSet, entity, m, property, m.getReturnType(), m.getGenericReturnType(), bases, seen);
      }
    }
  }

  private void member(
      String dataSet,
      Class<?> entity,
      AnnotatedElement member,
      String name,
      Class<?> type,
      Type genericType,
      Map<String, Class<?>> bases,
      Set<Class<?>> seen) {
    for (Annotation a : member.getDeclaredAnnotations()) {
      String simple = persistenceName(a);
      if (simple == null) {
        continue;
      }
      if (EMBEDDED.contains(simple)) {
        attributes(dataSet, entity, type, bases, seen);
      } else if (ASSOCIATIONS.contains(simple)) {
        Class<?> target = target(a, type, genericType);
        if (target != null && isEntity(target)) {
          String targetDataSet = dataSetOf(target);
          if (!dataSet.equals(targetDataSet)) {
            problems.add(
                entity.getSimpleName()
                    + "."
                    + name
                    + " ("
                    + entity.getName()
                    + "): @"
                    + simple
                    + " to "
                    + target.getName()
                    + ", which is in "
                    + (targetDataSet == null ? "no dataset" : "dataset '" + targetDataSet + "'")
                    + ", not in '"
                    + dataSet
                    + "'. A dataset is one file: its associations stay"
                    + " inside it. Make "
                    + target.getSimpleName()
                    + " implement "
                    + bases.get(dataSet).getName()
                    + ", or "
                    + (simple.endsWith("ToOne")
                        ? "keep its key as a plain column (e.g. 'String "
                            + name
                            + "Code') and"
                            + " look the row up in its own store."
                        : "remove the association and query the other dataset's store."));
          }
        }
      }
    }
  }

  /** The association's target: {@code targetEntity}, else the type or its element type. */
  private static Class<?> target(Annotation a, Class<?> type, Type genericType) {
    try {
      Object declared = a.annotationType().getMethod("targetEntity").invoke(a);
      if (declared instanceof Class<?> c && c != void.class) {
        return c;
      }
    } catch (ReflectiveOperationException e) {
      // no targetEntity member: use the declared type
    }
    if (genericType instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      Type last = args[args.length - 1]; // Map<K, V>: the value
      return last instanceof Class<?> c ? c : null;
    }
    return type;
  }

  private static String dataSetOf(Class<?> entity) {
    Map<String, Class<?>> found = DataSetMembership.bases(entity);
    return found.size() == 1 ? found.keySet().iterator().next() : null;
  }

  private static String persistenceName(Annotation a) {
    String name = a.annotationType().getName();
    return name.startsWith(PERSISTENCE) ? name.substring(PERSISTENCE.length()) : null;
  }

  /** By name, so that an annotation loaded by the module's own class loader counts too. */
  private static boolean isEntity(Class<?> type) {
    for (Annotation a : type.getDeclaredAnnotations()) {
      if (a.annotationType().getName().equals(PERSISTENCE + "Entity")) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Map<String, Class<?>> bases) {
    StringJoiner sj =
        new StringJoiner(", ", bases.size() == 1 ? "the dataset here: " : "datasets here: ", "");
    bases.forEach((name, base) -> sj.add("'" + name + "' (" + base.getName() + ")"));
    return sj.toString();
  }
}
