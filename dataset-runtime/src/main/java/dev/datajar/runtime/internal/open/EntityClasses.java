package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.format.DataSetMembership;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the entity classes a dataset's manifest lists, and refuses a class that is missing or
 * belongs to another dataset on the class path than the one it was built into.
 */
public final class EntityClasses {
  private EntityClasses() {}

  /** The entity classes of {@code l}, in the manifest's order. */
  static List<Class<?>> load(Located l, ClassLoader loader) {
    List<Class<?>> out = new ArrayList<>();
    for (String className : l.manifest().entities()) {
      Class<?> c;
      try {
        c = Class.forName(className, false, loader);
      } catch (ClassNotFoundException e) {
        throw new DataSetOpenException(
            l.name(),
            "entity class "
                + className
                + " (listed in the manifest of "
                + l.where()
                + ") is not on the class"
                + " path. Put the dataset module's classes on the class path with its file.");
      }
      String actual = DataSetMembership.nameOf(c).orElse(null);
      if (!l.name().equals(actual)) {
        throw new DataSetOpenException(
            l.name(),
            "entity class "
                + className
                + " belongs to "
                + (actual == null ? "no dataset" : "dataset '" + actual + "'")
                + " on the class"
                + " path, but "
                + l.where()
                + " was built with it. Rebuild the dataset with the"
                + " current classes.");
      }
      out.add(c);
    }
    if (out.isEmpty()) {
      throw new DataSetOpenException(
          l.name(),
          "its manifest (" + l.where() + ") lists no entity classes. Rebuild the dataset.");
    }
    return out;
  }
}
