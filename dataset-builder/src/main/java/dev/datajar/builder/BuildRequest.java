package dev.datajar.builder;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one build needs: where the entity classes and the sources are, and where the datasets
 * go.
 *
 * <p>Immutable; make one with {@link #builder()}.
 *
 * @param classesDirectory compiled classes of the dataset module, scanned for {@code @Entity}
 *     classes and {@code RowSource} implementations
 * @param classLoader loads those classes and their dependencies
 * @param sourceDirectory holds one folder of source files per dataset (conventionally {@code
 *     src/main/datasets})
 * @param outputDirectory receives {@code <name>.sqlite}, {@code <name>.manifest.json} and {@code
 *     index} (conventionally {@code target/classes/META-INF/datasets})
 * @param workDirectory scratch space for files being built (conventionally {@code target/datajar});
 *     nothing in it is needed after the build
 * @param dataSets names to build; empty builds every dataset found
 * @param tables per-table overrides
 * @param force build even when the up-to-date check finds nothing changed
 * @param log where progress and summaries go
 * @param postgres where to load the datasets instead of SQLite files, or {@code null}; the output
 *     folder then receives only the manifests (which name the schema) and the index
 */
public record BuildRequest(
    Path classesDirectory,
    ClassLoader classLoader,
    Path sourceDirectory,
    Path outputDirectory,
    Path workDirectory,
    Set<String> dataSets,
    List<TableSettings> tables,
    boolean force,
    BuildLog log,
    PostgresTarget postgres) {

  public BuildRequest {
    Objects.requireNonNull(classesDirectory, "classesDirectory");
    Objects.requireNonNull(classLoader, "classLoader");
    Objects.requireNonNull(sourceDirectory, "sourceDirectory");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(workDirectory, "workDirectory");
    dataSets = dataSets == null ? Set.of() : Set.copyOf(dataSets);
    tables = tables == null ? List.of() : List.copyOf(tables);
    log = log == null ? BuildLog.SILENT : log;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the parts of a {@link BuildRequest}. */
  public static final class Builder {
    private Path classesDirectory;
    private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    private Path sourceDirectory;
    private Path outputDirectory;
    private Path workDirectory;
    private Set<String> dataSets = Set.of();
    private List<TableSettings> tables = List.of();
    private boolean force;
    private BuildLog log = BuildLog.SILENT;
    private PostgresTarget postgres;

    private Builder() {}

    public Builder classesDirectory(Path v) {
      this.classesDirectory = v;
      return this;
    }

    public Builder classLoader(ClassLoader v) {
      this.classLoader = v;
      return this;
    }

    public Builder sourceDirectory(Path v) {
      this.sourceDirectory = v;
      return this;
    }

    public Builder outputDirectory(Path v) {
      this.outputDirectory = v;
      return this;
    }

    public Builder workDirectory(Path v) {
      this.workDirectory = v;
      return this;
    }

    public Builder dataSets(Set<String> v) {
      this.dataSets = v;
      return this;
    }

    public Builder tables(List<TableSettings> v) {
      this.tables = v;
      return this;
    }

    public Builder force(boolean v) {
      this.force = v;
      return this;
    }

    public Builder log(BuildLog v) {
      this.log = v;
      return this;
    }

    public Builder postgres(PostgresTarget v) {
      this.postgres = v;
      return this;
    }

    public BuildRequest build() {
      return new BuildRequest(
          classesDirectory,
          classLoader,
          sourceDirectory,
          outputDirectory,
          workDirectory,
          dataSets,
          tables,
          force,
          log,
          postgres);
    }
  }
}
