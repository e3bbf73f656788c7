package dev.datajar.tools.internal;

import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.SchemaModel;
import dev.datajar.tools.DataSetInput;
import dev.datajar.tools.ToolException;

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
      return StorageFormat.schemaOf(input.name(), manifest.entities(), loader);
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
}
