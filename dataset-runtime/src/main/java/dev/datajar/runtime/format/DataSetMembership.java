package dev.datajar.runtime.format;

import dev.datajar.runtime.DataSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the dataset an entity class belongs to by walking its type hierarchy for {@link
 * DataSet}-annotated base types: its superclasses and every interface they implement.
 *
 * <p>Shared by the builder and the runtime so that both sides agree on membership.
 */
public final class DataSetMembership {
  private DataSetMembership() {}

  /**
   * The dataset of {@code type}, or empty if no supertype carries {@link DataSet}.
   *
   * @throws IllegalStateException if two base types with different names are found; the message
   *     names the class and both base types
   */
  public static Optional<String> nameOf(Class<?> type) {
    Map<String, Class<?>> found = bases(type);
    if (found.size() > 1) {
      StringBuilder sb = new StringBuilder();
      sb.append("entity ")
          .append(type.getName())
          .append(" belongs to ")
          .append(found.size())
          .append(" datasets: ");
      String sep = "";
      for (Map.Entry<String, Class<?>> e : found.entrySet()) {
        sb.append(sep)
            .append('\'')
            .append(e.getKey())
            .append("' (through ")
            .append(e.getValue().getName())
            .append(')');
        sep = " and ";
      }
      sb.append(
          ". An entity belongs to exactly one dataset: extend or implement only one"
              + " @DataSet base type.");
      throw new IllegalStateException(sb.toString());
    }
    return found.keySet().stream().findFirst();
  }

  /** Every {@link DataSet} name reachable from {@code type}, with the base type that names it. */
  public static Map<String, Class<?>> bases(Class<?> type) {
    Map<String, Class<?>> found = new LinkedHashMap<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    Set<Class<?>> seen = new HashSet<>();
    todo.add(type);
    while (!todo.isEmpty()) {
      Class<?> c = todo.poll();
      if (c == null || c == Object.class || !seen.add(c)) {
        continue;
      }
      DataSet ds = c.getAnnotation(DataSet.class);
      if (ds != null) {
        found.putIfAbsent(ds.value(), c);
      }
      if (c.getSuperclass() != null) { // interfaces have none; ArrayDeque refuses null
        todo.add(c.getSuperclass());
      }
      for (Class<?> i : c.getInterfaces()) {
        todo.add(i);
      }
    }
    return found;
  }
}
