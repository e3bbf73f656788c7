package dev.datajar.runtime;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which version of a dataset a {@link DataSets} serves, from {@link DataSets#info(String)}: what a
 * service answers to "which data am I serving".
 *
 * <p>Immutable. The values come from the dataset's manifest, from the jar it was found in, and from
 * the moment it was opened; nothing here is read from the data again.
 *
 * @param name the dataset's name
 * @param artifact the Maven coordinates of the jar the dataset was found in (its {@code
 *     META-INF/maven/.../pom.properties}), or {@code null} when it was not read from a jar, or the
 *     jar holds no single {@code pom.properties}. For a dataset in PostgreSQL, the jar whose
 *     manifest names the schema; {@code null} once {@link DataSets#reload} has taken a newer schema
 *     than that manifest names, which no jar describes ({@link #schema} says which is served)
 * @param sha256 the SHA-256 of the SQLite file as the manifest records it; for a dataset in
 *     PostgreSQL, that of its rows ({@code rowsSha256} of the manifest); {@code null} when unknown
 *     (a file given by a setting with no manifest beside it)
 * @param schema the PostgreSQL schema the dataset is read from, or {@code null} for a SQLite file
 * @param tables rows per table, as the manifest records them, by table name in the manifest's order
 * @param entities the names of the dataset's entity classes
 * @param builtAt when the jar was built: the time stamp of the manifest's entry in the jar, which a
 *     reproducible build sets to {@code project.build.outputTimestamp}; {@code null} when not read
 *     from a jar, as {@link #artifact} is (the manifest itself records no time, so that a rebuild
 *     gives the same bytes)
 * @param datajarVersion the datajar version that built the dataset (manifest), or {@code null}
 * @param source where the dataset was opened from: the resource URL inside its jar or class folder,
 *     the file a setting gave (and which setting), or the JDBC URL (never with a password)
 * @param file the SQLite file read (a jar's dataset is read from its copy in the cache directory, a
 *     file given by a setting through its private link there, as {@link DataSets#file} says; {@link
 *     #source} names the file the setting gave), or {@code null} for a dataset in PostgreSQL
 * @param servedSince when this version began to be served: when the {@link DataSets} opened the
 *     dataset, or when {@link DataSets#reload} took it
 */
public record DataSetInfo(
    String name,
    Artifact artifact,
    String sha256,
    String schema,
    Map<String, Long> tables,
    List<String> entities,
    Instant builtAt,
    String datajarVersion,
    String source,
    Path file,
    Instant servedSince) {

  /**
   * Maven coordinates of a dataset jar.
   *
   * @param groupId the group
   * @param artifactId the artifact
   * @param version the version
   */
  public record Artifact(String groupId, String artifactId, String version) {
    public Artifact {
      Objects.requireNonNull(groupId, "groupId");
      Objects.requireNonNull(artifactId, "artifactId");
      Objects.requireNonNull(version, "version");
    }

    /** {@code groupId:artifactId:version}. */
    @Override
    public String toString() {
      return groupId + ":" + artifactId + ":" + version;
    }
  }

  public DataSetInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(servedSince, "servedSince");
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    entities = List.copyOf(entities);
  }

  /** The rows of every table together. */
  public long totalRows() {
    long n = 0;
    for (long rows : tables.values()) {
      n += rows;
    }
    return n;
  }
}
