package dev.datajar.builder.internal;

import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.DataSetBuildException;
import dev.datajar.runtime.DataSet;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.DataSetMembership;
import dev.datajar.runtime.source.RowSource;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the datasets of a module: scans its class folder for {@code @Entity} classes,
 * {@code @DataSet} base types and {@link RowSource} implementations, and groups them by dataset
 * name.
 *
 * <p>Only the datasets the request selects are checked and returned, so one class folder may hold
 * datasets (and broken fixtures) that a build leaves alone.
 */
final class DataSetDiscovery {
  private static final String ENTITY = "jakarta.persistence.Entity";

  private DataSetDiscovery() {}

  /** The selected datasets, sorted by name. */
  static List<DataSetPlan> discover(BuildRequest request) throws DataSetBuildException {
    Map<String, Class<?>> bases = new TreeMap<>();
    Map<String, List<Class<?>>> entities = new TreeMap<>();
    List<Class<?>> rowSourceClasses = new ArrayList<>();
    Set<String> wanted = request.dataSets();
    for (String name : ClassScanner.classNames(request.classesDirectory())) {
      Class<?> type = ClassScanner.load(name, request.classLoader());
      if (type == null) {
        request.log().debug("datajar: skipped class " + name + ": it cannot be loaded");
        continue;
      }
      checkOneRuntime(type);
      DataSet declared = type.getAnnotation(DataSet.class);
      if (declared != null) {
        if (!DataSetLayout.isValidName(declared.value())) {
          throw new DataSetBuildException(
              "@DataSet(\""
                  + declared.value()
                  + "\") on "
                  + type.getName()
                  + ": "
                  + invalidName(declared.value()));
        }
        bases.putIfAbsent(declared.value(), type);
      }
      if (isEntity(type)) {
        Map<String, Class<?>> found = DataSetMembership.bases(type);
        boolean selected = wanted.isEmpty() || found.keySet().stream().anyMatch(wanted::contains);
        if (found.size() > 1 && selected) {
          try {
            DataSetMembership.nameOf(type);
          } catch (IllegalStateException e) {
            throw new DataSetBuildException(e.getMessage());
          }
        }
        if (found.size() == 1) {
          entities
              .computeIfAbsent(found.keySet().iterator().next(), k -> new ArrayList<>())
              .add(type);
        }
      } else if (RowSource.class.isAssignableFrom(type) && isConcrete(type)) {
        rowSourceClasses.add(type);
      }
    }
    for (String name : wanted) {
      if (!bases.containsKey(name)) {
        throw new DataSetBuildException(
            "dataset '"
                + name
                + "' was requested, but no @DataSet"
                + " base type in "
                + request.classesDirectory()
                + " declares it. Datasets found: "
                + (bases.isEmpty() ? "none" : String.join(", ", bases.keySet()))
                + ".");
      }
    }
    List<DataSetPlan> plans = new ArrayList<>();
    for (Map.Entry<String, Class<?>> base : bases.entrySet()) {
      String name = base.getKey();
      if (!wanted.isEmpty() && !wanted.contains(name)) {
        continue;
      }
      List<Class<?>> members = entities.getOrDefault(name, List.of());
      if (members.isEmpty()) {
        throw new DataSetBuildException(
            "dataset '"
                + name
                + "' has no entities: no @Entity"
                + " class in "
                + request.classesDirectory()
                + " extends or implements "
                + base.getValue().getName()
                + ". Add an entity that implements it, or remove"
                + " @DataSet(\""
                + name
                + "\").");
      }
      members.sort(Comparator.comparing(Class::getName));
      plans.add(new DataSetPlan(name, members, List.of()));
    }
    MappingCheck.check(plans);
    return SetupCheck.checked(
        request, bases, withRowSources(plans, rowSourceClasses, bases.keySet(), wanted));
  }

  private static List<DataSetPlan> withRowSources(
      List<DataSetPlan> plans,
      List<Class<?>> rowSourceClasses,
      Set<String> known,
      Set<String> wanted)
      throws DataSetBuildException {
    Map<String, List<RowSource>> byDataSet = new TreeMap<>();
    for (Class<?> type : rowSourceClasses) {
      RowSource source = instantiate(type);
      String dataSet = source.dataSet();
      if (!wanted.isEmpty() && !wanted.contains(dataSet)) {
        continue;
      }
      if (!known.contains(dataSet)) {
        throw new DataSetBuildException(
            "row source "
                + type.getName()
                + " fills dataset '"
                + dataSet
                + "', but no @DataSet base type declares that name. Datasets found: "
                + (known.isEmpty() ? "none" : String.join(", ", known))
                + ".");
      }
      byDataSet.computeIfAbsent(dataSet, k -> new ArrayList<>()).add(source);
    }
    List<DataSetPlan> out = new ArrayList<>();
    for (DataSetPlan p : plans) {
      out.add(new DataSetPlan(p.name(), p.entities(), byDataSet.getOrDefault(p.name(), List.of())));
    }
    return out;
  }

  private static RowSource instantiate(Class<?> type) throws DataSetBuildException {
    try {
      Constructor<?> constructor = type.getConstructor();
      return (RowSource) constructor.newInstance();
    } catch (NoSuchMethodException e) {
      throw new DataSetBuildException(
          "row source "
              + type.getName()
              + " has no public"
              + " no-argument constructor. Add one: the builder creates row sources itself.");
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new DataSetBuildException(
          "row source " + type.getName() + " could not be created: " + cause, cause);
    }
  }

  /**
   * Refuses a {@code @DataSet} that is not this builder's own class: it means the class loader
   * loaded a second copy of dataset-runtime, and every dataset would silently go unseen.
   */
  private static void checkOneRuntime(Class<?> type) throws DataSetBuildException {
    for (Annotation a : type.getDeclaredAnnotations()) {
      if (a.annotationType().getName().equals(DataSet.class.getName())
          && a.annotationType() != DataSet.class) {
        throw new DataSetBuildException(
            "@DataSet on "
                + type.getName()
                + " comes from a second"
                + " copy of dataset-runtime in the class loader given to the builder. Make that"
                + " class loader load dev.datajar.runtime from the builder's own class loader"
                + " (its parent), not from the project's dependencies.");
      }
    }
  }

  /** By name, so that an annotation loaded by the module's own class loader counts too. */
  private static boolean isEntity(Class<?> type) {
    for (Annotation a : type.getDeclaredAnnotations()) {
      if (a.annotationType().getName().equals(ENTITY)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConcrete(Class<?> type) {
    return !type.isInterface()
        && !Modifier.isAbstract(type.getModifiers())
        && Modifier.isPublic(type.getModifiers());
  }

  private static String invalidName(String name) {
    try {
      DataSetLayout.checkName(name);
      return "";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
