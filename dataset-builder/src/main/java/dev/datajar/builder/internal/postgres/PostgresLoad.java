package dev.datajar.builder.internal.postgres;

import dev.datajar.builder.BuildLog;
import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.PostgresTarget;
import dev.datajar.builder.internal.source.Problems;
import dev.datajar.runtime.format.ColumnModel;
import dev.datajar.runtime.format.HibernateSetup;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.SchemaModel;
import dev.datajar.runtime.format.TableModel;
import dev.datajar.runtime.postgres.PostgresFormat;
import dev.datajar.runtime.postgres.PostgresSchemas;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads a dataset that the builder has loaded and checked in its SQLite work file into a new
 * PostgreSQL schema, in one transaction: tables from the entities through PostgreSQL's Hibernate
 * dialect, rows with {@code COPY}, then indexes, foreign keys, {@code ANALYZE}, the {@code
 * datajar_metadata} table and a row in {@code datajar.datasets}.
 *
 * <p>The SQLite file has already passed every check of the build (types, NOT NULL, keys, unique
 * constraints, references), with the file, line and column of each problem, so PostgreSQL receives
 * only rows that satisfy its constraints too. Until the commit no other session sees the schema; a
 * failure rolls everything back.
 */
public final class PostgresLoad {
  /** Bytes of COPY text gathered before each write to the server. */
  private static final int CHUNK = 1 << 16;

  private final String dataSet;
  private final PostgresTarget target;
  private final BuildLog log;

  public PostgresLoad(String dataSet, PostgresTarget target, BuildLog log) {
    this.dataSet = dataSet;
    this.target = target;
    this.log = log;
  }

