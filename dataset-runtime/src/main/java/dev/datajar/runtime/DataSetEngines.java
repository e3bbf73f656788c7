package dev.datajar.runtime;

import dev.datajar.runtime.internal.Engine;
import dev.datajar.runtime.internal.EntityReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The datasets a {@link DataSetModule} opened, one read-only engine each; close it to release
 * their connections and files.
 *
 * <p>Bound as an eager singleton, so every dataset opens (and every start-up check runs) while
 * the injector is created. Guice has no shutdown hook of its own: call
 * {@code injector.getInstance(DataSetEngines.class).close()} when the service stops. After
 * {@link #close()}, every store read fails. Thread-safe.
 */
public final class DataSetEngines implements AutoCloseable {
  private final Map<String, Engine> engines;
  private final Map<Class<?>, Engine> byEntity = new HashMap<>();

  DataSetEngines(Map<String, Engine> engines) {
    this.engines = Map.copyOf(engines);
    for (Engine e : engines.values()) {
      for (Class<?> c : e.entities()) {
        byEntity.put(c, e);
      }
    }
  }

  /** The names of the opened datasets. */
  public Set<String> names() {
    return engines.keySet();
  }

  /** The SQLite file a dataset is read from: in place, or its copy in the cache directory. */
  public Path file(String dataSet) {
    return engine(dataSet).file();
  }

  /** The entity classes of a dataset. */
  public List<Class<?>> entities(String dataSet) {
    return List.copyOf(engine(dataSet).entities());
  }

  /** Closes every engine: connection pools and session factories. Idempotent. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (Engine e : engines.values()) {
      try {
        e.close();
      } catch (RuntimeException ex) {
        failure = failure == null ? ex : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  <T> EntityReader<T> reader(Class<T> type) {
    Engine e = byEntity.get(type);
    if (e == null) {
      throw new IllegalStateException(type.getName() + " is not an entity of an opened dataset"
          + " (opened: " + String.join(", ", new TreeSet<>(engines.keySet()))
          + "). Check that its dataset's jar is on the class path and that DataSetModule"
          + " opens that dataset.");
    }
    return e.reader(type);
  }

  private Engine engine(String dataSet) {
    Engine e = engines.get(dataSet);
    if (e == null) {
      throw new IllegalArgumentException("dataset '" + dataSet + "' is not open (open: "
          + String.join(", ", new TreeSet<>(engines.keySet())) + ")");
    }
    return e;
  }
}
