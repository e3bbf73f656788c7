package dev.datajar.benchmarks.read;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.util.Types;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.Store;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The child-JVM side of {@link StartupBenchmark}: does one start-up and its first result, prints
 * {@code RESULT mainMs=<ms from main to the result> value=<what it found>} and exits at once.
 *
 * <p>Written to load nothing the measured work does not load itself: no lambdas, no {@code
 * String.format}, no string concatenation with {@code +} (javac compiles all three to {@code
 * invokedynamic}, whose bootstrap costs tens of milliseconds in a fresh JVM and would inflate the
 * small plain-JDBC figure), no logging set-up, no management beans. It uses only the public datajar
 * API a service uses ({@link DataSetModule}, {@link Store}) and Guice, so it keeps working while
 * the runtime behind them changes. The harness copies this class and its nested classes into a
 * small jar of their own, so the child's class path is what a service would have.
 *
 * <p>Variants (first argument):
 *
 * <ul>
 *   <li>{@code datajar-get <entity class> <id>}: {@code Guice.createInjector(new DataSetModule())},
 *       the injected {@code Store<entity>}, {@code get(id)};
 *   <li>{@code datajar-hql <entity class> <hql> <param>}: the same injector, then the first {@code
 *       Store.query(hql, entity, param)};
 *   <li>{@code datajar-call <class> <method> <param>}: the same injector, then {@code
 *       injector.getInstance(class).method(param)}, a service's own lookup over its stores (a list
 *       answer reports its first element);
 *   <li>{@code jdbc <sqlite file> <sql> <param>}: plain sqlite-jdbc, one connection, one query;
 *   <li>{@code guice-jdbc <sqlite file> <sql> <param>}: a Guice injector whose one binding, an
 *       eager singleton, opens that connection, then the same query;
 *   <li>{@code copy <jar> <entry> <scratch file>}: copies the entry out of the jar (as the
 *       runtime's cache does on a cold start), then hashes the copy with sha256, and reports both
 *       times ({@code copyMs}, {@code sha256Ms}).
 * </ul>
 *
 * An id or parameter written {@code long:1} is passed as a {@code Long}; {@code
 * key:<class>:<a>|<b>} as a composite key, {@code new class(a, b)} (an {@code @IdClass} with a
 * constructor taking its parts as strings); {@code strings:<a>|<b>} as several strings, bound to
 * the plain JDBC variants' parameters in turn; anything else as one string. The value reported is
 * the row's {@code name} (column, {@code getName()}, or {@code getOrganizationName()} for the IEEE
 * registries), so the harness can check that every variant found the same row.
 */
// StringBuilder, not +: see the second paragraph above.
@SuppressWarnings("UnnecessaryStringBuilder")
public final class StartupProbe {
  private StartupProbe() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    String value;
    switch (args[0]) {
      case "datajar-get" -> value = datajarGet(Class.forName(args[1]), parameter(args[2]));
      case "datajar-hql" -> value = datajarHql(Class.forName(args[1]), args[2], parameter(args[3]));
      case "datajar-call" ->
          value = datajarCall(Class.forName(args[1]), args[2], parameter(args[3]));
      case "jdbc" -> value = new JdbcLookup(args[1]).find(args[2], parameter(args[3]));
      case "guice-jdbc" -> value = guiceJdbc(args[1], args[2], parameter(args[3]));
      case "copy" -> {
        copy(Path.of(args[1]), args[2], Path.of(args[3]));
        value = "copied";
      }
      default ->
          throw new IllegalArgumentException(
              new StringBuilder("unknown variant '").append(args[0]).append('\'').toString());
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    System.out.println(
        new StringBuilder("RESULT mainMs=")
            .append(millis)
            .append(" value=")
            .append(value)
            .toString());
    // The service would go on serving; the measurement ends here. exit() rather than return,
    // so that no thread left running by the code under test keeps the JVM alive.
    System.exit(0);
  }

  private static String datajarGet(Class<?> entity, Object id) throws Exception {
    Store<?> store = openStore(entity);
    return name(store.get(id).orElse(null));
  }

  private static String datajarHql(Class<?> entity, String hql, Object param) throws Exception {
    Store<?> store = openStore(entity);
    List<?> rows = store.query(hql, entity, param);
    return name(rows.isEmpty() ? null : rows.get(0));
  }

