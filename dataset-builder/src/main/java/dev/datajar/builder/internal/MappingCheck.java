package dev.datajar.builder.internal;

import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.internal.source.Problems;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;

/**
 * Refuses, once and before Hibernate boots, the mappings a dataset cannot hold, each with the
 * reason and the fix: inheritance between entities (every strategy needs either a discriminator, a
 * row split over several tables, or a UNION over several tables, none of which datajar builds), ids
 * from a sequence or table generator (Hibernate would keep a generator table; rows carry their
 * keys), and two entities on one table (Hibernate would merge them into one table and each would
 * read the other's rows).
 *
 * <p>Annotations are found by name, as in {@link DataSetDiscovery}, so that entity classes loaded
 * by the module's own class loader are checked too.
 */
final class MappingCheck {
  private static final String JPA = "jakarta.persistence.";

  private MappingCheck() {}

  /** Checks every dataset; all problems of a dataset are reported together. */
  static void check(List<DataSetPlan> plans) throws DataSetBuildException {
    for (DataSetPlan plan : plans) {
      Problems problems = new Problems(plan.name(), "its entities");
      inheritance(plan, problems);
      generators(plan, problems);
      sharedTables(plan, problems);
      problems.throwIfAny();
    }
  }

  private static void inheritance(DataSetPlan plan, Problems problems) {
    Map<String, List<String>> byRoot = new TreeMap<>();
    Map<String, Class<?>> roots = new TreeMap<>();
    for (Class<?> entity : plan.entities()) {
      Class<?> root = null;
      for (Class<?> c = entity.getSuperclass(); c != null; c = c.getSuperclass()) {
        if (annotation(c, "Entity") != null) {
          root = c;
        }
      }
      if (root != null) {
        byRoot.computeIfAbsent(root.getName(), k -> new ArrayList<>()).add(entity.getSimpleName());
        roots.put(root.getName(), root);
      }
    }
    byRoot.forEach(
        (name, subclasses) -> {
          Class<?> root = roots.get(name);
          Annotation inheritance = annotation(root, "Inheritance");
          String strategy =
              inheritance == null
                  ? "SINGLE_TABLE"
                  : String.valueOf(member(inheritance, "strategy"));
          String why =
              switch (strategy) {
                case "TABLE_PER_CLASS" ->
                    "it gives each concrete class a table of its own and reads "
                        + root.getSimpleName()
                        + " through a UNION of them";
                case "JOINED" -> "it splits each row over the tables of its classes, joined by key";
                default -> "it keeps every class in one table with a discriminator column";
              };
          problems.add(
              String.join(", ", subclasses)
                  + (subclasses.size() == 1 ? " extends" : " extend")
                  + " entity "
                  + root.getSimpleName()
                  + " (@Inheritance(strategy = "
                  + strategy
                  + ")):"
                  + " datajar supports no inheritance between entities, and "
                  + strategy
                  + " cannot"
                  + " work here because "
                  + why
                  + ", while datajar loads one table per entity from its"
                  + " own source. Put the shared attributes in a @MappedSuperclass, so that each entity"
                  + " has a table of its own.");
        });
  }

  private static void generators(DataSetPlan plan, Problems problems) {
    for (Class<?> entity : plan.entities()) {
      List<AnnotatedElement> members = new ArrayList<>();
      for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
        members.addAll(List.of(c.getDeclaredFields()));
        members.addAll(List.of(c.getDeclaredMethods()));
      }
      for (AnnotatedElement m : members) {
        Annotation generated = annotation(m, "GeneratedValue");
        if (generated == null) {
          continue;
        }
        String strategy = String.valueOf(member(generated, "strategy"));
        if (strategy.equals("IDENTITY") || strategy.equals("UUID")) {
          continue; // nothing kept in the database: the value is read from the source
        }
        String owner =
            (m instanceof Field f ? f.getDeclaringClass() : ((Method) m).getDeclaringClass())
                .getSimpleName();
        String name = m instanceof Field f ? f.getName() : ((Method) m).getName();
        problems.add(
            owner
                + "."
                + name
                + ": @GeneratedValue(strategy = "
                + strategy
                + ") makes"
                + " Hibernate keep a "
                + (strategy.equals("TABLE") ? "generator" : "sequence")
                + " table, which datajar does not build: rows carry their keys in the source."
                + " Remove @GeneratedValue, or use strategy = IDENTITY (its value is then read from"
                + " the source like any column).");
      }
    }
  }

  private static void sharedTables(DataSetPlan plan, Problems problems) {
    // The strategy the runtime boots Hibernate with (HibernateSetup), so the names agree.
    PhysicalNamingStrategySnakeCaseImpl naming = new PhysicalNamingStrategySnakeCaseImpl();
    Map<String, List<String>> byTable = new TreeMap<>();
    for (Class<?> entity : plan.entities()) {
      if (isSubclassEntity(entity)) {
        continue; // reported above
      }
      Annotation table = annotation(entity, "Table");
      String explicit = table == null ? "" : String.valueOf(member(table, "name"));
      Annotation declared = annotation(entity, "Entity");
      String entityName = declared == null ? "" : String.valueOf(member(declared, "name"));
      String logical =
          !explicit.isEmpty()
              ? explicit
              : !entityName.isEmpty() ? entityName : entity.getSimpleName();
      String physical =
          naming
              .toPhysicalTableName(Identifier.toIdentifier(logical), null)
              .getText()
              .toLowerCase(Locale.ROOT);
      byTable.computeIfAbsent(physical, k -> new ArrayList<>()).add(entity.getSimpleName());
    }
    byTable.forEach(
        (table, entities) -> {
          if (entities.size() > 1) {
            problems.add(
                "entities "
                    + String.join(" and ", entities)
                    + " both map to table '"
                    + table
                    + "': Hibernate would make one table of them, and each entity would read the"
                    + " other's rows. Give each entity a table of its own with @Table(name = \"...\").");
          }
        });
  }

  private static boolean isSubclassEntity(Class<?> entity) {
    for (Class<?> c = entity.getSuperclass(); c != null; c = c.getSuperclass()) {
      if (annotation(c, "Entity") != null) {
        return true;
      }
    }
    return false;
  }

  private static Annotation annotation(AnnotatedElement element, String simpleName) {
    for (Annotation a : element.getDeclaredAnnotations()) {
      if (a.annotationType().getName().equals(JPA + simpleName)) {
        return a;
      }
    }
    return null;
  }

  private static Object member(Annotation a, String name) {
    try {
      return a.annotationType().getMethod(name).invoke(a);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + name + " of " + a, e);
    }
  }
}
