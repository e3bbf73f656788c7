package dev.datajar.testing.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.Driver;

/**
 * A private PostgreSQL server for the tests of one JVM: a new cluster in a temp folder, started on
 * a free loopback port the first time {@link #get()} is called, stopped and deleted when the JVM
 * exits.
 *
 * <p>The server's programs come through Maven (PostgreSQL 17, see {@link PostgresPrograms}), so the
 * machine needs no PostgreSQL of its own; {@code -Ddatajar.test.postgres.bin=DIR} (or {@code
 * DATAJAR_TEST_POSTGRES_BIN}) runs other programs instead. PostgreSQL refuses to run as root, so
 * when the tests run as root the cluster belongs to the {@code postgres} user, or to {@code nobody}
 * where there is no such user, and every server command runs through {@code runuser} (see {@link
 * LocalServer}). Durability is switched off ({@code fsync}, {@code synchronous_commit}, {@code
 * full_page_writes}): the data lives as long as the test run.
 *
 * <p>{@code DATAJAR_TEST_JDBC} (or {@code -Ddatajar.test.jdbc}) names a server to use instead, as a
 * JDBC URL of a database whose user may create databases, with {@code DATAJAR_TEST_USER}/{@code
 * DATAJAR_TEST_PASSWORD}. Thread-safe.
 */
public final class TestPostgres {
  private static final String SUPERUSER = LocalServer.SUPERUSER;
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
    // pgjdbc's Driver itself, not DriverManager: in a Maven JVM (invoker scripts) DriverManager
    // may hold only a driver registered by another class loader, and then refuses this caller.
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password == null ? "" : password);
    Connection c = new Driver().connect(url, p);
    if (c == null) {
      throw new SQLException("not a PostgreSQL JDBC URL: " + url);
    }
    return c;
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
    LocalServer server = LocalServer.create(PostgresPrograms.bin(), LocalServer.defaultOsUser());
    server.initdb();
    server.start();
    return of(server);
  }

  /** A handle on a server this JVM started (its superuser, trusted on loopback). */
  static TestPostgres of(LocalServer server) {
    return new TestPostgres("127.0.0.1", server.port(), SUPERUSER, null, SUPERUSER);
  }

  static String setting(String property, String env) {
    String v = System.getProperty(property);
    return v != null && !v.isBlank() ? v : System.getenv(env);
  }
}
