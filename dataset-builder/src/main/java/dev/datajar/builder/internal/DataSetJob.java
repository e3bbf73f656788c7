package dev.datajar.builder.internal;

import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.BuildResult.DataSetResult;
import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.TableSettings;
import dev.datajar.builder.internal.postgres.PostgresKeys;
import dev.datajar.builder.internal.postgres.PostgresLoad;
import dev.datajar.builder.internal.postgres.PostgresOpening;
import dev.datajar.builder.internal.source.Problems;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.EntityShape;
import dev.datajar.runtime.format.FileIdentity;
import dev.datajar.runtime.format.HibernateSetup;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.SchemaModel;
import dev.datajar.runtime.format.Sha256;
import dev.datajar.runtime.format.SqliteFiles;
import dev.datajar.runtime.format.UnsupportedTypeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Builds one dataset: schema from the entities, sources located, rows loaded in foreign-key order
 * into a fresh file in the work folder, constraints checked, indexes built, file finished, and then
 * file and manifest moved into the output folder.
 *
 * <p>Nothing in the output folder changes until every step has succeeded; on any failure the work
 * file is deleted and the previous artifacts stay as they were.
 */
public final class DataSetJob {
  private final BuildRequest request;
  private final DataSetPlan plan;
  private final Path directory;

  private DataSetJob(BuildRequest request, DataSetPlan plan) {
    this.request = request;
    this.plan = plan;
    this.directory = request.sourceDirectory().resolve(plan.name());
  }

  /** Builds every dataset the request selects, in name order. */
  public static List<DataSetResult> buildAll(BuildRequest request) throws DataSetBuildException {
    List<DataSetResult> results = new ArrayList<>();
    long start = System.nanoTime();
    List<DataSetPlan> plans = DataSetDiscovery.discover(request);
    request
        .log()
        .debug("datajar: class scan took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    for (DataSetPlan plan : plans) {
      results.add(new DataSetJob(request, plan).build());
    }
    return results;
  }

  @SuppressWarnings("try") // the lock is held for the whole block, never used in it
  private DataSetResult build() throws DataSetBuildException {
    long start = System.nanoTime();
    Path output = request.outputDirectory();
    Path sqlite = output.resolve(DataSetLayout.sqliteFileName(plan.name()));
    Path manifestFile = output.resolve(DataSetLayout.manifestFileName(plan.name()));
    try (BuildLock lock = BuildLock.acquire(request.workDirectory(), plan.name(), request.log())) {
      // First, even when the dataset is up to date: a staged file in the output folder would
      // otherwise go into the next jar.
      for (Path stale : Artifacts.removeStale(plan.name(), output, request.workDirectory())) {
        request
            .log()
            .info(
                "dataset '"
                    + plan.name()
                    + "': removed "
                    + stale
                    + ", left by a build that was stopped before it finished");
      }
      String version = DataJarVersion.get();
      List<TableSettings> settings =
          request.tables().stream().filter(t -> t.dataSet().equals(plan.name())).toList();
      String stamp = BuildInputs.stamp(request.classesDirectory(), settings, directory);
      Path stampFile = BuildInputs.stampFile(request.workDirectory(), plan.name());
      // Checked before Hibernate starts: an unchanged module costs a few checksums, not a boot.
      // A PostgreSQL build always runs: the database, not the output folder, holds the result,
      // and loading rows that are already there ends in finding their schema, changing nothing.
      if (!request.force()
          && request.postgres() == null
          && BuildInputs.upToDate(sqlite, manifestFile, directory, version, stampFile, stamp)) {
        Manifest m;
        try (InputStream in = Files.newInputStream(manifestFile)) {
          m = Manifest.read(in, manifestFile.toString());
        }
        request.log().debug("dataset '" + plan.name() + "' is up to date: " + sqlite);
        return new DataSetResult(
            plan.name(), m.tables().size(), m.totalRows(), m.bytes(), 0, sqlite, true);
      }
      // A PostgreSQL target: mapping the entities for it and connecting run beside the boot for
      // SQLite, and the rows then go into COPY as they are loaded (see PostgresLoad).
      try (PostgresOpening postgres =
              request.postgres() == null
                  ? null
                  : PostgresOpening.start(
                      plan.name(),
                      request.postgres(),
                      request.log(),
                      plan.entities(),
                      request.classLoader());
          HibernateSetup.Booted model = boot()) {
        phase("hibernate model", start);
        warnThroughHibernate(model.schema());
        DataSetResult r = build(model.schema(), start, sqlite, manifestFile, version, postgres);
        BuildInputs.writeStamp(request.workDirectory(), plan.name(), stamp);
        return r;
      }
    } catch (IOException e) {
      // Not a problem in the user's data: an I/O failure (disk full, permissions), so it stays
      // apart from DataSetBuildException and keeps its cause.
      throw BuildFailures.io(plan.name(), e);
    } catch (SQLException e) {
      if (e.getClass().getName().startsWith("org.postgresql")) {
        throw new IllegalStateException(
            "dataset '" + plan.name() + "': PostgreSQL failed: " + e.getMessage(), e);
      }
      throw BuildFailures.sqlite(plan.name(), e, request.workDirectory());
    }
  }

  /**
   * One warning per entity the runtime will read through Hibernate (no layout): the first read of
   * one starts Hibernate for the dataset, a few seconds, where every other entity reads without it.
   */
  private void warnThroughHibernate(SchemaModel schema) {
    schema
        .throughHibernate()
        .forEach(
            (entity, why) ->
                request
                    .log()
                    .warn(
                        "dataset '"
                            + plan.name()
                            + "': "
                            + entity.substring(entity.lastIndexOf('.') + 1)
                            + " will be read through Hibernate, which starts (a few seconds) on"
                            + " the first read of it: "
                            + why
                            + ". (The README's Known limits lists what reads without it.)"));
  }

