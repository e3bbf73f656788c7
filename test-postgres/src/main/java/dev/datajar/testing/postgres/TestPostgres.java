package dev.datajar.testing.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for the tests of one JVM: a new cluster in a temp folder, started on
 * a free loopback port the first time {@link #get()} is called, stopped and deleted when the JVM
 * exits.
 *
 * <p>It runs the machine's own PostgreSQL binaries (Debian's {@code postgresql} package, which
 * {@code .ci/run} installs). PostgreSQL refuses to run as root, so when the tests run as root the
 * cluster belongs to the {@code postgres} user and every server command runs through {@code
 * runuser}. Durability is switched off ({@code fsync}, {@code synchronous_commit}, {@code
 * full_page_writes}): the data lives as long as the test run.
 *
 * <p>{@code DATAJAR_TEST_JDBC} (or {@code -Ddatajar.test.jdbc}) names a server to use instead, as a
 * JDBC URL of a database whose user may create databases, with {@code DATAJAR_TEST_USER}/{@code
 * DATAJAR_TEST_PASSWORD}. Thread-safe.
 */
public final class TestPostgres {
  private static final String SUPERUSER = "postgres";
  private static TestPostgres shared;

  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String externalDatabase;
  private final AtomicInteger databases = new AtomicInteger();

  private TestPostgres(String host, int port, String user, String password, String db) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.externalDatabase = db;
  }

  /** The server of this JVM, started on first use. */
  public static synchronized TestPostgres get() {
    if (shared == null) {
      String url = setting("datajar.test.jdbc", "DATAJAR_TEST_JDBC");
      shared = url != null ? external(url) : start();
    }
    return shared;
  }

  /** The user tests connect as (a superuser of the private server). */
  public String user() {
    return user;
  }

  /** That user's password, or {@code null} (the private server trusts loopback). */
  public String password() {
    return password;
  }

  public int port() {
    return port;
  }

  /** A JDBC URL of the database {@code name} on this server (which may not exist). */
  public String url(String name) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  /**
   * Creates a new, empty database whose name starts with {@code prefix} and returns its JDBC URL.
   * Each call gives another database, so tests never see each other's schemas.
   */
  public String createDatabase(String prefix) {
    return createDatabase(prefix, "");
  }

  /**
   * {@link #createDatabase(String)} with more clauses of {@code create database}, e.g. {@code
   * locale_provider icu icu_locale 'en'} for a database whose default collation is not the
   * server's.
   */
  public String createDatabase(String prefix, String clauses) {
    String name =
        (prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_")
            + "_"
            + ProcessHandle.current().pid()
            + "_"
            + databases.incrementAndGet());
    try (Connection c = connect(url(externalDatabase));
        Statement s = c.createStatement()) {
      s.execute("create database " + name + " encoding 'UTF8' template template0 " + clauses);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create test database " + name + ": " + e.getMessage(), e);
    }
    return url(name);
  }

  /** A new connection to {@code url} as {@link #user()}. */
  public Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, user, password == null ? "" : password);
  }

  private static TestPostgres external(String url) {
    String rest = url.substring(url.indexOf("//") + 2);
    String hostPort = rest.substring(0, rest.indexOf('/'));
    String db = rest.substring(rest.indexOf('/') + 1).replaceAll("\\?.*", "");
    int colon = hostPort.lastIndexOf(':');
    return new TestPostgres(
        colon < 0 ? hostPort : hostPort.substring(0, colon),
        colon < 0 ? 5432 : Integer.parseInt(hostPort.substring(colon + 1)),
        setting("datajar.test.user", "DATAJAR_TEST_USER"),
        setting("datajar.test.password", "DATAJAR_TEST_PASSWORD"),
        db);
  }

  private static TestPostgres start() {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    try {
      Path dir = Files.createTempDirectory("datajar-pg");
      if (root) {
        UserPrincipal owner =
            dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SUPERUSER);
        Files.setOwner(dir, owner);
      }
      Path data = dir.resolve("data");
      run(
          root,
          dir,
          bin.resolve("initdb").toString(),
          "-D",
          data.toString(),
          "-A",
          "trust",
          "-U",
          SUPERUSER,
          "-E",
          "UTF8",
          "--locale=C.UTF-8",
          "--no-sync");
      IllegalStateException last = null;
      for (int attempt = 0; attempt < 3; attempt++) {
        int port = freePort();
        try {
          run(
              root,
              dir,
              bin.resolve("pg_ctl").toString(),
              "-D",
              data.toString(),
              "-l",
              dir.resolve("server.log").toString(),
              "-w",
              "-t",
              "60",
              "-o",
              "-h 127.0.0.1 -p "
                  + port
                  + " -k "
                  + dir
                  + " -c fsync=off"
                  + " -c synchronous_commit=off -c full_page_writes=off"
                  + " -c max_connections=200",
              "start");
          Runtime.getRuntime()
              .addShutdownHook(
                  new Thread(() -> stop(root, bin, dir), "datajar-test-postgres-stop"));
          return new TestPostgres("127.0.0.1", port, SUPERUSER, null, SUPERUSER);
        } catch (IllegalStateException e) {
          last = e; // most likely another process took the port in between: try another
        }
      }
      throw last;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up a test PostgreSQL cluster", e);
    }
  }

  private static void stop(boolean root, Path bin, Path dir) {
    try {
      run(
          root,
          dir,
          bin.resolve("pg_ctl").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-m",
          "immediate",
          "-w",
          "stop");
    } catch (RuntimeException e) {
      System.err.println("datajar test PostgreSQL: " + e.getMessage());
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("datajar test PostgreSQL: cannot delete " + dir + ": " + e);
    }
  }

  /** The newest {@code /usr/lib/postgresql/<version>/bin}, or where {@code pg_ctl} is. */
  static Path binaries() {
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Path newest =
            versions
                .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                .max(Comparator.comparingInt(TestPostgres::majorVersion))
                .orElse(null);
        if (newest != null) {
          return newest.resolve("bin");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!p.isEmpty()
          && Files.isExecutable(Path.of(p, "initdb"))
          && Files.isExecutable(Path.of(p, "pg_ctl"))) {
        return Path.of(p);
      }
    }
    throw new IllegalStateException(
        "The PostgreSQL tests need a PostgreSQL server's programs"
            + " (initdb, pg_ctl), and none were found in /usr/lib/postgresql/*/bin or on the PATH."
            + " Install them (Debian/Ubuntu: apt-get install postgresql; .ci/run does this), or"
            + " set DATAJAR_TEST_JDBC to the JDBC URL of a server to use.");
  }

  private static int majorVersion(Path p) {
    try {
      return Integer.parseInt(p.getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void run(boolean root, Path dir, String... command) {
    List<String> cmd = new ArrayList<>();
    if (root) {
      cmd.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
    }
    cmd.addAll(List.of(command));
    try {
      Path out = Files.createTempFile("datajar-pg", ".out");
      try {
        Process p =
            new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException(String.join(" ", cmd) + " did not finish in 120 s");
        }
        if (p.exitValue() != 0) {
          String log = Files.readString(out, StandardCharsets.UTF_8);
          Path serverLog = dir.resolve("server.log");
          if (Files.exists(serverLog)) {
            log += Files.readString(serverLog, StandardCharsets.UTF_8);
          }
          throw new IllegalStateException(
              String.join(" ", cmd) + " failed (exit " + p.exitValue() + "):\n" + log);
        }
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", cmd), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", cmd), e);
    }
  }

  private static String setting(String property, String env) {
    String v = System.getProperty(property);
    return v != null && !v.isBlank() ? v : System.getenv(env);
  }
}
