package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.DataSetInfo;
import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.format.EntityLayout;
import dev.datajar.runtime.format.EntityShape;
import dev.datajar.runtime.format.HibernateSetup;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.internal.Engine;
import dev.datajar.runtime.internal.core.FastConnections;
import dev.datajar.runtime.internal.hibernate.HibernateSide;
import dev.datajar.runtime.internal.hibernate.HibernateVersions;
import dev.datajar.runtime.internal.logging.QuietStart;
import dev.datajar.runtime.internal.postgres.PostgresFlavour;
import dev.datajar.runtime.internal.postgres.PostgresOpener;
import dev.datajar.runtime.internal.postgres.PostgresSchemas;
import dev.datajar.runtime.internal.read.RowPath;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

/**
 * Opens located datasets, checking everything that can be wrong before the first read, without
 * starting Hibernate unless a check needs it.
 *
 * <p>Each dataset, in parallel with the others: its entity classes are loaded and belong to it; its
 * file's header says datajar; a file read in place or given by a setting has the manifest's sha256
 * (a cached copy was verified when it was copied, see {@link FileCache}); the file's recorded
 * schema fingerprint is the manifest's; and the entity classes have the shape the manifest recorded
 * ({@link EntityShape}), which vouches that they map to that schema. Only when the shape differs
 * (or was not recorded), or the full check is asked for, is Hibernate started to compare the
 * schemas column by column ({@link SchemaCheck}).
 */
public final class EngineOpener {
  /**
   * {@code message} without the {@code dataset '<name>': } it starts with, if it does: for a
   * message quoted inside another one about the same dataset.
   */
  public static String withoutPrefix(String dataSet, String message) {
    String prefix = "dataset '" + dataSet + "': ";
    return message != null && message.startsWith(prefix)
        ? message.substring(prefix.length())
        : message;
  }

  private static final System.Logger LOG = System.getLogger(EngineOpener.class.getName());

  private EngineOpener() {}

  /**
   * The datasets the settings ask for, located (manifests read, entity classes loaded) but not
   * opened: what a container needs to register stores before opening, and what {@link #openAll}
   * opens, so that nothing is read twice.
   */
  public static final class Plan {
    private final Settings settings;
    private final JarDirectory.Refusals refusals = new JarDirectory.Refusals();
    private final List<String> names = new ArrayList<>();
    // Replaced when a jar of a directory is refused at start-up and the next newest is taken.
    private final Map<String, Located> located = new ConcurrentHashMap<>();
    private final Map<String, List<Class<?>>> entities = new LinkedHashMap<>();

    private Plan(Settings settings) {
      this.settings = settings;
      List<Located> found = DataSetCatalog.locate(settings, refusals);
      if (found.stream().anyMatch(l -> l.jdbc() == null)) {
        // On a second core, while the entity classes load and files copy; the first connection
        // reports a failure, so the future is not waited for here.
        Future<Void> unused = DriverWarmUp.start();
      }
      for (Located l : found) {
        Located at = l;
        while (true) {
          try {
            entities.put(at.name(), EntityClasses.load(at, settings.classLoader()));
            break;
          } catch (DataSetOpenException e) {
            at = nextJar(this, at, e);
          }
        }
        names.add(at.name());
        located.put(at.name(), at);
      }
    }

    /** The settings this plan was made from. */
    public Settings settings() {
      return settings;
    }

    /** The jars of directories refused so far, for every dataset of this plan. */
    public JarDirectory.Refusals refusals() {
      return refusals;
    }

    /** The entity classes of each dataset, by dataset name. */
    public Map<String, List<Class<?>>> entities() {
      return entities;
    }

    /**
     * Describes {@code engine}, opened from this plan, as served since {@code servedSince}; reads
     * its jar's {@code pom.properties}, so only when asked for.
     */
    public DataSetInfo describe(Engine engine, Instant servedSince) {
      return DataSetDescriber.describe(located(engine.name()), engine, servedSince);
    }

    /** Where dataset {@code name} of this plan was located. */
    public Located located(String name) {
      Located l = located.get(name);
      if (l == null) {
        throw new IllegalArgumentException("dataset '" + name + "' is not of this plan");
      }
      return l;
    }
  }

