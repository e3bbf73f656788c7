package dev.datajar.runtime.internal.postgres;

import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.format.Codec;
import dev.datajar.runtime.format.EntityLayout;
import dev.datajar.runtime.format.HibernateSetup;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.SchemaModel;
import dev.datajar.runtime.format.TableModel;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Opens a dataset that lives in PostgreSQL, checking before the first read what can be wrong: the
 * server answers, the schema the manifest names exists, its recorded checksum of the loaded rows is
 * the manifest's, and its tables and columns are those of the entity classes.
 *
 * <p>Every connection is read-only by its session default {@code default_transaction_read_only =
 * on}, sent at connect time, and its {@code search_path} is the dataset's schema, so SQL, HQL and
 * {@code sql()} name tables without it; and {@code setReadOnly}. Every connection ({@link
 * #connect}) belongs to the dataset's one pool: the plain reads use it in auto-commit mode (one
 * round trip per lookup, no {@code BEGIN} or {@code ROLLBACK}) and run only the selects datajar
 * writes; Hibernate and {@code sql()} get it out of auto-commit mode, so that pgjdbc begins every
 * transaction {@code READ ONLY} (even a session whose default {@code sql()} turned off cannot
 * write), and give it back rolled back.
 */
public final class PostgresOpener {

  private PostgresOpener() {}

  /**
   * Connects to the dataset's schema and checks it against the manifest and the entities.
   *
   * @param source says where {@code url} was given, for messages (e.g. the system property)
   */
  public static HibernateSetup.Booted open(
      String name,
      Manifest manifest,
      String url,
      String source,
      List<Class<?>> entities,
      ClassLoader classLoader,
      DataSource pool) {
    // The manifest names a schema: DataSetCatalog refuses one without, before pgjdbc is looked for.
    Manifest.Postgres where = manifest.postgres();
    try {
      // Connect now: a wrong URL or credentials fail here, with this message.
      pool.getConnection().close();
    } catch (SQLException | RuntimeException e) {
      throw cannotConnect(name, url, source, e);
    }
    HibernateSetup.Booted booted = null;
    try {
      booted = HibernateSetup.boot(name, entities, pool, classLoader, hibernateSettings());
      check(name, url, where, booted.schema(), pool);
      return booted;
    } catch (RuntimeException | Error e) {
      if (booted != null) {
        booted.close();
      }
      throw e;
    }
  }

  /**
   * The recorded layouts, if the plain reads can select what they name from the dataset's schema:
   * every table and column (and an offset's or zone's second column, {@code <column>_tz}) is in
   * Hibernate's PostgreSQL mapping of the entities, which the schema was just checked against, and
   * no id takes two columns. Otherwise none: every read then goes through Hibernate.
   */
  public static List<EntityLayout> readableLayouts(
      List<EntityLayout> layouts, SchemaModel onPostgres, ClassLoader loader) {
    Function<String, Set<String>> columnsOf =
        table ->
            onPostgres
                .table(table)
                .map(t -> t.columns().stream().map(c -> c.name()).collect(Collectors.toSet()))
                .orElse(null);
    return fit(layouts, columnsOf, loader) ? layouts : List.of();
  }

  /**
   * True if the plain reads can select every table and column {@code layouts} name (an offset's or
   * zone's second column, {@code <column>_tz}, too; collection tables with their key and element
   * columns) from tables whose columns {@code columnsOf} gives ({@code null}: no such table), and
   * no id column takes two columns.
   */
  private static boolean fit(
      List<EntityLayout> layouts, Function<String, Set<String>> columnsOf, ClassLoader loader) {
    for (EntityLayout l : layouts) {
      Set<String> columns = columnsOf.apply(l.table());
      if (columns == null) {
        return false;
      }
      for (EntityLayout.Member k : l.id().isComposite() ? l.id().parts() : List.of(l.id())) {
        // a to-one to a composite key among the parts: each of its foreign key columns
        for (EntityLayout.Member c : k.isCompositeReference() ? k.parts() : List.of(k)) {
          if (c.isComposite() || PostgresFormat.columns(Codec.of(c.codec(), loader)) != 1) {
            return false;
          }
        }
      }
      for (EntityLayout.CollectionLayout c : l.collections()) {
        Set<String> in = columnsOf.apply(c.table());
        List<String> needed = new ArrayList<>(c.keyColumns());
        c.element().columns(needed);
        EntityLayout.Member key = c.mapKey();
        if (key != null && (key.target() == null || key.isCompositeReference())) {
          key.columns(needed); // a column, an embeddable's or an entity key's of this table
        }
        if (in == null || !in.containsAll(needed)) {
          return false;
        }
      }
      for (EntityLayout.Member m : l.columns()) {
        boolean pair = PostgresFormat.columns(Codec.of(m.codec(), loader)) == 2;
        if (!columns.contains(m.column())
            || (pair && !columns.contains(PostgresFormat.offsetColumn(m.column())))) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@code DATAJAR_<NAME>_JDBC_<what>}: the environment variable with a credential. */
  public static String variable(String name, String what) {
    return "DATAJAR_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_JDBC_" + what;
  }

  /**
   * A read-only session in the dataset's schema for the plain reads: auto-commit, so a lookup is
   * one round trip; {@code setReadOnly}, so a transaction a stream begins (to read with a cursor)
   * begins {@code READ ONLY}.
   */
  public static Connection connect(
      String name, String url, String user, String password, String schema) throws SQLException {
    Properties p = new Properties();
    p.putAll(session(name, schema));
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    Connection c = DriverManager.getConnection(url, p);
    try {
      // Set now, not as a start-up option (-c): pgjdbc tells a primary from a standby
      // (targetServerType, e.g. preferSecondary over replicas) by the new session's
      // transaction_read_only, which such an option made "on" on the primary too.
      try (Statement s = c.createStatement()) {
        s.execute("set default_transaction_read_only = on");
      }
      c.setReadOnly(true);
      return c;
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** The properties every connection of a dataset gets: its schema, its name. */
  private static Map<String, String> session(String name, String schema) {
    return Map.of("currentSchema", schema, "ApplicationName", "datajar " + name);
  }

  /** The settings Hibernate starts with over a dataset in PostgreSQL. */
  public static Map<String, Object> hibernateSettings() {
    Map<String, Object> settings = new HashMap<>(PostgresFormat.settings());
    settings.put("hibernate.enable_lazy_load_no_trans", "true");
    settings.put("hibernate.query.plan_cache_enabled", "true");
    return settings;
  }

  /**
   * Checks a dataset without starting Hibernate, as a SQLite file is checked, when the entity
   * classes have the shape the manifest recorded (the caller's check): the schema exists, holds the
   * manifest's rows, and records the schema fingerprint the manifest does, i.e. it was built from
   * these classes. Returns the recorded layouts the plain reads can use (every table and column
   * they name is in the schema, no id takes two columns; otherwise none), or {@code null} if the
   * fingerprints differ (or either is missing): then {@link #open} compares the schema with
   * Hibernate's mapping column by column and says what differs.
   */
  public static List<EntityLayout> checkWithoutHibernate(
      String name,
      Manifest manifest,
      String url,
      String user,
      String password,
      String source,
      ClassLoader loader) {
    // The manifest names a schema: DataSetCatalog refuses one without, before pgjdbc is looked for.
    Manifest.Postgres where = manifest.postgres();
    Connection opened;
    try {
      opened = connect(name, url, user, password, where.schema());
    } catch (SQLException e) {
      throw cannotConnect(name, url, source, e);
    }
    try (Connection c = opened) {
      Map<String, String> meta = checkSchema(name, url, where, c);
      String recorded = meta.get(PostgresSchemas.SCHEMA_FINGERPRINT);
      if (where.schemaFingerprint() == null || !where.schemaFingerprint().equals(recorded)) {
        return null;
      }
      Map<String, Set<String>> columns = columns(c, where.schema());
      return fit(manifest.layouts(), columns::get, loader) ? manifest.layouts() : List.of();
    } catch (SQLException e) {
      throw new DataSetOpenException(
          name, "cannot read schema " + where.schema() + " in " + url + ": " + e.getMessage(), e);
    }
  }

  /**
   * A dataset bound to PostgreSQL whose manifest names no schema: it was built into a SQLite file
   * (checked before pgjdbc is looked for, so that a leftover binding is named, not the driver).
   */
  public static DataSetOpenException noSchemaInManifest(String name, String url, String source) {
    return DataSetOpenException.withMessage(
        name,
        "dataset '"
            + name
            + "' is bound to PostgreSQL ("
            + url
            + ", from "
            + source
            + "), but its manifest names no PostgreSQL schema: the dataset was"
            + " built into a SQLite file. Build it into that database (mvn package"
            + " -Ddataset.jdbc.url="
            + url
            + "), or remove the binding to read the file.",
        null);
  }

  private static DataSetOpenException cannotConnect(
      String name, String url, String source, Exception e) {
    return new DataSetOpenException(
        name,
        "cannot connect to "
            + url
            + " (from "
            + source
            + "): "
            + rootMessage(e).replaceFirst("\\.\\s*$", "") // pgjdbc's ends in one already
            + ". Check the URL and the credentials"
            + " (user and password in the URL, or "
            + variable(name, "USER")
            + "/"
            + variable(name, "PASSWORD")
            + ").",
        e);
  }

  private static void check(
      String name, String url, Manifest.Postgres where, SchemaModel model, DataSource pool) {
    String schema = where.schema();
    try (Connection c = pool.getConnection()) {
      Map<String, String> meta = checkSchema(name, url, where, c);
      List<String> differences = differences(c, schema, model);
      if (!differences.isEmpty()
          || !model.fingerprint().equals(meta.get(PostgresSchemas.SCHEMA_FINGERPRINT))) {
        throw otherEntities(name, url, schema, model, meta, differences);
      }
    } catch (SQLException e) {
      throw new DataSetOpenException(
          name, "cannot read schema " + schema + " in " + url + ": " + e.getMessage(), e);
    }
  }

  /** The schema exists and holds the manifest's rows; returns its metadata. */
  private static Map<String, String> checkSchema(
      String name, String url, Manifest.Postgres where, Connection c) throws SQLException {
    String schema = where.schema();
    if (!PostgresSchemas.exists(c, schema)) {
      if (standby(c)) {
        throw new DataSetOpenException(
            name,
            "schema "
                + schema
                + " (named by its manifest) is not in "
                + url
                + " yet: the server the connection reached is a standby that has not replayed it"
                + " yet (replication lag), or the build went to another primary. Start the"
                + " service again once the build's commit has reached the standby (compare"
                + " pg_last_wal_replay_lsn() there with the primary's pg_current_wal_lsn()),"
                + " or deploy the jar after the build has been replicated.");
      }
      throw new DataSetOpenException(
          name,
          "schema "
              + schema
              + " (named"
              + " by its manifest) does not exist in "
              + url
              + ". Build the dataset into this"
              + " database (mvn package -Ddataset.jdbc.url=...), or bind the dataset to the"
              + " database it was built into.");
    }
    Map<String, String> meta = PostgresSchemas.readMetadata(c, schema);
    String rows = meta.get(PostgresSchemas.ROWS_SHA256);
    if (!where.rowsSha256().equals(rows)) {
      throw new DataSetOpenException(
          name,
          "schema "
              + schema
              + " in "
              + url
              + " records rows with sha256 "
              + rows
              + ", but the manifest says "
              + where.rowsSha256()
              + ": the schema does not hold the rows this jar was built"
              + " with. Build the dataset again, or drop the schema and build it again.");
    }
    return meta;
  }

  /** True if the session's server is a standby (in recovery). */
  private static boolean standby(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("select pg_is_in_recovery()");
        ResultSet rs = p.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private static DataSetOpenException otherEntities(
      String name,
      String url,
      String schema,
      SchemaModel model,
      Map<String, String> meta,
      List<String> differences) {
    StringBuilder sb =
        new StringBuilder(
            "schema "
                + schema
                + " in "
                + url
                + " was built from other entity classes than those on the class path (schema"
                + " fingerprint in the database "
                + meta.get(PostgresSchemas.SCHEMA_FINGERPRINT)
                + ", of the entities "
                + model.fingerprint()
                + ")");
    for (int i = 0; i < differences.size(); i++) {
      sb.append("\n  ").append(i + 1).append(") ").append(differences.get(i));
    }
    sb.append(
        "\nRebuild the dataset with the current entity classes, or use the classes of"
            + " the version it was built with.");
    return new DataSetOpenException(name, sb.toString());
  }

  /** Missing tables and columns, e.g. {@code table 'country': column 'alpha3' is missing}. */
  private static List<String> differences(Connection c, String schema, SchemaModel model)
      throws SQLException {
    Map<String, Set<String>> actual = columns(c, schema);
    List<String> out = new ArrayList<>();
    for (TableModel t : model.tables()) {
      Set<String> columns = actual.get(t.name());
      if (columns == null) {
        out.add("table '" + t.name() + "' is missing from the schema");
        continue;
      }
      t.columns().stream()
          .filter(col -> !columns.contains(col.name()))
          .forEach(
              col ->
                  out.add(
                      "table '"
                          + t.name()
                          + "': column '"
                          + col.name()
                          + "' ("
                          + col.owner()
                          + ") is missing"));
    }
    return out;
  }

  /** The columns of each table of {@code schema}, as the server lists them. */
  private static Map<String, Set<String>> columns(Connection c, String schema) throws SQLException {
    Map<String, Set<String>> actual = new HashMap<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "select table_name, column_name from"
                + " information_schema.columns where table_schema = ?")) {
      p.setString(1, schema);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          actual.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
        }
      }
    }
    return actual;
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e.getMessage();
  }
}