  /**
   * Copies every table of {@code sqlite} (described by {@code sqliteSchema}) into PostgreSQL.
   *
   * @return where the dataset now lives, for the manifest
   */
  public Manifest.Postgres load(
      Connection sqlite,
      SchemaModel sqliteSchema,
      List<Class<?>> entities,
      ClassLoader classLoader,
      String datajarVersion)
      throws SQLException, DataSetBuildException {
    SchemaModel pg;
    try (HibernateSetup.Booted model =
        HibernateSetup.boot(dataSet, entities, null, classLoader, PostgresFormat.settings())) {
      pg = model.schema();
    }
    String base = PostgresSchemas.baseName(dataSet, target.version());
    String loading = PostgresSchemas.loadingName(base);
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try {
        execute(c, "create schema " + TableModel.quote(loading));
        MessageDigest rows = sha256();
        Problems problems = new Problems(dataSet, "the rows for PostgreSQL");
        for (TableModel t : pg.tables()) {
          execute(c, PostgresTables.create(loading, t));
          TableModel source = sqliteSchema.table(t.name()).orElseThrow();
          long n = copy(sqlite, source, c, loading, t, rows, problems);
          log.debug(
              "dataset '" + dataSet + "': PostgreSQL table '" + t.name() + "': " + n + " rows");
        }
        problems.throwIfAny();
        for (TableModel t : pg.tables()) {
          for (String sql : PostgresTables.indexes(loading, t)) {
            execute(c, sql);
          }
        }
        for (TableModel t : pg.tables()) {
          for (String sql : PostgresTables.foreignKeys(loading, t)) {
            execute(c, sql);
          }
          execute(c, "analyze " + PostgresTables.table(loading, t.name()));
        }
        String sha = HexFormat.of().formatHex(rows.digest());
        String schema = PostgresSchemas.finalName(base, sha);
        if (PostgresSchemas.exists(c, schema)) {
          c.rollback(); // the same rows are already there, under the same name
          log.debug(
              "dataset '"
                  + dataSet
                  + "': PostgreSQL schema "
                  + schema
                  + " already holds these rows");
          return new Manifest.Postgres(schema, sha, pg.fingerprint());
        }
        PostgresSchemas.writeMetadata(
            c, loading, dataSet, target.version(), sha, pg.fingerprint(), datajarVersion);
        execute(
            c,
            "alter schema " + TableModel.quote(loading) + " rename to " + TableModel.quote(schema));
        PostgresSchemas.register(c, schema, dataSet, target.version(), sha);
        c.commit();
        return new Manifest.Postgres(schema, sha, pg.fingerprint());
      } catch (SQLException | DataSetBuildException | RuntimeException e) {
        c.rollback();
        throw e;
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
              + e.getMessage()
              + ". Check the URL (dataset.jdbc.url) and the credentials"
              + " (DATAJAR_JDBC_USER/DATAJAR_JDBC_PASSWORD, or a <server> in settings.xml named by"
              + " dataset.jdbc.server)",
          e);
    }
  }

  /** Streams one table's rows from SQLite into {@code COPY}; returns the number of rows. */
  private long copy(
      Connection sqlite,
      TableModel from,
      Connection pg,
      String schema,
      TableModel to,
      MessageDigest digest,
      Problems problems)
      throws SQLException {
    int[] sourceIndex = new int[to.columns().size()];
    boolean[] ordinal = new boolean[sourceIndex.length];
    for (int i = 0; i < sourceIndex.length; i++) {
      ColumnModel c = to.columns().get(i);
      String name = c.name();
      if (from.column(name).isEmpty() && name.endsWith("_tz")) {
        name = name.substring(0, name.length() - 3); // the offset of a time-zone column
      }
      ColumnModel s =
          from.column(name)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "no SQLite column for PostgreSQL column " + to.name() + "." + c.name()));
      sourceIndex[i] = from.columns().indexOf(s);
      ordinal[i] = c.declaredType().matches("(smallint|integer|tinyint|bigint).*");
    }
    String order =
        from.primaryKey().isEmpty()
            ? PostgresTables.names(names(from))
            : PostgresTables.names(from.primaryKey());
    String select =
        "select "
            + PostgresTables.names(names(from))
            + " from "
            + TableModel.quote(from.name())
            + " order by "
            + order;
    CopyIn copy =
        pg.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(
                "copy "
                    + PostgresTables.table(schema, to.name())
                    + " ("
                    + PostgresTables.names(names(to))
                    + ") from stdin");
    long n = 0;
    try (Statement s = sqlite.createStatement();
        ResultSet rs = s.executeQuery(select)) {
      StringBuilder text = new StringBuilder(CHUNK + 4096);
      Object[] values = new Object[from.columns().size()];
      while (rs.next()) {
        for (int i = 0; i < values.length; i++) {
          values[i] = from.columns().get(i).codec().readStored(rs, i + 1);
        }
        int start = text.length();
        boolean bad = false;
        for (int i = 0; i < sourceIndex.length; i++) {
          if (i > 0) {
            text.append('\t');
          }
          Object v = values[sourceIndex[i]];
          ColumnModel column = to.columns().get(i);
          if (v != null
              && column.name().endsWith("_tz")
              && !column.name().equals(from.columns().get(sourceIndex[i]).name())) {
            v =
                v instanceof java.time.OffsetDateTime o
                    ? o.getOffset()
                    : ((java.time.ZonedDateTime) v).getOffset();
          }
          try {
            CopyText.append(text, v, ordinal[i] && v instanceof Enum<?>);
          } catch (IllegalArgumentException e) {
            bad = true;
            problems.add(
                "table '"
                    + to.name()
                    + "', row "
                    + key(from, values)
                    + ": column '"
                    + column.name()
                    + "' ("
                    + column.owner()
                    + "): "
                    + e.getMessage()
                    + ".");
          }
        }
        if (bad) {
          text.setLength(start);
          continue;
        }
        text.append('\n');
        n++;
        if (text.length() >= CHUNK) {
          write(copy, text, digest);
        }
      }
      write(copy, text, digest);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
    return n;
  }

  private static void write(CopyIn copy, StringBuilder text, MessageDigest digest)
      throws SQLException {
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    digest.update(bytes);
    copy.writeToCopy(bytes, 0, bytes.length);
    text.setLength(0);
  }

  private static String key(TableModel t, Object[] values) {
    List<String> parts = new ArrayList<>();
    for (String k : t.primaryKey()) {
      parts.add(k + " = " + values[t.columns().indexOf(t.column(k).orElseThrow())]);
    }
    return parts.isEmpty() ? "(no primary key)" : String.join(", ", parts);
  }

  private static List<String> names(TableModel t) {
    List<String> out = new ArrayList<>();
    t.columns().forEach(c -> out.add(c.name()));
    return out;
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
