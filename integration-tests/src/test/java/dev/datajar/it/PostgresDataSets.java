package dev.datajar.it;

import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.DataSetBuilder;
import dev.datajar.builder.PostgresTarget;
import dev.datajar.builder.TableSettings;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.testing.postgres.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The fixture datasets built into a database of the test PostgreSQL server by the builder, with the
 * settings the pom gives the plugin, and a module that reads them from there.
 *
 * <p>{@code -Ddatajar.it.engine=postgres} (the pom's {@code postgres} execution) makes {@link
 * Injectors#shared()} use this module, so the same tests run against PostgreSQL. The manifests of
 * this build (which name the schema) are put before the class path's own.
 */
final class PostgresDataSets {
  static final Set<String> NAMES = Set.of("shop", "lobs");

  private PostgresDataSets() {}

  static boolean selected() {
    return "postgres".equals(System.getProperty("datajar.it.engine"));
  }

  /** Builds the datasets into a new database and returns a module bound to it. */
  static DataSetModule module() {
    Built b = build();
    DataSetModule.Builder m = DataSetModule.builder().classLoader(b.classLoader());
    NAMES.forEach(n -> m.dataSets(n).jdbc(n, b.url()));
    return m.build();
  }

  /**
   * Datasets built into PostgreSQL: the database's URL (with the user), a class loader that finds
   * their manifests first, and the folder that holds them ({@code META-INF/datasets/}).
   */
  record Built(String url, ClassLoader classLoader, Path folder) {}

  static Built build() {
    TestPostgres pg = TestPostgres.get();
    return build(pg.createDatabase("it"), pg.user());
  }

  /** {@link #build()} into the database {@code url}, built by (and read as) {@code user}. */
  static Built build(String url, String user) {
    return build(url, user, TestPostgres.get().password());
  }

  /** {@link #build(String, String)} with the user's password ({@code null}: none). */
  static Built build(String url, String user, String password) {
    try {
      Path out = Files.createTempDirectory("datajar-it-pg");
      new DataSetBuilder()
          .build(
              BuildRequest.builder()
                  .classesDirectory(Path.of("target/classes"))
                  .classLoader(PostgresDataSets.class.getClassLoader())
                  .sourceDirectory(Path.of("src/main/datasets"))
                  .outputDirectory(out.resolve("META-INF/datasets"))
                  .workDirectory(out.resolve("work"))
                  .dataSets(NAMES)
                  .tables(
                      List.of(
                          new TableSettings(
                              "shop",
                              "category",
                              Path.of("catalog.json"),
                              null,
                              "/data/categories",
                              Map.of()),
                          new TableSettings(
                              "shop", "product", null, null, null, Map.of("currency", "EUR"))))
                  .force(true)
                  .postgres(new PostgresTarget(url, user, password, "1.0"))
                  .build());
      return new Built(
          url + "?user=" + user,
          new ManifestsFirst(out, PostgresDataSets.class.getClassLoader()),
          out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot build the fixtures into PostgreSQL: " + e, e);
    }
  }

  /**
   * Finds {@code META-INF/datasets/*} in a folder (or wherever {@code own} finds them, e.g. a jar)
   * before its parent's class path.
   */
  static final class ManifestsFirst extends ClassLoader {
    private final Function<String, URL> own;

    ManifestsFirst(Path root, ClassLoader parent) {
      this(name -> inFolder(root, name), parent);
    }

    /** {@code own}: the resource of that name, or {@code null}. */
    ManifestsFirst(Function<String, URL> own, ClassLoader parent) {
      super(parent);
      this.own = own;
    }

    @Override
    public URL getResource(String name) {
      URL found = own(name);
      return found != null ? found : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      URL found = own(name);
      return found != null ? Collections.enumeration(List.of(found)) : super.getResources(name);
    }

    private URL own(String name) {
      return name.startsWith("META-INF/datasets/") ? own.apply(name) : null;
    }

    private static URL inFolder(Path root, String name) {
      Path p = root.resolve(name);
      try {
        return Files.isRegularFile(p) ? p.toUri().toURL() : null;
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
