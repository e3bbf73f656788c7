package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.format.DataSetIndex;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.internal.postgres.JdbcUrls;
import dev.datajar.runtime.internal.postgres.PostgresDriver;
import dev.datajar.runtime.internal.postgres.PostgresOpener;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds datasets: through every {@code META-INF/datasets/index} on the class path, by name, or at
 * an overriding location.
 *
 * <p>A dataset's manifest and file are read from the same jar or folder as the index that lists it,
 * so two jars can never mix their files.
 */
public final class DataSetCatalog {
  private final Settings settings;
  private final JarDirectory.Refusals refusals;
  private final List<URL> indexes = new ArrayList<>();
  private final Map<String, URL> manifests = new TreeMap<>();

  private DataSetCatalog(Settings settings, JarDirectory.Refusals refusals) {
    this.settings = settings;
    this.refusals = refusals;
  }

  /**
   * Locates every dataset the settings ask for (all indexed ones if none is named); in a directory
   * of jars, the newest jar not in {@code refusals}.
   */
  static List<Located> locate(Settings settings, JarDirectory.Refusals refusals) {
    DataSetCatalog c = new DataSetCatalog(settings, refusals);
    c.readIndexes();
    List<String> names =
        settings.dataSets().isEmpty() ? new ArrayList<>(c.manifests.keySet()) : settings.dataSets();
    if (names.isEmpty()) {
      throw DataSetOpenException.withMessage("*", c.notFound(null), null);
    }
    List<Located> out = new ArrayList<>();
    for (String name : names) {
      out.add(c.locate(DataSetLayout.checkName(name)));
    }
    return out;
  }

  /**
   * Locates dataset {@code name} again, as {@link #locate(Settings, JarDirectory.Refusals)} located
   * it at start-up.
   */
  static Located locateOne(Settings settings, String name, JarDirectory.Refusals refusals) {
    DataSetCatalog c = new DataSetCatalog(settings, refusals);
    c.readIndexes();
    return c.locate(name);
  }

  private void readIndexes() {
    try {
      for (URL index : Collections.list(settings.classLoader().getResources(DataSetLayout.INDEX))) {
        indexes.add(index);
        for (String name : lines(index)) {
          URL manifest =
              new URL(index, DataSetLayout.manifestFileName(DataSetLayout.checkName(name)));
          URL earlier = manifests.putIfAbsent(name, manifest);
          if (earlier != null && !earlier.toString().equals(manifest.toString())) {
            throw DataSetOpenException.withMessage(
                name,
                "dataset '"
                    + name
                    + "' is on the class path"
                    + " twice: "
                    + earlier
                    + " and "
                    + manifest
                    + ". Keep one of the two jars.",
                null);
          }
        }
      }
    } catch (IOException e) {
      throw DataSetOpenException.withMessage(
          "*", "cannot read " + DataSetLayout.INDEX + " from the class path: " + e.getMessage(), e);
    }
  }

  private Located locate(String name) {
    Settings.PathOverride override = settings.pathOverride(name);
    Settings.JdbcBinding jdbc = settings.jdbcBinding(name);
    if (override != null && jdbc == null) {
      Path p = override.path().toAbsolutePath().normalize();
      return Files.isDirectory(p)
          ? JarDirectory.locate(name, p, override.source(), refusals)
          : locateFile(name, override);
    }
    URL manifestUrl = manifests.get(name);
    if (manifestUrl == null) {
      manifestUrl = settings.classLoader().getResource(DataSetLayout.manifestResource(name));
    }
    if (manifestUrl == null) {
      throw DataSetOpenException.withMessage(name, notFound(name), null);
    }
    Manifest m = readManifest(name, manifestUrl);
    if (jdbc != null) {
      if (m.postgres() == null) {
        // A binding left over for a dataset built into a SQLite file: that, not the driver.
        throw PostgresOpener.noSchemaInManifest(name, JdbcUrls.redact(jdbc.url()), jdbc.source());
      }
      // pgjdbc is an optional dependency of the runtime: say which one to add before anything
      // reaches for it.
      PostgresDriver.require(name, jdbc.toString());
      return new Located(name, m, jdbc.toString(), manifestUrl, null, jdbc.source(), jdbc, null);
    }
    if (m.file() == null) {
      throw DataSetOpenException.withMessage(
          name,
          "dataset '"
              + name
              + "' was built into PostgreSQL"
              + " (schema "
              + m.postgres().schema()
              + ", says "
              + manifestUrl
              + "), and no database"
              + " is given for it. Set -D"
              + Settings.jdbcProperty(name)
              + "=jdbc:postgresql://"
              + "host:port/database (or "
              + Settings.jdbcVariable(name)
              + ", jdbc(\""
              + name
              + "\", url) on DataSets.builder() or DataSetModule.builder(), or datajar.jdbc."
              + name
              + " in Spring Boot).",
          null);
    }
    URL resource;
    try {
      resource = new URL(manifestUrl, m.file());
    } catch (MalformedURLException e) {
      throw DataSetOpenException.withMessage(
          name, manifestUrl + ": bad file name '" + m.file() + "'", e);
    }
    if (!m.file().equals(DataSetLayout.sqliteFileName(name)) || !name.equals(m.name())) {
      throw DataSetOpenException.withMessage(
          name,
          manifestUrl
              + ": describes dataset '"
              + m.name()
              + "' in file '"
              + m.file()
              + "', expected '"
              + name
              + "' in '"
              + DataSetLayout.sqliteFileName(name)
              + "'. The jar is corrupt; rebuild it.",
          null);
    }
    return new Located(name, m, resource.toString(), resource, null, null);
  }

