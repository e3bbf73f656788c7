package dev.datajar.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Types;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.internal.EngineOpener;
import dev.datajar.runtime.internal.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Guice module that opens datasets read-only and binds a {@link Store} for each of their
 * entities.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new DataSetModule());
 * Store<Country> countries = injector.getInstance(Key.get(new TypeLiteral<Store<Country>>() {}));
 * // or, in any injected class:  @Inject Store<Country> countries;  @Inject CountryStore store;
 * }</pre>
 *
 * <p>By default every dataset listed in a {@code META-INF/datasets/index} on the class path is
 * opened; {@link Builder#dataSets} restricts that to named ones. A dataset's file can be given
 * elsewhere, first match wins: {@link Builder#path}, system property
 * {@code datajar.<name>.path}, environment variable {@code DATAJAR_<NAME>_PATH}. Datasets inside
 * jars are copied once into a cache directory: {@link Builder#cacheDirectory}, system property
 * {@code datajar.cache.dir}, environment variable {@code DATAJAR_CACHE_DIR}, else
 * {@code ~/.cache/datajar}.
 *
 * <p>Everything opens, and every start-up check runs, while the injector is created, in every
 * stage. Close {@link DataSetEngines} when the service stops.
 */
public final class DataSetModule extends AbstractModule {
  private final Settings settings;

  /** Every dataset on the context class loader's class path, default locations. */
  public DataSetModule() {
    this(builder().settings());
  }

  private DataSetModule(Settings settings) {
    this.settings = settings;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected void configure() {
    // Reading manifests here (cheap, no file opened) tells which Store<E> keys to bind.
    Map<String, List<Class<?>>> entities = EngineOpener.entities(settings);
    Settings s = settings;
    bind(DataSetEngines.class)
        .toProvider(() -> new DataSetEngines(EngineOpener.openAll(s)))
        .asEagerSingleton();
    Provider<DataSetEngines> engines = getProvider(DataSetEngines.class);
    for (List<Class<?>> classes : entities.values()) {
      for (Class<?> entity : classes) {
        bindStore(entity, engines);
      }
    }
  }

  private <T> void bindStore(Class<T> entity, Provider<DataSetEngines> engines) {
    @SuppressWarnings("unchecked")
    Key<Store<T>> key = (Key<Store<T>>) Key.get(TypeLiteral.get(Types.newParameterizedType(Store.class, entity)));
    bind(key).toProvider(() -> new Store<>(engines.get().reader(entity))).in(Singleton.class);
  }

  /** Settings of a {@link DataSetModule}; fixed once {@link #build()} is called. */
  public static final class Builder {
    private final List<String> dataSets = new ArrayList<>();
    private final Map<String, Path> paths = new LinkedHashMap<>();
    private Path cacheDirectory;
    private ClassLoader classLoader;
    private UnaryOperator<String> systemProperties = System::getProperty;
    private UnaryOperator<String> environment = System::getenv;

    private Builder() {}

    /** Opens only these datasets (and fails if one is missing) instead of every one found. */
    public Builder dataSets(String... names) {
      for (String n : names) {
        dataSets.add(DataSetLayout.checkName(n));
      }
      return this;
    }

    /** Reads dataset {@code name} from {@code file} instead of the class path. */
    public Builder path(String name, Path file) {
      paths.put(DataSetLayout.checkName(name), Objects.requireNonNull(file, "file"));
      return this;
    }

    /** Where datasets inside jars are copied to. */
    public Builder cacheDirectory(Path dir) {
      this.cacheDirectory = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** Where to find manifests, dataset files and entity classes (default: context loader). */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /** Replaces environment variable lookups (tests cannot set real ones). */
    Builder environment(UnaryOperator<String> env) {
      this.environment = env;
      return this;
    }

    Builder systemProperties(UnaryOperator<String> props) {
      this.systemProperties = props;
      return this;
    }

    public DataSetModule build() {
      return new DataSetModule(settings());
    }

    private Settings settings() {
      ClassLoader cl = classLoader;
      if (cl == null) {
        cl = Thread.currentThread().getContextClassLoader();
      }
      if (cl == null) {
        cl = DataSetModule.class.getClassLoader();
      }
      return new Settings(dataSets, paths, cacheDirectory, cl, systemProperties, environment);
    }
  }
}
