package dev.datajar.runtime.internal;

import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.DataSetMembership;
import dev.datajar.runtime.format.EntityShape;
import dev.datajar.runtime.format.FileIdentity;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.Sha256;
import dev.datajar.runtime.internal.logging.QuietStart;
import dev.datajar.runtime.internal.postgres.PostgresOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
  private static final System.Logger LOG = System.getLogger(EngineOpener.class.getName());

  private EngineOpener() {}

  /**
   * The datasets the settings ask for, located (manifests read, entity classes loaded) but not
   * opened: what a container needs to register stores before opening, and what {@link #openAll}
   * opens, so that nothing is read twice.
   */
  public static final class Plan {
    private final Settings settings;
    private final List<Located> located;
    private final Map<String, List<Class<?>>> entities = new LinkedHashMap<>();

    private Plan(Settings settings) {
      this.settings = settings;
      this.located = DataSetCatalog.locate(settings);
      if (located.stream().anyMatch(l -> l.jdbc() == null)) {
        DriverWarmUp.start(); // on a second core, while the entity classes load and files copy
      }
      for (Located l : located) {
        entities.put(l.name(), entityClasses(l, settings.classLoader()));
      }
    }

    /** The entity classes of each dataset, by dataset name. */
    public Map<String, List<Class<?>>> entities() {
      return entities;
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
    Settings settings = plan.settings;
    List<Located> located = plan.located;
    Map<String, Engine> engines = new LinkedHashMap<>();
    if (located.size() == 1) {
      Located l = located.get(0);
      engines.put(l.name(), open(l, settings, plan.entities.get(l.name())));
      return engines;
    }
    List<CompletableFuture<Engine>> opening = new ArrayList<>();
    for (Located l : located) {
      List<Class<?>> classes = plan.entities.get(l.name());
      opening.add(
          CompletableFuture.supplyAsync(() -> open(l, settings, classes), EngineOpener::daemon));
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

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "datajar-open");
    t.setDaemon(true);
    t.start();
  }

  /** A cached copy turned out damaged: it is discarded and copied again. */
  private static final class DamagedCopy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DamagedCopy(String why) {
      super(why, null, false, false);
    }
  }

  static Engine open(Located l, Settings settings, List<Class<?>> entities) {
    if (l.jdbc() != null) {
      return openPostgres(l, settings, entities);
    }
    FileSource source = FileSource.of(l, settings, settings.fullCheck());
    while (true) {
      try {
        return open(l, settings, entities, source);
      } catch (DamagedCopy e) {
        FileCache.discard(l.name(), source.file(), e.getMessage());
        source = FileSource.copied(l, settings);
      }
    }
  }

  private static Engine open(
      Located l, Settings settings, List<Class<?>> entities, FileSource source) {
    String name = l.name();
    Manifest m = l.manifest();
    Path file = source.file();
    Optional<String> header;
    try {
      header = FileIdentity.headerProblem(file);
    } catch (IOException e) {
      throw new DataSetOpenException(
          name, "dataset '" + name + "': cannot read " + file + ": " + e, e);
    }
    if (header.isPresent()) {
      if (source.cachedCopy()) {
        throw new DamagedCopy("its header is damaged");
      }
      throw new DataSetOpenException(name, "dataset '" + name + "': " + header.get());
    }
    if (source.hash()) {
      checkHash(name, file, m, source.cachedCopy());
    }
    boolean shapeMatches =
        m.entityShape() != null && m.entityShape().equals(EntityShape.fingerprint(entities));
    FastConnections lookups =
        new FastConnections(name, file, Engine.MAX_CONNECTIONS, "lookups", Engine.WAIT_MILLIS);
    HibernateSide hibernate = new HibernateSide(name, file, entities, settings.classLoader());
    try {
      String inFile = checkIdentity(name, file, m, lookups, source.cachedCopy());
      boolean full = settings.fullCheck() || !shapeMatches || m.schemaFingerprint() == null;
      if (full) {
        FastConnections.Slot slot = lookups.borrow();
        try {
          SchemaCheck.check(name, file, inFile, hibernate.schema(), slot.connection);
        } finally {
          lookups.giveBack(slot);
        }
        LOG.log(System.Logger.Level.DEBUG, "dataset ''{0}'': full schema check passed", name);
      }
      // Layouts describe the classes they were recorded from: only use them for those.
      Manifest readable = shapeMatches ? m : m.toBuilder().layouts(List.of()).build();
      if (settings.startHibernate()) {
        hibernate.startInBackground();
      }
      return new Engine(name, file, readable, entities, settings.classLoader(), lookups, hibernate);
    } catch (RuntimeException | Error e) {
      hibernate.close();
      lookups.close();
      throw e;
    }
  }

  /**
   * A dataset bound to PostgreSQL: checked and opened by {@link PostgresOpener}, read through
   * Hibernate (the row path reads SQLite files, so the engine gets no layouts).
   */
  private static Engine openPostgres(Located l, Settings settings, List<Class<?>> entities) {
    String name = l.name();
    PostgresOpener.Opened o =
        PostgresOpener.open(
            name,
            l.manifest(),
            l.jdbc().url(),
            l.jdbc().user(),
            l.jdbc().password(),
            l.jdbc().source(),
            entities,
            settings.classLoader(),
            Engine.MAX_CONNECTIONS);
    HibernateSide hibernate =
        HibernateSide.started(name, entities, settings.classLoader(), o.booted(), o.pool());
    return new Engine(
        name,
        null,
        l.manifest().toBuilder().layouts(List.of()).build(),
        entities,
        settings.classLoader(),
        new FastConnections(name, null, 1, "lookups", Engine.WAIT_MILLIS),
        hibernate);
  }

  /**
   * Reads the identity recorded in the file and compares its schema fingerprint with the
   * manifest's; returns the file's fingerprint.
   */
  private static String checkIdentity(
      String name, Path file, Manifest m, FastConnections lookups, boolean cachedCopy) {
    FileIdentity id;
    FastConnections.Slot slot = lookups.borrow();
    try {
      id = FileIdentity.readFrom(slot.connection);
    } catch (SQLException e) {
      if (cachedCopy) {
        throw new DamagedCopy("SQLite cannot read it: " + e.getMessage());
      }
      throw new DataSetOpenException(
          name,
          "dataset '"
              + name
              + "': "
              + file
              + " is not a"
              + " readable datajar dataset ("
              + DataSetLayout.METADATA_TABLE
              + " cannot be read: "
              + e.getMessage()
              + "). Rebuild it.",
          e);
    } finally {
      lookups.giveBack(slot);
    }
    if (m.schemaFingerprint() != null && !m.schemaFingerprint().equals(id.schemaFingerprint())) {
      throw new DataSetOpenException(
          name,
          "dataset '"
              + name
              + "': "
              + file
              + " has schema"
              + " fingerprint "
              + id.schemaFingerprint()
              + ", but its manifest says "
              + m.schemaFingerprint()
              + ": the file and the manifest come from different builds."
              + " Rebuild the dataset.");
    }
    return id.schemaFingerprint();
  }

  /** Compares the file's sha256 with the manifest's; a cached copy that differs is recopied. */
  private static void checkHash(String name, Path file, Manifest m, boolean cachedCopy) {
    String actual;
    long size;
    try {
      actual = Sha256.of(file);
      size = Files.size(file);
    } catch (IOException e) {
      throw new DataSetOpenException(
          name, "dataset '" + name + "': cannot read " + file + ": " + e, e);
    }
    if (actual.equals(m.sha256())) {
      return;
    }
    if (cachedCopy) {
      throw new DamagedCopy("its sha256 is " + actual);
    }
    throw new DataSetOpenException(
        name, mismatch(name, file.toString(), actual, size, m.sha256(), m.bytes()));
  }

  /** The message for a file that does not match its manifest. */
  static String mismatch(
      String name,
      String where,
      String actual,
      long actualBytes,
      String expected,
      long expectedBytes) {
    return "dataset '"
        + name
        + "': "
        + where
        + " has sha256 "
        + actual
        + " ("
        + actualBytes
        + " bytes), but its manifest says "
        + expected
        + " ("
        + expectedBytes
        + " bytes)."
        + " The file was changed after it was built, or the jar is corrupt: rebuild the dataset.";
  }

  private static List<Class<?>> entityClasses(Located l, ClassLoader loader) {
    List<Class<?>> out = new ArrayList<>();
    for (String className : l.manifest().entities()) {
      Class<?> c;
      try {
        c = Class.forName(className, false, loader);
      } catch (ClassNotFoundException e) {
        throw new DataSetOpenException(
            l.name(),
            "dataset '"
                + l.name()
                + "': entity class "
                + className
                + " (listed in the manifest of "
                + l.where()
                + ") is not on the class"
                + " path. Put the dataset module's classes on the class path with its file.");
      }
      String actual = DataSetMembership.nameOf(c).orElse(null);
      if (!l.name().equals(actual)) {
        throw new DataSetOpenException(
            l.name(),
            "dataset '"
                + l.name()
                + "': entity class "
                + className
                + " belongs to "
                + (actual == null ? "no dataset" : "dataset '" + actual + "'")
                + " on the class"
                + " path, but "
                + l.where()
                + " was built with it. Rebuild the dataset with the"
                + " current classes.");
      }
      out.add(c);
    }
    if (out.isEmpty()) {
      throw new DataSetOpenException(
          l.name(),
          "dataset '"
              + l.name()
              + "': its manifest ("
              + l.where()
              + ") lists no entity classes. Rebuild the dataset.");
    }
    return out;
  }
}
