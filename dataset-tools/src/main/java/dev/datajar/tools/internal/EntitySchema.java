package dev.datajar.tools.internal;

import dev.datajar.runtime.format.HibernateSetup;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.SchemaModel;
import dev.datajar.tools.DataSetInput;
import dev.datajar.tools.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schema a dataset's entity classes define, booted from the classes its manifest names, loaded
 * through the input's class loader (the dataset jar, or the module's classes).
 */
public final class EntitySchema {
  private EntitySchema() {}

  /**
   * The entities' schema.
   *
   * @throws ToolException if the input has no manifest or class loader, a class is missing, or
   *     Hibernate refuses the classes; the message says which
   */
  public static SchemaModel of(DataSetInput input) throws ToolException {
    Manifest manifest =
        input
            .manifest()
            .orElseThrow(
                () ->
                    new ToolException(
                        input.label()
                            + ": no manifest names the entity classes of dataset '"
                            + input.name()
                            + "'. "
                            + GIVE_CLASSES));
    ClassLoader loader =
        input
            .classLoader()
            .orElseThrow(
                () ->
                    new ToolException(
                        input.label()
                            + ": the entity classes of dataset '"
                            + input.name()
                            + "' are not in it. "
                            + GIVE_CLASSES));
    try {
      return schemaOf(input.name(), manifest.entities(), loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw classMissing(input, manifest.entities(), e);
    } catch (RuntimeException e) {
      throw new ToolException(
          input.label()
              + ": Hibernate refused the entity classes of dataset"
              + " '"
              + input.name()
              + "': "
              + e.getMessage(),
          e);
    }
  }

  /** What to give instead of an input without the entity classes. */
  public static final String GIVE_CLASSES =
      "A .sqlite file, or a folder holding only datasets (such as one the command line's build"
          + " wrote), has none: give the dataset jar, its coordinates or the module's"
          + " target/classes";

  /**
   * An entity class of {@code input}, or a class one uses (an enum, a converter, an embeddable),
   * could not be loaded: which, and where it is expected. A class from another jar (a dependency of
   * the dataset module) is found by the Maven goals, which see the module's class path; the command
   * line needs that jar on its own class path.
   */
  public static ToolException classMissing(DataSetInput input, List<String> entities, Throwable e) {
    String name = String.valueOf(e.getMessage()).replace('/', '.');
    boolean entity = entities.contains(name);
    return new ToolException(
        input.label()
            + ": "
            + (entity ? "entity class " : "class ")
            + name
            + (entity ? " of dataset '" : ", which an entity class of dataset '")
            + input.name()
            + (entity ? "'" : "' uses,")
            + " cannot be loaded. Expected it in the dataset jar; if it comes from another jar (a"
            + " dependency of the dataset module), put that jar on the class path: java -cp"
            + " dataset-tools-<version>-cli.jar:<that jar> dev.datajar.tools.cli.Main <command> ...",
        e);
  }

  /** The schema the named entity classes define, booted as the builder boots them. */
  private static SchemaModel schemaOf(
      String dataSet, List<String> entityClassNames, ClassLoader loader)
      throws ClassNotFoundException {
    List<Class<?>> classes = new ArrayList<>();
    for (String name : entityClassNames) {
      classes.add(Class.forName(name, false, loader));
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try (HibernateSetup.Booted booted =
        HibernateSetup.boot(dataSet, classes, null, loader, Map.of())) {
      return booted.schema();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