  private static String datajarCall(Class<?> service, String method, Object param)
      throws Exception {
    Object instance = Guice.createInjector(new DataSetModule()).getInstance(service);
    Object answer = service.getMethod(method, param.getClass()).invoke(instance, param);
    if (answer instanceof List<?> list) {
      answer = list.isEmpty() ? null : list.get(0);
    }
    return name(answer);
  }

  private static Store<?> openStore(Class<?> entity) {
    Injector injector = Guice.createInjector(new DataSetModule());
    return (Store<?>)
        injector.getInstance(Key.get(Types.newParameterizedType(Store.class, entity)));
  }

  private static String guiceJdbc(String file, String sql, Object param) throws SQLException {
    Injector injector = Guice.createInjector(new FloorModule(file));
    return injector.getInstance(JdbcLookup.class).find(sql, param);
  }

  private static Object parameter(String text) throws Exception {
    if (text.startsWith("long:")) {
      return Long.valueOf(text.substring(5));
    }
    if (text.startsWith("strings:")) {
      return text.substring(8).split("\\|", -1);
    }
    if (text.startsWith("key:")) {
      int colon = text.indexOf(':', 4);
      String[] parts = text.substring(colon + 1).split("\\|", -1);
      Class<?>[] types = new Class<?>[parts.length];
      for (int i = 0; i < parts.length; i++) {
        types[i] = String.class;
      }
      return Class.forName(text.substring(4, colon))
          .getConstructor(types)
          .newInstance((Object[]) parts);
    }
    return text;
  }

  private static String name(Object entity) throws Exception {
    if (entity == null) {
      return "(none)";
    }
    Method getter;
    try {
      getter = entity.getClass().getMethod("getName");
    } catch (NoSuchMethodException e) {
      getter = entity.getClass().getMethod("getOrganizationName");
    }
    return String.valueOf(getter.invoke(entity));
  }

  private static void copy(Path jar, String entry, Path target) throws Exception {
    long t0 = System.nanoTime();
    long bytes;
    try (JarFile file = new JarFile(jar.toFile())) {
      ZipEntry e = file.getEntry(entry);
      if (e == null) {
        throw new IllegalArgumentException(
            new StringBuilder().append(jar).append(" has no ").append(entry).toString());
      }
      try (InputStream in = file.getInputStream(e);
          OutputStream out = Files.newOutputStream(target)) {
        bytes = in.transferTo(out);
      }
    }
    long t1 = System.nanoTime();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(target)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
    }
    sha.digest();
    long t2 = System.nanoTime();
    Files.delete(target);
    System.out.println(
        new StringBuilder("RESULT copyMs=")
            .append((t1 - t0) / 1_000_000)
            .append(" sha256Ms=")
            .append((t2 - t1) / 1_000_000)
            .append(" bytes=")
            .append(bytes)
            .toString());
  }

  /**
   * One plain sqlite-jdbc connection and one query; the connection stays open, as a service's
   * would. Reads every column of the row, as loading an entity does.
   */
  static final class JdbcLookup {
    private final Connection connection;

    JdbcLookup(String file) throws SQLException {
      connection = DriverManager.getConnection("jdbc:sqlite:".concat(file));
    }

    String find(String sql, Object param) throws SQLException {
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        if (param instanceof String[] values) {
          for (int i = 0; i < values.length; i++) {
            ps.setString(i + 1, values[i]);
          }
        } else {
          ps.setObject(1, param);
        }
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return "(none)";
          }
          int columns = rs.getMetaData().getColumnCount();
          for (int i = 1; i <= columns; i++) {
            rs.getObject(i);
          }
          return rs.getString("name");
        }
      }
    }
  }

  /** The floor with Guice: one binding, an eager singleton that opens the connection. */
  static final class FloorModule extends AbstractModule {
    private final String file;

    FloorModule(String file) {
      this.file = file;
    }

    @Override
    protected void configure() {
      bind(JdbcLookup.class).toProvider(new LookupProvider(file)).asEagerSingleton();
    }
  }

  static final class LookupProvider implements Provider<JdbcLookup> {
    private final String file;

    LookupProvider(String file) {
      this.file = file;
    }

    @Override
    public JdbcLookup get() {
      try {
        return new JdbcLookup(file);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
