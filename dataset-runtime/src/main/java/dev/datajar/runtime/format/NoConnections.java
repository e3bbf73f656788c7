package dev.datajar.runtime.format;

import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * The connection provider of a model-only session factory (the builder's): it has none to give.
 *
 * <p>The builder asks Hibernate only for the mapping and the binders, and writes through its own
 * connection. Naming this provider explicitly keeps Hibernate from warning, on every build, that it
 * found no way to connect.
 */
public final class NoConnections implements ConnectionProvider {
  private static final long serialVersionUID = 1L;

  @Override
  public Connection getConnection() throws SQLException {
    throw new SQLException(
        "this session factory describes the mapping only and has no"
            + " connections; the builder writes through its own JDBC connection");
  }

  @Override
  public void closeConnection(Connection connection) throws SQLException {
    connection.close();
  }

  @Override
  public boolean supportsAggressiveRelease() {
    return false;
  }

  @Override
  public boolean isUnwrappableAs(Class<?> type) {
    return type.isInstance(this);
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return type.cast(this);
  }
}