  /**
   * After {@code at}'s jar (in a directory of jars) failed with {@code failure} at start-up: the
   * next newest jar not refused, with a warning; or {@code failure}, if {@code at} is no such jar
   * or no other jar is left.
   */
  private static Located nextJar(Plan plan, Located at, DataSetOpenException failure) {
    if (at.jar() == null || !plan.refusals.refuse(at.name(), at.jar().jar(), at.jar().identity())) {
      throw failure;
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "dataset ''{0}'': {1} is refused, trying the next newest jar of {2}: {3}",
        at.name(),
        at.jar().jar().getFileName(),
        at.jar().directory(),
        failure.getMessage());
    try {
      return DataSetCatalog.locateOne(plan.settings, at.name(), plan.refusals);
    } catch (DataSetOpenException none) {
      failure.addSuppressed(none);
      throw failure;
    }
  }

  /** Locates what {@code settings} ask for; see {@link Plan}. */
  public static Plan plan(Settings settings) {
    return new Plan(settings);
  }

  /** Opens every dataset of the plan; on a failure, closes those already opened. */
  public static Map<String, Engine> openAll(Plan plan) {
    // sqlite-jdbc logs through SLF4J when it is on the class path: keep it from announcing,
    // before the first connection, that there is no SLF4J provider.
    QuietStart.slf4j();
    List<Located> located = plan.names.stream().map(plan::located).toList();
    Map<String, Engine> engines = new LinkedHashMap<>();
    if (located.size() == 1) {
      Located l = located.get(0);
      engines.put(l.name(), openPlanned(plan, l));
      return engines;
    }
    List<CompletableFuture<Engine>> opening = new ArrayList<>();
    for (Located l : located) {
      opening.add(CompletableFuture.supplyAsync(() -> openPlanned(plan, l), EngineOpener::daemon));
    }
    RuntimeException failure = null;
    for (int i = 0; i < located.size(); i++) {
      try {
        engines.put(located.get(i).name(), opening.get(i).join());
      } catch (CompletionException e) {
        // The first failure in catalog order is reported, whichever finished first.
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException r ? r : e;
        }
      }
    }
    if (failure != null) {
      engines.values().forEach(Engine::close);
      throw failure;
    }
    return engines;
  }

  /**
   * Opens {@code l} as planned; a dataset in a directory of jars whose newest jar fails a check is
   * opened from the next newest instead (each refusal logged), as a running service following the
   * directory would keep serving an older jar rather than a refused one.
   */
  private static Engine openPlanned(Plan plan, Located l) {
    List<Class<?>> classes = plan.entities.get(l.name());
    Located at = l;
    for (boolean first = true; ; first = false) {
      try {
        if (!first) {
          sameEntities(at, plan.settings, classes);
        }
        Engine e = open(at, plan.settings, classes);
        plan.located.put(at.name(), at);
        return e;
      } catch (DataSetOpenException e) {
        at = nextJar(plan, at, e);
      }
    }
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "datajar-open");
    t.setDaemon(true);
    t.start();
  }

  static Engine open(Located l, Settings settings, List<Class<?>> entities) {
    MetamodelNames.fill(entities);
    if (l.jdbc() != null) {
      return openPostgres(l, settings, entities);
    }
    if (l.file() != null) {
      // A followed file needs its private name (a link, or a copy); any other file given by a
      // setting gets one when a link costs nothing, so that reload() compares and serves the
      // bytes each version verified even if a new file is renamed over the name meanwhile.
      Path pinned =
          settings.followInterval(l.name()) != null
              ? PinnedFiles.pin(l.name(), l.file(), settings.cacheSetting())
              : PinnedFiles.linkIfFree(l.name(), l.file(), settings.cacheSetting());
      if (pinned != null) {
        return openPinned(l, settings, entities, pinned);
      }
    }
    if (settings.followInterval(l.name()) != null && l.jar() == null) {
      throw new DataSetOpenException(
          l.name(),
          "it is to be followed ("
              + Settings.followProperty(l.name())
              + " or follow(...)), but it is read from "
              + l.where()
              + ": only a file, or a directory of dataset jars, given by path(...), -D"
              + Settings.pathProperty(l.name())
              + " or "
              + Settings.pathVariable(l.name())
              + " (or a dataset bound to PostgreSQL) can be followed. Give the file's (or the"
              + " directory's) path, or remove the follow"
              + " setting.");
    }
    FileSource source = FileSource.of(l, settings);
    try {
      while (true) {
        try {
          Engine engine = open(l, settings, entities, source);
          engine.releaseOnClose(source.lease()::close);
          return engine;
        } catch (FileChecks.DamagedCopy e) {
          FileCache.discard(l.name(), source.file(), e.getMessage());
          source = FileSource.copied(l, settings, source.lease());
        }
      }
    } catch (RuntimeException | Error e) {
      source.lease().close();
      throw e;
    }
  }

  /**
   * Opens a file given by a setting through its private name {@code pinned} ({@link PinnedFiles}),
   * deleted when the engine closes: the version keeps reading the bytes it verified whatever is
   * renamed over the file meanwhile.
   */
  private static Engine openPinned(
      Located l, Settings settings, List<Class<?>> entities, Path pinned) {
    boolean checksum = l.manifest() != null && l.manifest().sha256() != null;
    try {
      Engine e =
          open(l, settings, entities, new FileSource(pinned, false, checksum, CacheUse.NONE));
      e.releaseOnClose(() -> PinnedFiles.unpin(pinned));
      return e;
    } catch (DataSetOpenException e) {
      PinnedFiles.unpin(pinned);
      // Name the file the operator knows, not its private link.
      throw DataSetOpenException.withMessage(
          l.name(),
          String.valueOf(e.getMessage())
              .replace(
                  pinned.toString(),
                  settings.followInterval(l.name()) == null
                      ? l.file().toString() // the link is a detail of reading it
                      : l.file() + " (read through its link " + pinned + ")"),
          e);
    } catch (RuntimeException | Error e) {
      PinnedFiles.unpin(pinned);
      throw e;
    }
  }

  /**
   * A version opened again by {@link #reopen}: where it was located, and its engine; {@code null}
   * when the newest jar of a directory holds the file already served (nothing to switch to).
   */
  public record Reopened(Located located, Engine engine) {}

  /**
   * Opens the version of dataset {@code name} found now where the plan's settings locate it, with
   * every check of {@link #open(Located, Settings, List)} against the running entity classes:
   * header, sha256 against the manifest beside the file (or in the jar), schema fingerprint, entity
   * shape (and, when the shape differs, the schema compared through Hibernate). Only a dataset read
   * from a file or a directory of jars given by a setting can have a new version. In a directory,
   * the newest jar not refused before is taken, and remembered as refused if it fails.
   *
   * @param serving the manifest of the version served: a jar holding the same file is no change
   * @throws DataSetOpenException naming the file and the failed check; nothing is left open
   */
  public static Reopened reopen(Plan plan, String name, List<Class<?>> running, Manifest serving) {
    Settings settings = plan.settings;
    Located l = DataSetCatalog.locateOne(settings, name, plan.refusals);
    if (l.jdbc() != null && serving != null && serving.postgres() != null) {
      return reopenPostgres(plan, l, running, serving.postgres());
    }
    if (l.jdbc() != null || (l.file() == null && l.jar() == null)) {
      throw new DataSetOpenException(
          name,
          "it is read from "
              + l.where()
              + ", which has no new version to take: reload() and follow(...) take a new version"
              + " of a file, or the newest jar of a directory, given by path(...), -D"
              + Settings.pathProperty(name)
              + " or "
              + Settings.pathVariable(name)
              + ", or the newest schema of a dataset in PostgreSQL.");
    }
    if (l.jar() != null) {
      if (serving != null
          && l.manifest().sha256() != null
          && l.manifest().sha256().equals(serving.sha256())) {
        return new Reopened(l, null);
      }
      try {
        sameEntities(l, settings, running);
        MetamodelNames.fill(running);
        return new Reopened(l, open(l, settings, running));
      } catch (RuntimeException | Error e) {
        plan.refusals.refuse(name, l.jar().jar(), l.jar().identity());
        throw e;
      }
    }
    sameEntities(l, settings, running);
    MetamodelNames.fill(running);
    return new Reopened(
        l,
        openPinned(
            l, settings, running, PinnedFiles.pin(l.name(), l.file(), settings.cacheSetting())));
  }

  /**
   * The newest schema of a dataset in PostgreSQL that {@code datajar.datasets} lists and whose
   * recorded schema fingerprint is the one of the schema served, which start-up checked against the
   * running entity classes: by version ({@link VersionOrder}), then by the time it was loaded.
   * Schemas newer than it with another fingerprint are refused (each once, while its rows stay the
   * same), naming both fingerprints; older ones are ignored. No newer matching schema: nothing to
   * switch to ({@code null} engine), or, if a newer schema was refused now, that refusal.
   */
  private static Reopened reopenPostgres(
      Plan plan, Located l, List<Class<?>> running, Manifest.Postgres serving) {
    String name = l.name();
    Settings.JdbcBinding jdbc = l.jdbc();
    Manifest.Postgres target = null;
    Map<String, Long> rows = null;
    String targetVersion = null;
    List<String> refusedNow = new ArrayList<>();
    try (Connection c =
        PostgresOpener.connect(name, jdbc.url(), jdbc.user(), jdbc.password(), serving.schema())) {
      String expected =
          PostgresSchemas.readMetadata(c, serving.schema())
              .getOrDefault(PostgresSchemas.SCHEMA_FINGERPRINT, serving.schemaFingerprint());
      List<PostgresSchemas.Registered> found = new ArrayList<>(PostgresSchemas.registered(c, name));
      found.sort(
          Comparator.comparing(PostgresSchemas.Registered::version, VersionOrder.INSTANCE)
              .thenComparing(
                  PostgresSchemas.Registered::loadedAt,
                  Comparator.nullsFirst(Comparator.naturalOrder()))
              .reversed());
      for (PostgresSchemas.Registered r : found) {
        if (r.schema().equals(serving.schema())) {
          break; // the one served: older ones are ignored
        }
        Object key = "schema " + r.schema();
        if (plan.refusals.isRefused(name, key, String.valueOf(r.rowsSha256()))) {
          continue;
        }
        Map<String, String> meta = PostgresSchemas.readMetadata(c, r.schema());
        String fingerprint = meta.get(PostgresSchemas.SCHEMA_FINGERPRINT);
        if (expected != null
            && expected.equals(fingerprint)
            && r.rowsSha256() != null
            && r.rowsSha256().equals(meta.get(PostgresSchemas.ROWS_SHA256))) {
          // The running classes' fingerprint: opening compares it with the schema's again.
          target = new Manifest.Postgres(r.schema(), r.rowsSha256(), expected);
          targetVersion = r.version();
          rows =
              PostgresSchemas.rowCounts(
                  c, r.schema(), l.manifest().tables().stream().map(Manifest.Table::name).toList());
          break;
        }
        if (plan.refusals.refuse(name, key, String.valueOf(r.rowsSha256()))) {
          refusedNow.add(
              "schema "
                  + r.schema()
                  + " (version "
                  + r.version()
                  + ", loaded "
                  + r.loadedAt()
                  + ") has schema fingerprint "
                  + fingerprint
                  + ", but the running entity classes have "
                  + expected
                  + (fingerprint == null
                      ? " (it records none: it is not a complete datajar schema)"
                      : " (it was built from other entity classes)"));
        }
      }
    } catch (SQLException e) {
      throw new DataSetOpenException(
          name,
          "cannot read datajar.datasets in "
              + jdbc.url()
              + " (from "
              + jdbc.source()
              + "): "
              + e.getMessage(),
          e);
    }
    if (target == null) {
      if (refusedNow.isEmpty()) {
        return new Reopened(l, null);
      }
      throw new DataSetOpenException(
          name,
          String.join("; ", refusedNow)
              + ". Deploy the entity classes it was built from with a restart, or build it"
              + " from the running ones.");
    }
    for (String r : refusedNow) {
      LOG.log(
          System.Logger.Level.WARNING,
          "dataset ''{0}'': {1}; passed over for schema {2}",
          name,
          r,
          target.schema());
    }
    List<Manifest.Table> tables = new ArrayList<>();
    rows.forEach((t, n) -> tables.add(new Manifest.Table(t, n)));
    Manifest m = l.manifest().toBuilder().postgres(target).tables(tables).build();
    Located next =
        new Located(
            name,
            m,
            "schema " + target.schema() + " (version " + targetVersion + ") in " + jdbc,
            null,
            null,
            jdbc.source(),
            jdbc,
            null);
    try {
      MetamodelNames.fill(running);
      return new Reopened(next, open(next, plan.settings, running));
    } catch (RuntimeException | Error e) {
      plan.refusals.refuse(name, "schema " + target.schema(), target.rowsSha256());
      throw e;
    }
  }

  /** Refuses a new version {@code l} whose manifest names other entity classes than the running. */
  private static void sameEntities(Located l, Settings settings, List<Class<?>> running) {
    List<Class<?>> found = EntityClasses.load(l, settings.classLoader());
    if (!new HashSet<>(found).equals(new HashSet<>(running))) {
      throw new DataSetOpenException(
          l.name(),
          l.where()
              + " holds entities "
              + names(found)
              + ", but the running service reads "
              + names(running)
              + ": a new version must hold the same entity classes. Deploy the new classes with"
              + " a restart.");
    }
  }

  private static String names(List<Class<?>> classes) {
    return classes.stream().map(Class::getName).sorted().toList().toString();
  }

  /** Describes an engine opened from {@code l} as served since {@code servedSince}. */
  public static DataSetInfo describe(Located l, Engine engine, Instant servedSince) {
    return DataSetDescriber.describe(l, engine, servedSince);
  }

  private static Engine open(
      Located l, Settings settings, List<Class<?>> entities, FileSource source) {
    String name = l.name();
    Manifest m = l.manifest();
    Path file = source.file();
    FileChecks.checkHeader(name, source);
    FileChecks.checkHash(name, source, m);
    boolean shapeMatches = shapeMatches(m, entities);
    Engine.Reach reach = Engine.Reach.sqlite(file);
    FastConnections lookups = reach.connections(name, "lookups");
    HibernateSide hibernate = new HibernateSide(name, file, entities, settings.classLoader());
    try {
      String inFile = FileChecks.checkIdentity(name, source, m, lookups);
      boolean full = settings.fullCheck() || !shapeMatches || m.schemaFingerprint() == null;
      if (full) {
        HibernateVersions.checkAtOpen(
            name,
            settings.fullCheck()
                ? "the full check (comparing the entity classes with the file's schema)"
                : "the entity classes differ from those the dataset was built with, and comparing"
                    + " them with the file's schema");
        FastConnections.Slot slot = lookups.borrow();
        try {
          SchemaCheck.check(name, file, inFile, hibernate.schema(), slot.connection());
        } finally {
          lookups.giveBack(slot);
        }
        LOG.log(System.Logger.Level.DEBUG, "dataset ''{0}'': full schema check passed", name);
      }
      // Layouts describe the classes they were recorded from: only use them for those.
      Manifest readable = shapeMatches ? m : m.toBuilder().layouts(List.of()).build();
      checkHibernateNeeds(name, readable.layouts(), entities, settings);
      if (settings.startHibernate()) {
        hibernate.startInBackground();
      }
      return new Engine(
          name, file, readable, entities, settings.classLoader(), reach, lookups, hibernate);
    } catch (RuntimeException | Error e) {
      hibernate.close();
      lookups.close();
      throw e;
    }
  }

  /**
   * Fails now rather than at the first read if Hibernate will be needed and cannot start: when an
   * entity has no layout (the plain reader cannot read it) or the settings start Hibernate at once.
   * Otherwise only {@code query()} needs it (and an {@code sql()} whose result is an entity without
   * a layout: none is, here), and it checks on its first call.
   */
  private static void checkHibernateNeeds(
      String name, List<EntityLayout> layouts, List<Class<?>> entities, Settings settings) {
    Set<String> plain = new HashSet<>();
    layouts.forEach(l -> plain.add(l.entity()));
    List<String> viaHibernate =
        entities.stream().map(Class::getName).filter(e -> !plain.contains(e)).toList();
    if (!viaHibernate.isEmpty()) {
      HibernateVersions.checkAtOpen(
          name,
          "the plain reader cannot read "
              + String.join(", ", viaHibernate)
              + ", which are therefore read through Hibernate");
    } else if (settings.startHibernate()) {
      HibernateVersions.checkAtOpen(name, "startHibernateInBackground() starts Hibernate at once");
    }
  }

  /** True if the entity classes have the shape the manifest recorded with its layouts. */
  private static boolean shapeMatches(Manifest m, List<Class<?>> entities) {
    return m.entityShape() != null && m.entityShape().equals(EntityShape.fingerprint(entities));
  }

  /**
   * A dataset bound to PostgreSQL: checked and opened by {@link PostgresOpener}, plain entities
   * read through {@link RowPath} over read-only auto-commit sessions, the others through Hibernate
   * over the same sessions: one pool per dataset and server ({@link Engine.Reach#pool}).
   */
  private static Engine openPostgres(Located l, Settings settings, List<Class<?>> entities) {
    String name = l.name();
    Settings.JdbcBinding jdbc = l.jdbc();
    Manifest m = l.manifest();
    Duration maxLife;
    try {
      maxLife = settings.connectionMaxLifetimeOrDefault(); // a bad value fails before connecting
    } catch (DataSetException e) {
      throw new DataSetOpenException(name, e.getMessage(), e);
    }
    if (!settings.fullCheck() && shapeMatches(m, entities)) {
      // As for a SQLite file: classes of the recorded shape and a schema recording the manifest's
      // fingerprint vouch for each other, and Hibernate starts only when a read needs it.
      List<EntityLayout> layouts =
          PostgresOpener.checkWithoutHibernate(
              name,
              m,
              jdbc.url(),
              jdbc.user(),
              jdbc.password(),
              jdbc.source(),
              settings.classLoader());
      if (layouts != null) {
        return postgresEngine(l, settings, entities, layouts, maxLife);
      }
    }
    HibernateVersions.checkAtOpen(
        name,
        settings.fullCheck() || !shapeMatches(m, entities)
            ? "comparing the entity classes with the schema in PostgreSQL"
            : "the schema in PostgreSQL records no fingerprint, and comparing the entity classes"
                + " with it");
    Engine.Reach reach = postgresReach(l);
    FastConnections pool = reach.pool(name);
    pool.maxLife(maxLife);
    HibernateSide hibernate = null;
    try {
      HibernateSetup.Booted booted =
          PostgresOpener.open(
              name,
              m,
              jdbc.url(),
              jdbc.source(),
              entities,
              settings.classLoader(),
              pool.dataSource());
      hibernate =
          HibernateSide.started(name, entities, settings.classLoader(), booted, pool.dataSource());
      // Layouts describe the classes they were recorded from: only use them for those.
      List<EntityLayout> layouts =
          shapeMatches(m, entities)
              ? PostgresOpener.readableLayouts(m.layouts(), booted.schema(), settings.classLoader())
              : List.of();
      return new Engine(
          name,
          null,
          m.toBuilder().layouts(layouts).build(),
          entities,
          settings.classLoader(),
          reach,
          pool,
          pool,
          hibernate);
    } catch (RuntimeException | Error e) {
      if (hibernate != null) {
        hibernate.close();
      }
      pool.close();
      throw e;
    }
  }

  /** Read-only sessions in the dataset's schema ({@link PostgresOpener#connect}). */
  private static Engine.Reach postgresReach(Located l) {
    Settings.JdbcBinding jdbc = l.jdbc();
    String schema = l.manifest().postgres().schema();
    return new Engine.Reach(
        PostgresFlavour.INSTANCE,
        "schema " + schema + " in " + jdbc.url(),
        () -> PostgresOpener.connect(l.name(), jdbc.url(), jdbc.user(), jdbc.password(), schema));
  }

  /** A dataset in PostgreSQL whose checks passed without Hibernate: it starts on first need. */
  private static Engine postgresEngine(
      Located l,
      Settings settings,
      List<Class<?>> entities,
      List<EntityLayout> layouts,
      Duration maxLife) {
    String name = l.name();
    Manifest m = l.manifest();
    checkHibernateNeeds(name, layouts, entities, settings);
    Engine.Reach reach = postgresReach(l);
    FastConnections pool = reach.pool(name);
    pool.maxLife(maxLife);
    HibernateSide hibernate =
        new HibernateSide(
            name,
            reach.where(),
            pool::dataSource,
            PostgresOpener::hibernateSettings,
            entities,
            settings.classLoader());
    try {
      Engine engine =
          new Engine(
              name,
              null,
              m.toBuilder().layouts(layouts).build(),
              entities,
              settings.classLoader(),
              reach,
              pool,
              pool,
              hibernate);
      if (settings.startHibernate()) {
        hibernate.startInBackground();
      }
      return engine;
    } catch (RuntimeException | Error e) {
      hibernate.close();
      pool.close();
      throw e;
    }
  }
}
