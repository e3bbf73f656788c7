package dev.datajar.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.matcher.Matcher;
import com.google.inject.spi.TypeEncounter;
import com.google.inject.spi.TypeListener;
import com.google.inject.util.Types;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Guice module that opens datasets read-only and binds a {@link Store} for each of their entities:
 * a thin layer over {@link DataSets}.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new DataSetModule());
 * // in any injected class:  @Inject Store<Country> countries;  @Inject CountryStore store;
 * injector.getInstance(DataSets.class).close();             // when the service stops
 * }</pre>
 *
 * <p>By default every dataset listed in a {@code META-INF/datasets/index} on the class path is
 * opened; {@link Builder#dataSets} restricts that to named ones, and the other settings are those
 * of {@link DataSets.Builder}. {@link DataSets} is bound as an eager singleton, so every dataset
 * opens, and every start-up check runs, while the injector is created, in every stage. A {@code
 * Store<X>} for an entity {@code X} of no opened dataset fails the injector's creation too when
 * Guice meets it then (an injection point of a bound class), naming {@code X}. {@link #configure()}
 * only reads the manifests, to know which stores to bind.
 */
// "exports": Guice is `requires static`, not transitive (module-info.java), so that a module that
// does not use Guice need not have it; a Guice user requires com.google.guice itself.
@SuppressWarnings("exports")
public final class DataSetModule extends AbstractModule {
  private final DataSets.Builder settings;

  /** Every dataset on the context class loader's class path, default locations. */
  public DataSetModule() {
    this(DataSets.builder());
  }

  /** The datasets {@code settings} describe. */
  public DataSetModule(DataSets.Builder settings) {
    this.settings = settings;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected void configure() {
    Map<String, List<Class<?>>> entities = settings.entities();
    DataSets.Builder s = settings;
    bind(DataSets.class).toProvider(s::open).asEagerSingleton();
    Provider<DataSets> dataSets = getProvider(DataSets.class);
    Set<Class<?>> bound = new HashSet<>();
    for (List<Class<?>> classes : entities.values()) {
      for (Class<?> entity : classes) {
        bindStore(entity, dataSets);
        bound.add(entity);
      }
    }
    bindListener(new StoreOfUnboundEntity(), new RefuseUnboundStore(bound, entities.keySet()));
  }

  private <T> void bindStore(Class<T> entity, Provider<DataSets> dataSets) {
    @SuppressWarnings("unchecked")
    Key<Store<T>> key =
        (Key<Store<T>>) Key.get(TypeLiteral.get(Types.newParameterizedType(Store.class, entity)));
    bind(key).toProvider(() -> dataSets.get().store(entity)).in(Singleton.class);
  }

  /** Matches {@code Store<X>} itself (not subclasses), which Guice builds just in time. */
  private static final class StoreOfUnboundEntity implements Matcher<TypeLiteral<?>> {
    @Override
    public boolean matches(TypeLiteral<?> t) {
      return t.getRawType() == Store.class;
    }
  }

  /**
   * Guice only builds a {@code Store<X>} itself when no binding exists, that is when {@code X} is
   * an entity of no opened dataset: report it as a configuration error naming {@code X}.
   */
  private static final class RefuseUnboundStore implements TypeListener {
    private final Set<Class<?>> bound;
    private final Set<String> names;

    RefuseUnboundStore(Set<Class<?>> bound, Set<String> names) {
      this.bound = bound;
      this.names = names;
    }

    @Override
    public <I> void hear(TypeLiteral<I> type, TypeEncounter<I> encounter) {
      Type t = type.getType();
      Type entity = t instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
      if (entity instanceof Class<?> c && bound.contains(c)) {
        return;
      }
      encounter.addError(
          "%s: %s is not an entity of an opened dataset (opened: %s). Check"
              + " that its dataset's jar is on the class path and that DataSetModule opens its"
              + " dataset.",
          type,
          entity == null ? "its type argument" : entity.getTypeName(),
          String.join(", ", new TreeSet<>(names)));
    }
  }

  /** Settings of a {@link DataSetModule}: those of {@link DataSets.Builder}. */
  public static final class Builder extends DataSetSettings<Builder> {
    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** A module that opens the datasets these settings describe. */
    public DataSetModule build() {
      DataSets.Builder settings = DataSets.builder();
      copyTo(settings);
      return new DataSetModule(settings);
    }
  }
}
