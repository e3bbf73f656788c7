package dev.datajar.builder.internal.postgres;

import dev.datajar.builder.BuildLog;
import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.PostgresTarget;
import dev.datajar.builder.internal.RowSink;
import dev.datajar.builder.internal.source.Problems;
import dev.datajar.runtime.format.HibernateSetup;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.SchemaModel;
import dev.datajar.runtime.format.TableModel;
import dev.datajar.runtime.internal.postgres.PostgresFormat;
import dev.datajar.runtime.internal.postgres.PostgresSchemas;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Loads a dataset into a new PostgreSQL schema, in one transaction, while the build writes and
 * checks it in its SQLite work file: {@link #open} creates the schema and the bare tables (from the
 * entities through PostgreSQL's Hibernate dialect), {@link #table} gives the load a {@link RowSink}
 * whose rows go into {@code COPY} on a thread of their own, {@link #keys} has the server add
 * primary keys, indexes, foreign keys and {@code ANALYZE} while the build checks its SQLite file,
 * and {@link #finish}, called once every check of the build has passed, writes the {@code
 * datajar_metadata} table and a row in {@code datajar.datasets}, and commits.
 *
 * <p>The SQLite file still decides what is valid (types, NOT NULL, keys, unique constraints,
 * references, with the file, line and column of each problem); PostgreSQL receives only rows SQLite
 * took, and its keys and references come after the load, so a row the build later refuses never
 * fails the {@code COPY}. Until the commit no other session sees the schema; {@link #close} without
 * {@link #finish} (a failed build) rolls everything back.
 */
public final class PostgresLoad implements AutoCloseable {
  private final String dataSet;
  private final PostgresTarget target;
  private final BuildLog log;
  private final SchemaModel pg;
  private final String base;
  private final String loading;
  private final MessageDigest rows = sha256();
  private final Problems problems;
  private Connection connection;
  private CopyThread copies;
  private boolean done;

  private PostgresLoad(String dataSet, PostgresTarget target, BuildLog log, SchemaModel pg) {
    this.dataSet = dataSet;
    this.target = target;
    this.log = log;
    this.pg = pg;
    this.base = PostgresSchemas.baseName(dataSet, target.version());
    this.loading = PostgresSchemas.loadingName(base);
    this.problems = new Problems(dataSet, "the rows for PostgreSQL");
  }

  /**
   * Maps the entities for PostgreSQL, connects, and creates the loading schema with its tables (not
   * yet visible to anyone else). Slow (a Hibernate boot and a connection), so the build runs it
   * beside its own start.
   */
  public static PostgresLoad open(
      String dataSet,
      PostgresTarget target,
      BuildLog log,
      List<Class<?>> entities,
      ClassLoader classLoader)
      throws SQLException, DataSetBuildException {
    SchemaModel pg;
    try (HibernateSetup.Booted model =
        HibernateSetup.boot(dataSet, entities, null, classLoader, PostgresFormat.settings())) {
      pg = model.schema();
    }
    PostgresLoad load = new PostgresLoad(dataSet, target, log, pg);
    load.connection = load.connect();
    try {
      load.connection.setAutoCommit(false);
      execute(load.connection, "create schema " + TableModel.quote(load.loading));
      for (TableModel t : pg.tables()) {
        execute(load.connection, PostgresTables.create(load.loading, t));
      }
      load.copies = new CopyThread(load.connection, load.loading, load.rows, load.problems);
      load.copies.start();
    } catch (SQLException | RuntimeException e) {
      load.close();
      throw e;
    }
    return load;
  }

  /**
   * Starts the {@code COPY} of one table; the returned sink takes its rows, in {@code
   * sqliteTable}'s column order, and {@link TableCopy#end} ends it.
   */
  public TableCopy table(TableModel sqliteTable) throws SQLException {
    TableModel to =
        pg.table(sqliteTable.name())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no PostgreSQL table for SQLite table " + sqliteTable.name()));
    copies.startTable(sqliteTable, to);
    return new TableCopy(copies);
  }

  /** The rows of one table on their way into {@code COPY}. */
  public static final class TableCopy implements RowSink {
    private final CopyThread copies;

    private TableCopy(CopyThread copies) {
      this.copies = copies;
    }

    @Override
    public void accept(Object[][] rows, int count) throws SQLException {
      copies.rows(rows, count);
    }

    /** Ends the table's {@code COPY} (queued: returns at once). */
    public void end() throws SQLException {
      copies.endTable();
    }
  }

  /**
   * Once every table's rows are queued: queues primary keys, indexes, foreign keys and {@code
   * ANALYZE}, which the server builds while the build checks its SQLite file (on two cores, the
   * server's work and SQLite's then overlap). If a check fails, {@link #close} rolls them back; if
   * PostgreSQL refuses one (a duplicate the SQLite check also finds), the build's own message comes
   * first.
   */
  public void keys() throws SQLException {
    List<String> sql = new ArrayList<>();
    for (TableModel t : pg.tables()) {
      sql.addAll(PostgresTables.indexes(loading, t));
    }
    for (TableModel t : pg.tables()) {
      sql.addAll(PostgresTables.foreignKeys(loading, t));
      sql.add("analyze " + PostgresTables.table(loading, t.name()));
    }
    copies.statements(sql);
  }

  /**
   * Once the build's checks have passed: waits for the rows and {@link #keys}, then writes the
   * metadata and commits, which makes the schema visible under its final name.
   *
   * @return where the dataset now lives, for the manifest
   */
  public Manifest.Postgres finish(String datajarVersion)
      throws SQLException, DataSetBuildException {
    long n;
    try {
      n = copies.drain();
    } catch (SQLException e) {
      problems.throwIfAny(); // a row left out can fail a key or reference: the reason comes first
      throw e;
    }
    log.debug("dataset '" + dataSet + "': PostgreSQL COPY: " + n + " rows");
    problems.throwIfAny();
    Connection c = connection;
    String sha = HexFormat.of().formatHex(rows.digest());
    String schema = PostgresSchemas.finalName(base, sha, pg.fingerprint());
    if (PostgresSchemas.exists(c, schema)) {
      checkReused(c, schema, sha);
      c.rollback(); // the same rows and tables are already there, under the same name
      done = true;
      log.debug(
          "dataset '" + dataSet + "': PostgreSQL schema " + schema + " already holds these rows");
      return new Manifest.Postgres(schema, sha, pg.fingerprint());
    }
    PostgresSchemas.writeMetadata(
        c, loading, dataSet, target.version(), sha, pg.fingerprint(), datajarVersion);
    execute(
        c, "alter schema " + TableModel.quote(loading) + " rename to " + TableModel.quote(schema));
    PostgresSchemas.register(c, schema, dataSet, target.version(), sha);
    c.commit();
    done = true;
    return new Manifest.Postgres(schema, sha, pg.fingerprint());
  }

  /**
   * A schema of the same name should hold these rows in these tables (its name hashes both); one
   * that records anything else was made or changed by hand, and is never reused.
   */
  private void checkReused(Connection c, String schema, String sha)
      throws SQLException, DataSetBuildException {
    Map<String, String> meta = PostgresSchemas.readMetadata(c, schema);
    if (sha.equals(meta.get(PostgresSchemas.ROWS_SHA256))
        && pg.fingerprint().equals(meta.get(PostgresSchemas.SCHEMA_FINGERPRINT))) {
      return;
    }
    c.rollback();
    done = true;
    throw new DataSetBuildException(
        "dataset '"
            + dataSet
            + "': PostgreSQL schema "
            + schema
            + " already exists but does not record this build's rows and tables (rows_sha256 "
            + meta.get(PostgresSchemas.ROWS_SHA256)
            + ", schema_fingerprint "
            + meta.get(PostgresSchemas.SCHEMA_FINGERPRINT)
            + " in its "
            + PostgresSchemas.METADATA_TABLE
            + "; this build has "
            + sha
            + " and "
            + pg.fingerprint()
            + "). It was not made by datajar, or was changed since. Drop it (drop schema "
            + schema
            + " cascade) and build again.");
  }

  /** Rolls back unless {@link #finish} committed, and closes the connection. */
  @Override
  public void close() throws SQLException {
    if (copies != null && copies.isAlive()) {
      copies.abort();
    }
    if (connection == null) {
      return;
    }
    try (Connection c = connection) {
      if (!done) {
        c.rollback();
      }
    }
  }

  private Connection connect() throws DataSetBuildException {
    Properties p = new Properties();
    if (target.user() != null) {
      p.setProperty("user", target.user());
    }
    if (target.password() != null) {
      p.setProperty("password", target.password());
    }
    try {
      return DriverManager.getConnection(target.url(), p);
    } catch (SQLException e) {
      throw new DataSetBuildException(
          "dataset '"
              + dataSet
              + "': cannot connect to "
              + target.url()
              + " as "
              + (target.user() == null ? "the default user" : "'" + target.user() + "'")
              + ": "
              + String.valueOf(e.getMessage()).replaceFirst("\\.\\s*$", "") // one period
              + ". Check the URL (dataset.jdbc.url) and the credentials"
              + " (DATAJAR_JDBC_USER/DATAJAR_JDBC_PASSWORD, or a <server> in settings.xml named by"
              + " dataset.jdbc.server)",
          e);
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
