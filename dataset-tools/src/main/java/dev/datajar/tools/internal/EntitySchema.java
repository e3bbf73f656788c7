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
                            + "'. Give the"
                            + " dataset jar or the module's target/classes instead of the bare .sqlite file"));
    ClassLoader loader =
        input
            .classLoader()
            .orElseThrow(
                () ->
                    new ToolException(
                        input.label()
                            + ": the entity classes of dataset '"
                            + input.name()
                            + "' are not available. Give the"
                            + " dataset jar or the module's target/classes instead of the bare .sqlite file"));
    try {
      return schemaOf(input.name(), manifest.entities(), loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ToolException(
          input.label()
              + ": entity class "
              + e.getMessage()
              + " of dataset '"
              + input.name()
              + "' cannot be loaded. Expected it in the dataset jar (or on the"
              + " module's class path)",
          e);
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