  private HibernateSetup.Booted boot() throws DataSetBuildException {
    try {
      return HibernateSetup.boot(
          plan.name(), plan.entities(), null, request.classLoader(), Map.of());
    } catch (UnsupportedTypeException e) {
      throw new DataSetBuildException("dataset '" + plan.name() + "': " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new DataSetBuildException(
          "dataset '"
              + plan.name()
              + "': Hibernate cannot map its"
              + " entities: "
              + e.getMessage(),
          e);
    }
  }

  private DataSetResult build(
      SchemaModel schema,
      long start,
      Path sqlite,
      Path manifestFile,
      String version,
      PostgresOpening opening)
      throws DataSetBuildException, IOException, SQLException {
    if (opening != null) {
      PostgresKeys.check(plan.name(), schema.layouts(), request.classLoader());
    }
    List<TableSource> sources =
        SourceLocator.locate(plan, schema, directory, request.tables(), request.log());
    Files.createDirectories(request.workDirectory());
    // Unique names: two builds of one module never share a scratch file (the lock makes the
    // second wait, and a build killed mid-way leaves names no later build reuses).
    // SQLite opens the empty file as a new database, so the name exists from here until the
    // build removes it: a build killed at any point leaves it for the next build to clean up.
    Path temp = Files.createTempFile(request.workDirectory(), plan.name() + ".", ".sqlite.tmp");
    Path finished = temp.resolveSibling(temp.getFileName() + ".done");
    try {
      FileContext context = new FileContext(directory);
      Set<Path> sourceFiles = BuildInputs.files(sources);
      CompletableFuture<List<Manifest.Source>> checksums =
          BuildInputs.sourcesInBackground(directory, sourceFiles);
      Map<String, Long> rows = new TreeMap<>();
      String sqliteVersion = null;
      Manifest.Postgres postgres = null;
      try (Connection connection = SqliteFiles.openForBuild(temp)) {
        try (Statement s = connection.createStatement()) {
          s.execute("pragma threads = 2"); // lets CREATE INDEX sort on a second core
        }
        connection.setAutoCommit(false);
        DataSetFile.createTables(connection, schema);
        long t = System.nanoTime();
        PostgresLoad copies = opening == null ? null : opening.get();
        t = phase("waiting for PostgreSQL", t);
        List<Problems> loaded =
            TableLoader.loadAll(
                connection, plan.name(), sources, context, rows, copies, request.log());
        if (copies != null && loaded.stream().allMatch(Problems::isEmpty)) {
          copies.keys(); // built by the server while SQLite checks below
        }
        t = phase("load", t);
        ConstraintChecker.checkAll(
            connection, plan.name(), context, sources, loaded, request.postgres() == null);
        t = phase("indexes and checks", t);
        if (copies != null) {
          postgres = copies.finish(version);
          phase("PostgreSQL keys, indexes and commit of " + postgres.schema(), t);
        } else {
          sqliteVersion =
              DataSetFile.finish(
                  connection,
                  new FileIdentity(plan.name(), schema.fingerprint(), version),
                  finished);
          phase("analyze and vacuum", t);
        }
      }
      long publishing = System.nanoTime();
      Set<Path> readByCode = new TreeSet<>(context.used());
      readByCode.removeAll(sourceFiles);
      List<Manifest.Source> sourceChecksums =
          BuildInputs.merge(join(checksums), BuildInputs.sources(directory, readByCode));
      List<Manifest.Table> tables = new ArrayList<>();
      rows.forEach((t, n) -> tables.add(new Manifest.Table(t, n)));
      List<String> entities = new ArrayList<>();
      plan.entities().forEach(e -> entities.add(e.getName()));
      boolean file = postgres == null;
      Manifest.Builder described =
          Manifest.builder(plan.name())
              .tables(tables)
              .entities(entities)
              .schemaFingerprint(schema.fingerprint())
              .entityShape(EntityShape.fingerprint(plan.entities()))
              .sqliteVersion(sqliteVersion)
              .datajarVersion(version)
              .sources(sourceChecksums)
              // Both engines' tables have these columns: the runtime reads plain entities by them.
              .layouts(schema.layouts());
      Manifest manifest;
      if (file) {
        manifest = described.checksum(Sha256.of(finished), Files.size(finished)).build();
        Artifacts.publish(finished, sqlite, manifest, request.workDirectory());
      } else {
        // The dataset lives in PostgreSQL: the jar gets the manifest that names the schema.
        manifest = described.file(null).checksum(null, 0).postgres(postgres).build();
        Files.deleteIfExists(sqlite);
        Artifacts.write(manifest.toJson(), manifestFile, request.workDirectory());
        Artifacts.writeIndex(request.outputDirectory(), request.workDirectory());
      }
      phase("checksums and publishing", publishing);
      long millis = (System.nanoTime() - start) / 1_000_000;
      DataSetResult result =
          new DataSetResult(
              plan.name(),
              tables.size(),
              manifest.totalRows(),
              manifest.bytes(),
              millis,
              file ? sqlite : null,
              false,
              file ? null : postgres.schema());
      request.log().debug(Summary.of(result));
      return result;
    } finally {
      Files.deleteIfExists(temp);
      Files.deleteIfExists(finished);
    }
  }

  private static List<Manifest.Source> join(CompletableFuture<List<Manifest.Source>> f)
      throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while checksumming the sources", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  /** Logs how long a step took (debug), and returns now. */
  private long phase(String step, long since) {
    long now = System.nanoTime();
    request
        .log()
        .debug(
            "dataset '"
                + plan.name()
                + "': "
                + step
                + " took "
                + (now - since) / 1_000_000
                + " ms");
    return now;
  }
}
