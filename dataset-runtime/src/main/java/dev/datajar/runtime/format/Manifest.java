package dev.datajar.runtime.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/**
 * The description the builder writes beside each dataset file, and the runtime checks before it
 * opens one. Written and read by {@link ManifestJson}; made with {@link #builder}.
 *
 * <p>Immutable. Its JSON form has a fixed field order and no time stamps, so the same dataset
 * always gives the same manifest bytes.
 *
 * @param formatVersion {@link DataSetLayout#FORMAT_VERSION} of the writer
 * @param name the dataset's name
 * @param file the SQLite file's name, beside the manifest
 * @param sha256 lower-case hex SHA-256 of the SQLite file, or {@code null} when unknown
 * @param bytes size of the SQLite file, or -1 when unknown
 * @param tables every table with its row count, sorted by name
 * @param entities entity class names, sorted
 * @param schemaFingerprint {@link SchemaModel#fingerprint()} of the entities the file was built
 *     from
 * @param entityShape {@link EntityShape#fingerprint} of the entity classes it was built from
 * @param layouts how the runtime reads each plain entity without Hibernate
 * @param sqliteVersion SQLite library version that wrote the file
 * @param datajarVersion datajar version that wrote the file
 * @param sources the source files read, relative to the dataset's source folder, sorted
 * @param postgres where the dataset was loaded into PostgreSQL, or {@code null} when it lives in
 *     its SQLite file ({@code file} and {@code sha256} are then {@code null}: no file is shipped)
 */
public record Manifest(
    int formatVersion,
    String name,
    String file,
    String sha256,
    long bytes,
    List<Table> tables,
    List<String> entities,
    String schemaFingerprint,
    String entityShape,
    List<EntityLayout> layouts,
    String sqliteVersion,
    String datajarVersion,
    List<Source> sources,
    Postgres postgres) {

  /**
   * A dataset loaded into PostgreSQL.
   *
   * @param schema the schema holding its tables (named for dataset, version and content)
   * @param rowsSha256 SHA-256 of every loaded row in COPY text form, tables in load order; also
   *     recorded in the schema's {@code datajar_metadata} table
   * @param schemaFingerprint {@link SchemaModel#fingerprint()} of the PostgreSQL mapping
   */
  public record Postgres(String schema, String rowsSha256, String schemaFingerprint) {}

  /** A table and its row count. */
  public record Table(String name, long rows) {}

  /** A source file and its checksum. */
  public record Source(String path, String sha256, long bytes) {}

  public Manifest {
    Objects.requireNonNull(name, "name");
    tables = List.copyOf(tables);
    entities = List.copyOf(entities);
    layouts = List.copyOf(layouts);
    sources = List.copyOf(sources);
  }

  /**
   * True if the dataset was built into PostgreSQL: no file is shipped, the manifest names a schema.
   */
  public boolean inPostgres() {
    return file == null && postgres != null;
  }

  /** Total rows over all tables. */
  public long totalRows() {
    long n = 0;
    for (Table t : tables) {
      n += t.rows();
    }
    return n;
  }

  /** The manifest as UTF-8 JSON, two-space indented, ending with a newline. */
  public byte[] toJson() {
    return ManifestJson.write(this);
  }

  /**
   * Reads a manifest written by {@link #toJson()}.
   *
   * @param where names the resource in error messages
   * @throws IOException if the stream cannot be read or is not a manifest; the message names {@code
   *     where}
   */
  public static Manifest read(InputStream in, String where) throws IOException {
    return ManifestJson.read(in, where);
  }

  /** A builder for the manifest of dataset {@code name}, at the current format version. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A builder holding this manifest's values. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.formatVersion = formatVersion;
    b.file = file;
    b.sha256 = sha256;
    b.bytes = bytes;
    b.tables = tables;
    b.entities = entities;
    b.schemaFingerprint = schemaFingerprint;
    b.entityShape = entityShape;
    b.layouts = layouts;
    b.sqliteVersion = sqliteVersion;
    b.datajarVersion = datajarVersion;
    b.sources = sources;
    b.postgres = postgres;
    return b;
  }

  /** Collects a manifest's values; every list defaults to empty. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private int formatVersion = DataSetLayout.FORMAT_VERSION;
    private String file;
    private String sha256;
    private long bytes = -1;
    private List<Table> tables = List.of();
    private List<String> entities = List.of();
    private String schemaFingerprint;
    private String entityShape;
    private List<EntityLayout> layouts = List.of();
    private String sqliteVersion;
    private String datajarVersion;
    private List<Source> sources = List.of();
    private Postgres postgres;

    private Builder(String name) {
      this.name = name;
      this.file = name == null ? null : DataSetLayout.sqliteFileName(name);
    }

    public Builder formatVersion(int v) {
      formatVersion = v;
      return this;
    }

    public Builder file(String v) {
      file = v;
      return this;
    }

    /** The file's checksum and size; {@code null} and -1 when they are not known. */
    public Builder checksum(String sha, long size) {
      sha256 = sha;
      bytes = size;
      return this;
    }

    public Builder tables(List<Table> v) {
      tables = v;
      return this;
    }

    public Builder entities(List<String> v) {
      entities = v;
      return this;
    }

    public Builder schemaFingerprint(String v) {
      schemaFingerprint = v;
      return this;
    }

    public Builder entityShape(String v) {
      entityShape = v;
      return this;
    }

    public Builder layouts(List<EntityLayout> v) {
      layouts = v;
      return this;
    }

    public Builder sqliteVersion(String v) {
      sqliteVersion = v;
      return this;
    }

    public Builder datajarVersion(String v) {
      datajarVersion = v;
      return this;
    }

    public Builder sources(List<Source> v) {
      sources = v;
      return this;
    }

    /** Where the dataset lives in PostgreSQL; the manifest then names no file. */
    public Builder postgres(Postgres v) {
      postgres = v;
      return this;
    }

    public Manifest build() {
      return new Manifest(
          formatVersion,
          name,
          file,
          sha256,
          bytes,
          tables,
          entities,
          schemaFingerprint,
          entityShape,
          layouts,
          sqliteVersion,
          datajarVersion,
          sources,
          postgres);
    }
  }
}
