package dev.datajar.it;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.util.Types;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.Store;
import java.nio.file.Path;

/**
 * Real injectors over the datasets the plugin built into {@code target/classes}, as a service would
 * create them.
 */
public final class Injectors {
  private static Injector shared;

  private Injectors() {}

  /**
   * One injector with {@code new DataSetModule()} for the whole test JVM: opening the datasets
   * boots Hibernate, which is worth doing once. Tests never change what it returns. With {@code
   * -Ddatajar.it.engine=postgres} the datasets are read from PostgreSQL instead.
   */
  public static synchronized Injector shared() {
    if (shared == null) {
      shared =
          Guice.createInjector(
              PostgresDataSets.selected() ? PostgresDataSets.module() : new DataSetModule());
    }
    return shared;
  }

  /** The {@code Store<T>} bound for {@code entity}, looked up as {@code @Inject Store<T>} would. */
  @SuppressWarnings("unchecked")
  public static <T> Store<T> store(Injector injector, Class<T> entity) {
    return (Store<T>)
        injector.getInstance(Key.get(Types.newParameterizedType(Store.class, entity)));
  }

  public static <T> Store<T> store(Class<T> entity) {
    return store(shared(), entity);
  }

  /**
   * The dataset file the plugin wrote, e.g. {@code target/classes/META-INF/datasets/shop.sqlite}.
   */
  public static Path builtFile(String name) {
    return Path.of("target", "classes", "META-INF", "datasets", name).toAbsolutePath();
  }

  /** Creates an injector that must fail to start, and returns the dataset error inside. */
  public static DataSetOpenException startFailure(DataSetModule module) {
    try {
      Injector i = Guice.createInjector(module);
      throw new AssertionError("the injector started: " + i);
    } catch (CreationException | ProvisionException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof DataSetOpenException d) {
          return d;
        }
      }
      throw new AssertionError("no DataSetOpenException in " + e, e);
    }
  }
}
