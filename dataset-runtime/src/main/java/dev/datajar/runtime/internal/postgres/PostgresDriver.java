package dev.datajar.runtime.internal.postgres;

import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.internal.core.QueryTimeLimit;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * pgjdbc, which the runtime declares optional: a dataset read from PostgreSQL needs it on the class
 * path, every other one never loads a class of it. {@link #require} says at opening which
 * dependency is missing; {@link #canceller} is the one place outside this package's SQL code where
 * a pgjdbc type is named, so that loading the time limit loads none.
 */
public final class PostgresDriver {
  /**
   * The pgjdbc version datajar is built and tested with (the root pom's {@code pgjdbc.version});
   * PostgresDriverTest checks that the two agree.
   */
  public static final String VERSION = "42.7.14";

  /** The class pgjdbc's jar registers with {@link java.sql.DriverManager}. */
  static final String DRIVER_CLASS = "org.postgresql.Driver";

  private PostgresDriver() {}

  /**
   * Fails with a message naming the dependency to add unless pgjdbc can be loaded where the runtime
   * is loaded (the class loader that links the runtime's PostgreSQL code to it).
   *
   * @param where the URL and where it was given, e.g. {@code jdbc:postgresql://db/ref (from
   *     -Ddatajar.geo.jdbc)}
   */
  public static void require(String dataSet, String where) {
    require(dataSet, where, PostgresDriver.class.getClassLoader());
  }

  static void require(String dataSet, String where, ClassLoader loader) {
    try {
      Class.forName(DRIVER_CLASS, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new DataSetOpenException(
          dataSet,
          "is to be read from PostgreSQL ("
              + where
              + "), but the PostgreSQL JDBC driver is not on the class path ("
              + DRIVER_CLASS
              + " not found). Add the dependency org.postgresql:postgresql:"
              + VERSION
              + " (Maven: <dependency><groupId>org.postgresql</groupId>"
              + "<artifactId>postgresql</artifactId><version>"
              + VERSION
              + "</version></dependency>); dev.datajar:dataset-runtime declares it optional.",
          e);
    }
  }

  /**
   * The cancel of {@code jdbc}'s running statement (pgjdbc's {@link PGConnection#cancelQuery()},
   * which sends it over a connection of its own), or {@code null} if {@code jdbc} is not pgjdbc's.
   */
  public static QueryTimeLimit.Canceller canceller(Connection jdbc) throws SQLException {
    if (!jdbc.isWrapperFor(PGConnection.class)) {
      return null;
    }
    PGConnection pg = jdbc.unwrap(PGConnection.class);
    return pg::cancelQuery;
  }
}
