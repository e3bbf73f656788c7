package dev.datajar.runtime.format;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens SQLite files the two ways datajar uses them: for writing while a dataset is built, and
 * read-only once it is shipped.
 *
 * <p>Every connection gets the {@link DecimalText#COLLATION} collation. The JDBC URL is always made
 * here from a {@link Path} (as a percent-encoded {@code file:} URI, so no character of a path can
 * add URI parameters); no URL from outside input is ever used, and extension loading stays off.
 */
public final class SqliteFiles {
  private SqliteFiles() {}

  /**
   * A connection for building {@code file}: one writer, no journal, no fsync, a large page cache.
   * Nothing here is durable until the builder has finished and renamed the file, which is why
   * durability can be traded for speed.
   */
  public static Connection openForBuild(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.OFF);
    config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
    config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    config.setCacheSize(-262_144); // KiB: 256 MiB of native page cache, not Java heap
    config.setPageSize(4096);
    config.setEncoding(SQLiteConfig.Encoding.UTF8);
    config.enableLoadExtension(false);
    // sqlite-jdbc otherwise runs "select last_insert_rowid()" after every insert in case
    // someone asks for generated keys; the builder never does, and it halved the load speed.
    config.setGetGeneratedKeys(false);
    Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    DecimalText.register(c);
    return c;
  }

  /**
   * A connection that can only read {@code file}: opened read-only and immutable (SQLite takes no
   * locks and never looks for a journal, which is safe because datajar files never change once
   * written), with {@code query_only} set and the file memory-mapped. {@link
   * Connection#isReadOnly()} reports {@code true}.
   */
  public static Connection openReadOnly(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.OPEN_URI);
    config.enableLoadExtension(false);
    String uri = file.toAbsolutePath().normalize().toUri().toString(); // file:///…, encoded
    Connection c = config.createConnection("jdbc:sqlite:" + uri + "?mode=ro&immutable=1");
    try (Statement s = c.createStatement()) {
      s.execute("pragma query_only = 1");
      s.execute("pragma mmap_size = 1073741824");
      s.execute("pragma cache_size = -16384");
    }
    DecimalText.register(c);
    return c;
  }

  /**
   * Opens and closes an in-memory database the way {@link #openReadOnly} opens files, so that the
   * driver's classes and SQLite's native library (which sqlite-jdbc extracts from its jar and loads
   * on first use) are ready before the first real connection. Runs on a thread of its own while a
   * dataset is located or copied; see {@code DriverWarmUp}.
   */
  public static void warmUp() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.enableLoadExtension(false);
    try (Connection c = config.createConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement()) {
      DecimalText.register(c);
      s.execute("pragma query_only = 1");
    }
  }

  /** A {@link DataSource} whose every connection comes from {@link #openReadOnly(Path)}. */
  public static DataSource readOnlyDataSource(Path file) {
    return new ReadOnlyDataSource(file);
  }

  private static final class ReadOnlyDataSource implements DataSource {
    private final Path file;
    // Opening a file takes no login, but pools read this as how long to wait for connection
    // work in progress: HikariCP waits that long for its fill tasks when it closes, and 0 made
    // it warn "Timed-out waiting for add connection executor" on every close.
    private volatile int loginTimeoutSeconds = 5;

    ReadOnlyDataSource(Path file) {
      this.file = file;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return openReadOnly(file);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return openReadOnly(file);
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {
      if (seconds > 0) {
        loginTimeoutSeconds = seconds;
      }
    }

    @Override
    public int getLoginTimeout() {
      return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      if (type.isInstance(this)) {
        return type.cast(this);
      }
      throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return type.isInstance(this);
    }

    @Override
    public String toString() {
      return "read-only SQLite " + file;
    }
  }
}