  private Located locateFile(String name, Settings.PathOverride o) {
    Path file = o.path().toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new DataSetOpenException(
          name,
          file
              + " (from "
              + o.source()
              + ") does not exist or is not a file (nor a directory of dataset jars). Fix the"
              + " path, or remove the setting to use the dataset jar on the class path.");
    }
    // A manifest beside the file describes exactly that file; otherwise the class path's one
    // still tells which entities the dataset holds, but its checksum is for another file.
    Path beside = file.resolveSibling(DataSetLayout.manifestFileName(name));
    Manifest m = null;
    if (Files.isRegularFile(beside)) {
      try {
        m = readManifest(name, beside.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    } else {
      URL cp =
          manifests.containsKey(name)
              ? manifests.get(name)
              : settings.classLoader().getResource(DataSetLayout.manifestResource(name));
      if (cp == null) {
        throw new DataSetOpenException(
            name,
            "no manifest for "
                + file
                + " (from "
                + o.source()
                + "): put "
                + beside.getFileName()
                + " beside it, or the"
                + " dataset's jar on the class path, so that its entity classes are known.");
      }
      Manifest cpm = readManifest(name, cp);
      // Neither its checksum nor its schema fingerprint describe this file: leave both out, so
      // that a file of other entities fails on the schema check, which says so, rather than on
      // "the file and the manifest come from different builds".
      m =
          cpm.toBuilder()
              .file(file.getFileName().toString())
              .checksum(null, -1)
              .schemaFingerprint(null)
              .build();
    }
    return new Located(name, m, file.toString(), null, file, o.source());
  }

  /**
   * Why dataset {@code name} (or, for {@code null}, any dataset) was not found, and the fixes: most
   * often the dataset module's pom names the plugin without its {@code <execution>}, so its jar has
   * classes but no dataset.
   */
  private String notFound(String name) {
    String plugin =
        " A module's datasets are put into its jar by dev.datajar:dataset-maven-plugin"
            + " when its pom has <execution><goals><goal>build</goal></goals></execution> in that"
            + " plugin's <executions>: the goal runs in phase process-classes, so 'mvn package'"
            + " builds them (an IDE's own compile does not).";
    if (name == null) {
      String otherwise =
          " Otherwise add a dataset jar as a dependency, or name datasets with"
              + " DataSets.builder().dataSets(...) (DataSetModule.builder() with Guice) and give"
              + " their files with -Ddatajar.<name>.path=...";
      if (indexes.isEmpty()) {
        return "no datasets found: there is no "
            + DataSetLayout.INDEX
            + " on the class path."
            + plugin
            + otherwise;
      }
      // An index that lists nothing: the module's build ran and found no dataset, or the jar was
      // built by a datajar that left PostgreSQL datasets out of the index.
      StringBuilder sb =
          new StringBuilder("no datasets found: ")
              .append(indexes.size() == 1 ? "the " : "every ")
              .append(DataSetLayout.INDEX)
              .append(" on the class path is empty (");
      for (int i = 0; i < indexes.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(indexes.get(i));
      }
      return sb.append(
              "): the build of the module that wrote it found no dataset to put in it. Check"
                  + " that the module has an interface annotated @DataSet and entities that"
                  + " implement it, then rebuild it with the current dev.datajar:dataset-maven-plugin"
                  + " (mvn package).")
          .append(otherwise)
          .toString();
    }
    StringBuilder sb =
        new StringBuilder("dataset '")
            .append(name)
            .append("' not found: no ")
            .append(DataSetLayout.manifestResource(name))
            .append(" on the class path");
    if (indexes.isEmpty()) {
      sb.append(" (no ").append(DataSetLayout.INDEX).append(" either)");
    } else {
      sb.append(" (indexes seen: ");
      for (int i = 0; i < indexes.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(indexes.get(i));
      }
      sb.append(
          manifests.isEmpty()
              ? ", listing none"
              : ", listing '" + String.join("', '", manifests.keySet()) + "'");
      sb.append(')');
    }
    sb.append(", no system property ")
        .append(Settings.pathProperty(name))
        .append(", no environment variable ")
        .append(Settings.pathVariable(name))
        .append(". Add the dataset's jar as a dependency, or set -D")
        .append(Settings.pathProperty(name))
        .append("=/path/to/")
        .append(name)
        .append(".sqlite.")
        .append(plugin);
    return sb.toString();
  }

  private static Manifest readManifest(String name, URL url) {
    try (InputStream in = url.openStream()) {
      return Manifest.read(in, url.toString());
    } catch (IOException e) {
      throw new DataSetOpenException(
          name, "cannot read its manifest " + url + ": " + e.getMessage(), e);
    }
  }

  private static List<String> lines(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return DataSetIndex.read(in);
    }
  }
}
