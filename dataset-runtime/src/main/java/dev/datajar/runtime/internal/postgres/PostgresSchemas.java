package dev.datajar.runtime.internal.postgres;

import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.Sha256;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where datasets live in a PostgreSQL database, written by the builder and read at run time: one
 * schema per build, named {@code <dataset>_<version>_<first 10 hex digits of its identity>} (see
 * {@link #finalName}: the rows, the tables' schema fingerprint and the format version); in it the
 * dataset's tables and a {@code datajar_metadata} table (key, value); and one row per schema in
 * {@code datajar.datasets}, the list of what is loaded.
 *
 * <p>Names are lower case, with every character other than a letter, digit or {@code _} replaced by
 * {@code _}, and fit PostgreSQL's 63-byte identifiers.
 */
public final class PostgresSchemas {
  /** Table of a dataset's schema that records what was loaded. */
  public static final String METADATA_TABLE = "datajar_metadata";

  /** Keys of {@link #METADATA_TABLE}. */
  public static final String DATA_SET = "dataset";

  public static final String VERSION = "version";
  public static final String ROWS_SHA256 = "rows_sha256";
  public static final String SCHEMA_FINGERPRINT = "schema_fingerprint";
  public static final String DATAJAR_VERSION = "datajar_version";

  private static final int MAX_BASE = 63 - 1 - 10 - "_loading".length() - 7;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PostgresSchemas() {}

  /** {@code <dataset>_<version>}, cleaned and shortened to leave room for the suffixes. */
  public static String baseName(String dataSet, String version) {
    String base = clean(dataSet) + "_" + clean(version);
    return base.length() > MAX_BASE ? base.substring(0, MAX_BASE) : base;
  }

  /** A schema name no other build uses, for the schema while it is being loaded. */
  public static String loadingName(String base) {
    byte[] r = new byte[3];
    RANDOM.nextBytes(r);
    return base + "_loading_" + HexFormat.of().formatHex(r);
  }

  /**
   * The schema's name once loaded: the base and the start of its identity, the SHA-256 of the rows'
   * checksum, the schema fingerprint of the tables (columns, types, keys, indexes) and the datajar
   * format version. The same rows with another mapping, or written by another format, get a schema
   * of their own; only a build with the same rows, tables and format finds its schema already
   * there.
   */
  public static String finalName(String base, String rowsSha256, String schemaFingerprint) {
    String identity =
        Sha256.of(
            "rows "
                + rowsSha256
                + "\nschema "
                + schemaFingerprint
                + "\nformat "
                + DataSetLayout.FORMAT_VERSION
                + "\n");
    return base + "_" + identity.substring(0, 10);
  }

  private static String clean(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  public static boolean exists(Connection c, String schema) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("select 1 from pg_catalog.pg_namespace where nspname = ?")) {
      p.setString(1, schema);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Creates and fills {@code <schema>.datajar_metadata}. */
  public static void writeMetadata(
      Connection c,
      String schema,
      String dataSet,
      String version,
      String rowsSha256,
      String fingerprint,
      String datajarVersion)
      throws SQLException {
    String table = quote(schema) + "." + METADATA_TABLE;
    try (Statement s = c.createStatement()) {
      s.execute("create table " + table + " (key text primary key, value text not null)");
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put(DATA_SET, dataSet);
    values.put(VERSION, version);
    values.put(ROWS_SHA256, rowsSha256);
    values.put(SCHEMA_FINGERPRINT, fingerprint);
    values.put(DATAJAR_VERSION, datajarVersion);
    try (PreparedStatement p = c.prepareStatement("insert into " + table + " values (?, ?)")) {
      for (Map.Entry<String, String> e : values.entrySet()) {
        p.setString(1, e.getKey());
        p.setString(2, e.getValue());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /** The metadata of {@code schema}, or an empty map if it has none. */
  public static Map<String, String> readMetadata(Connection c, String schema) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "select 1 from pg_catalog.pg_tables" + " where schemaname = ? and tablename = ?")) {
      p.setString(1, schema);
      p.setString(2, METADATA_TABLE);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return out;
        }
      }
    }
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select key, value from "
                    + quote(schema)
                    + "."
                    + METADATA_TABLE
                    + " order by key")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  /** Adds {@code schema} to {@code datajar.datasets}, creating that table if needed. */
  public static void register(
      Connection c, String schema, String dataSet, String version, String rowsSha256)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("create schema if not exists datajar");
      s.execute(
          "create table if not exists datajar.datasets (schema_name text primary key,"
              + " dataset text not null, version text not null, rows_sha256 text not null,"
              + " loaded_at timestamptz not null default now())");
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "insert into datajar.datasets"
                + " (schema_name, dataset, version, rows_sha256) values (?, ?, ?, ?)")) {
      p.setString(1, schema);
      p.setString(2, dataSet);
      p.setString(3, version);
      p.setString(4, rowsSha256);
      p.executeUpdate();
    }
  }

  /** A row of {@code datajar.datasets}: a schema loaded for a dataset. */
  public record Registered(String schema, String version, String rowsSha256, Instant loadedAt) {}

  /**
   * The schemas {@code datajar.datasets} lists for {@code dataSet}, in no particular order; empty
   * if that table does not exist.
   */
  public static List<Registered> registered(Connection c, String dataSet) throws SQLException {
    List<Registered> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement("select to_regclass('datajar.datasets') is not null")) {
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next() || !rs.getBoolean(1)) {
          return out;
        }
      }
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "select schema_name, version, rows_sha256, loaded_at from datajar.datasets"
                + " where dataset = ?")) {
      p.setString(1, dataSet);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          Timestamp t = rs.getTimestamp(4);
          out.add(
              new Registered(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  t == null ? null : t.toInstant()));
        }
      }
    }
    return out;
  }

  /** The rows of each table of {@code schema} whose name is in {@code tables}, counted. */
  public static Map<String, Long> rowCounts(Connection c, String schema, List<String> tables)
      throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Statement s = c.createStatement()) {
      for (String t : tables) {
        try (ResultSet rs =
            s.executeQuery("select count(*) from " + quote(schema) + "." + quote(t))) {
          rs.next();
          out.put(t, rs.getLong(1));
        }
      }
    }
    return out;
  }

  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
