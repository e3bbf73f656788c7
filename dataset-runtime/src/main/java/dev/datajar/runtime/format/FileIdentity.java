package dev.datajar.runtime.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What makes a SQLite file a datajar dataset, written by the builder and checked by the runtime:
 * the header's {@code application_id} ("DJAR") and {@code user_version} (the format version), and
 * the {@value DataSetLayout#METADATA_TABLE} table of key/value text pairs inside the file (name,
 * format version, schema fingerprint, datajar version).
 *
 * @param name the dataset's name
 * @param schemaFingerprint {@link SchemaModel#fingerprint()} of the entities it was built from
 * @param datajarVersion the datajar version that wrote it
 */
public record FileIdentity(String name, String schemaFingerprint, String datajarVersion) {
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final String NAME = "name";

  /** The metadata key of the format version, as text (also in the header's user_version). */
  public static final String FORMAT_VERSION_KEY = "formatVersion";

  private static final String SCHEMA_FINGERPRINT = "schemaFingerprint";
  private static final String DATAJAR_VERSION = "datajarVersion";

  /** Sets the header fields and creates and fills the metadata table; the caller commits. */
  public void writeTo(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("pragma application_id = " + DataSetLayout.APPLICATION_ID);
      s.execute("pragma user_version = " + DataSetLayout.FORMAT_VERSION);
      s.execute(
          "create table "
              + DataSetLayout.METADATA_TABLE
              + " (key text primary key, value text) without rowid");
    }
    Map<String, String> metadata = new TreeMap<>();
    metadata.put(NAME, name);
    metadata.put(FORMAT_VERSION_KEY, Integer.toString(DataSetLayout.FORMAT_VERSION));
    metadata.put(SCHEMA_FINGERPRINT, schemaFingerprint);
    metadata.put(DATAJAR_VERSION, datajarVersion);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into " + DataSetLayout.METADATA_TABLE + " (key, value) values (?, ?)")) {
      for (Map.Entry<String, String> e : metadata.entrySet()) {
        insert.setString(1, e.getKey());
        insert.setString(2, e.getValue());
        insert.executeUpdate();
      }
    }
  }

  /** The identity recorded in an open dataset file. */
  public static FileIdentity readFrom(Connection connection) throws SQLException {
    Map<String, String> values = readMetadata(connection, "main");
    return new FileIdentity(
        values.get(NAME), values.get(SCHEMA_FINGERPRINT), values.get(DATAJAR_VERSION));
  }

  /**
   * Every key/value pair of the metadata table of the file open as {@code schema} ({@code main}, or
   * the name of an attached file), sorted by key.
   */
  public static Map<String, String> readMetadata(Connection connection, String schema)
      throws SQLException {
    Map<String, String> values = new TreeMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select key, value from " + schema + "." + DataSetLayout.METADATA_TABLE)) {
      while (rs.next()) {
        values.put(rs.getString(1), rs.getString(2));
      }
    }
    return values;
  }

  /**
   * SQLite's header of a file, as far as datajar reads it.
   *
   * @param sqlite whether the file starts with SQLite's 100-byte header
   * @param applicationId the header's {@code application_id} (0 if not SQLite)
   * @param formatVersion the header's {@code user_version}: datajar's format version (0 if not
   *     SQLite)
   */
  public record Header(boolean sqlite, int applicationId, int formatVersion) {
    /** Whether the file is a SQLite file the datajar builder wrote (of any format version). */
    public boolean isDataJar() {
      return sqlite && applicationId == DataSetLayout.APPLICATION_ID;
    }
  }

  /** Reads the first 100 bytes of {@code file}, SQLite's header. */
  public static Header readHeader(Path file) throws IOException {
    byte[] h = new byte[100];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(h, 0, h.length);
    }
    if (n < h.length || !Arrays.equals(h, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return new Header(false, 0, 0);
    }
    ByteBuffer b = ByteBuffer.wrap(h); // SQLite's header is big-endian
    return new Header(true, b.getInt(68), b.getInt(60));
  }

  /**
   * Reads the first 100 bytes of {@code file} (SQLite's header) and says what is wrong with them,
   * if anything: not SQLite, not datajar's {@code application_id}, another format version. Reading
   * them directly gives a clear message before SQLite is asked to open anything.
   *
   * @return the problem, phrased to follow "dataset 'x': ", or empty if the header is right
   */
  public static Optional<String> headerProblem(Path file) throws IOException {
    Header header = readHeader(file);
    if (!header.sqlite()) {
      return Optional.of(
          file
              + " is not a SQLite database (it does not start with the SQLite"
              + " header). Point the dataset at the .sqlite file the builder wrote, or rebuild it.");
    }
    int userVersion = header.formatVersion();
    int applicationId = header.applicationId();
    if (applicationId != DataSetLayout.APPLICATION_ID) {
      return Optional.of(
          file
              + " is a SQLite database but not a datajar dataset (application_id"
              + " 0x"
              + Integer.toHexString(applicationId)
              + ", expected 0x"
              + Integer.toHexString(DataSetLayout.APPLICATION_ID)
              + "). Build it with the datajar"
              + " builder.");
    }
    if (userVersion != DataSetLayout.FORMAT_VERSION) {
      return Optional.of(
          file
              + " has format version "
              + userVersion
              + ", this runtime reads"
              + " version "
              + DataSetLayout.FORMAT_VERSION
              + ". Use a datajar runtime and builder of"
              + " the same version.");
    }
    return Optional.empty();
  }
}
