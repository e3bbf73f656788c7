package dev.datajar.builder.internal;

import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.BuildResult.DataSetResult;
import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.internal.source.Problems;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.HibernateSetup;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.SchemaModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.sqlite.SQLiteConnection;

/**
 * Builds one dataset: schema from the entities, sources located, rows loaded in foreign-key
 * order into a fresh file in the work folder, constraints checked, indexes built, file
 * finished, and then file and manifest moved into the output folder.
 *
 * <p>Nothing in the output folder changes until every step has succeeded; on any failure the
 * work file is deleted and the previous artifacts stay as they were.
 */
public final class DataSetBuild {
  private final BuildRequest request;
  private final DataSetPlan plan;
  private final Path directory;

  private DataSetBuild(BuildRequest request, DataSetPlan plan) {
    this.request = request;
    this.plan = plan;
    this.directory = request.sourceDirectory().resolve(plan.name());
  }

  /** Builds every dataset the request selects, in name order. */
  public static List<DataSetResult> buildAll(BuildRequest request) throws DataSetBuildException {
    List<DataSetResult> results = new ArrayList<>();
    long start = System.nanoTime();
    List<DataSetPlan> plans = DataSetDiscovery.discover(request);
    request.log().debug("datajar: class scan took " + (System.nanoTime() - start) / 1_000_000
        + " ms");
    for (DataSetPlan plan : plans) {
      results.add(new DataSetBuild(request, plan).build());
    }
    return results;
  }

  private DataSetResult build() throws DataSetBuildException {
    long start = System.nanoTime();
    SessionFactoryImplementor model;
    try {
      model = HibernateSetup.buildSessionFactory(plan.name(), plan.entities(), null,
          request.classLoader(), Map.of());
    } catch (RuntimeException e) {
      throw new DataSetBuildException("dataset '" + plan.name() + "': Hibernate cannot map its"
          + " entities: " + e.getMessage(), e);
    }
    phase("hibernate model", start);
    try {
      return build(SchemaModel.of(model), start);
    } catch (IOException | SQLException e) {
      throw new DataSetBuildException("dataset '" + plan.name() + "': the build failed: " + e,
          e);
    } finally {
      model.close();
    }
  }

  private DataSetResult build(SchemaModel schema, long start)
      throws DataSetBuildException, IOException, SQLException {
    List<TableSource> sources = SourceLocator.locate(plan, schema, directory,
        request.tables(), request.log());
    Path output = request.outputDirectory();
    Path sqlite = output.resolve(DataSetLayout.sqliteFileName(plan.name()));
    Path manifestFile = output.resolve(DataSetLayout.manifestFileName(plan.name()));
    String version = DataJarVersion.get();
    String stamp = BuildInputs.stamp(sources, request.classLoader());
    Path stampFile = BuildInputs.stampFile(request.workDirectory(), plan.name());
    if (!request.force() && BuildInputs.upToDate(sqlite, manifestFile, directory,
        schema.fingerprint(), version, BuildInputs.files(sources), stampFile, stamp)) {
      Manifest m;
      try (var in = Files.newInputStream(manifestFile)) {
        m = Manifest.read(in, manifestFile.toString());
      }
      request.log().info("dataset '" + plan.name() + "' is up to date: " + sqlite);
      return new DataSetResult(plan.name(), m.tables().size(), m.totalRows(), m.bytes(), 0,
          sqlite, true);
    }
    Files.createDirectories(request.workDirectory());
    Path temp = request.workDirectory().resolve(plan.name() + ".sqlite.tmp");
    Files.deleteIfExists(temp);
    try {
      FileContext context = new FileContext(directory);
      Map<String, Long> rows = new TreeMap<>();
      String sqliteVersion;
      try (Connection connection = dev.datajar.runtime.format.SqliteFiles.openForBuild(temp)) {
        // sqlite-jdbc otherwise runs "select last_insert_rowid()" on a new statement after
        // every insert, in case someone asks for generated keys: that halved the load speed.
        connection.unwrap(SQLiteConnection.class).getConnectionConfig()
            .setGetGeneratedKeys(false);
        connection.setAutoCommit(false);
        DataSetFile.createTables(connection, schema);
        long t = System.nanoTime();
        load(connection, sources, context, rows);
        t = phase("load", t);
        check(connection, sources, context);
        t = phase("indexes and checks", t);
        sqliteVersion = DataSetFile.finish(connection, plan.name(), schema, version);
        phase("analyze and vacuum", t);
      }
      long publishing = System.nanoTime();
      Set<Path> files = new TreeSet<>(BuildInputs.files(sources));
      files.addAll(context.used());
      List<Manifest.Table> tables = new ArrayList<>();
      rows.forEach((t, n) -> tables.add(new Manifest.Table(t, n)));
      List<String> entities = new ArrayList<>();
      plan.entities().forEach(e -> entities.add(e.getName()));
      Manifest manifest = new Manifest(DataSetLayout.FORMAT_VERSION, plan.name(),
          sqlite.getFileName().toString(), Checksums.sha256(temp), Files.size(temp), tables,
          entities, schema.fingerprint(), sqliteVersion, version,
          BuildInputs.sources(directory, files));
      Artifacts.moveInto(temp, sqlite);
      Artifacts.write(manifest.toJson(), manifestFile, request.workDirectory());
      Artifacts.writeIndex(output, request.workDirectory());
      BuildInputs.writeStamp(request.workDirectory(), plan.name(), stamp);
      phase("checksums and publishing", publishing);
      long millis = (System.nanoTime() - start) / 1_000_000;
      DataSetResult result = new DataSetResult(plan.name(), tables.size(),
          manifest.totalRows(), manifest.bytes(), millis, sqlite, false);
      request.log().info(Summary.of(result));
      return result;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Logs how long a step took (debug), and returns now. */
  private long phase(String step, long since) {
    long now = System.nanoTime();
    request.log().debug("dataset '" + plan.name() + "': " + step + " took "
        + (now - since) / 1_000_000 + " ms");
    return now;
  }

  private void load(Connection connection, List<TableSource> sources, FileContext context,
      Map<String, Long> rows) throws IOException, SQLException, DataSetBuildException {
    List<Problems> failed = new ArrayList<>();
    for (TableSource source : sources) {
      if (source.isEmpty()) {
        rows.put(source.table().name(), 0L);
        continue;
      }
      Problems problems = source.problems(plan.name());
      long n = TableLoader.load(connection, plan.name(), source, context, problems,
          request.log());
      rows.put(source.table().name(), n);
      if (!problems.isEmpty()) {
        failed.add(problems);
      }
    }
    Failures.throwIfAny(failed);
  }

  private void check(Connection connection, List<TableSource> sources, FileContext context)
      throws IOException, SQLException, DataSetBuildException {
    ConstraintChecker checker = new ConstraintChecker(connection, plan.name(), context);
    List<Problems> failed = new ArrayList<>();
    List<Problems> all = new ArrayList<>();
    for (TableSource source : sources) {
      Problems problems = source.problems(plan.name());
      all.add(problems);
      checker.createIndexes(source, problems);
    }
    for (int i = 0; i < sources.size(); i++) {
      checker.checkForeignKeys(sources.get(i), all.get(i));
    }
    all.stream().filter(p -> !p.isEmpty()).forEach(failed::add);
    Failures.throwIfAny(failed);
  }
}
