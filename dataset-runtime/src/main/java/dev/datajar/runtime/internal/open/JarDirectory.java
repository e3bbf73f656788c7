package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.format.DataSetIndex;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A directory where new versions of a dataset's jar are dropped (the jar the plugin makes, e.g.
 * {@code iso-codes-2026.12.jar}): the dataset is read from the newest one that holds it.
 *
 * <p>Only complete jars are looked at: regular files (or links to them) whose name ends in {@code
 * .jar} and does not start with {@code .}, so that a jar still being written under a temporary name
 * ({@code .iso-codes-2026.12.jar.part}) and renamed into the directory is never read half-written.
 * "Newest" is the artifact version in the jar's {@code META-INF/maven/<group>/<artifact>/
 * pom.properties} (which the Maven jar plugin writes), in {@link VersionOrder Maven's version
 * order}; neither file names nor modification times decide. A jar that cannot be read, or that
 * holds the dataset without one {@code pom.properties} giving a version, is skipped with a warning;
 * jars of two artifacts holding the dataset, or two jars of one version with different contents,
 * are refused as ambiguous. A jar refused once (skipped, or failing a check when opened) is not
 * tried again while it stays the same file (file key, modification time, size): {@link Refusals}.
 */
public final class JarDirectory {
  private static final System.Logger LOG = System.getLogger(JarDirectory.class.getName());

  private JarDirectory() {}

  /** What tells one version of a file from the next: file key, modification time, size. */
  public record Identity(Object fileKey, long modified, long size) {
    /** The identity of {@code file} now (through a link), or {@code null} if it is absent. */
    public static Identity of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Identity(a.fileKey(), a.lastModifiedTime().toMillis(), a.size());
      } catch (IOException e) {
        return null;
      }
    }
  }

  /**
   * The jar a dataset was located in.
   *
   * @param directory the directory given by the setting
   * @param jar the newest jar in it that holds the dataset
   * @param identity that jar's identity when it was read
   * @param coordinates {@code group:artifact:version} from its {@code pom.properties}
   * @param builtAt the time of the dataset's manifest entry in the jar, or {@code null}
   * @param listing every complete jar of the directory, as listed before choosing: what a follower
   *     compares later listings with
   */
  public record Choice(
      Path directory,
      Path jar,
      Identity identity,
      String coordinates,
      Instant builtAt,
      Map<Path, Identity> listing) {
    public Choice {
      listing = Map.copyOf(listing);
    }
  }

  /**
   * The jars (or PostgreSQL schemas) refused for a dataset, each with the identity it had: such a
   * jar is tried again only once it is another file or was changed. Thread-safe; one per {@code
   * DataSets}.
   */
  public static final class Refusals {
    private final Map<String, Map<Object, Object>> refused = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    /**
     * Records that {@code what} (a jar's path, a schema's name), as {@code identity}, was refused
     * for {@code dataSet}; false if it already was.
     */
    public boolean refuse(String dataSet, Object what, Object identity) {
      Object before =
          refused.computeIfAbsent(dataSet, k -> new ConcurrentHashMap<>()).put(what, identity);
      if (identity.equals(before)) {
        return false;
      }
      counts.merge(dataSet, 1, Integer::sum);
      return true;
    }

    /** True if {@code what} was refused for {@code dataSet} as {@code identity}. */
    public boolean isRefused(String dataSet, Object what, Object identity) {
      Map<Object, Object> m = refused.get(dataSet);
      return m != null && identity.equals(m.get(what));
    }

    /** How many times something was refused anew for {@code dataSet}. */
    public int count(String dataSet) {
      return counts.getOrDefault(dataSet, 0);
    }
  }

  /** True if {@code name} is the name of a complete jar: {@code *.jar}, not hidden. */
  static boolean isJarName(String name) {
    return name.endsWith(".jar") && !name.startsWith(".");
  }

  /**
   * The complete jars in {@code dir} now, by path, with their identities; empty if the directory
   * cannot be read (the caller that locates says why).
   */
  public static Map<Path, Identity> listing(Path dir) {
    Map<Path, Identity> out = new TreeMap<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        if (isJarName(p.getFileName().toString()) && Files.isRegularFile(p)) {
          Identity id = Identity.of(p);
          if (id != null) {
            out.put(p, id);
          }
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return out;
  }

  /** A jar that holds the dataset, read. */
  private record Candidate(
      Path jar,
      Identity identity,
      String artifact,
      String version,
      Manifest manifest,
      Instant builtAt) {
    String coordinates() {
      return artifact + ":" + version;
    }
  }

  /**
   * Locates dataset {@code name} in the newest jar of {@code dir} that holds it and was not refused
   * (as it is now).
   *
   * @param source the setting that names the directory, for messages
   * @throws DataSetOpenException if no jar can be chosen, saying why
   */
  static Located locate(String name, Path dir, String source, Refusals refusals) {
    if (!Files.isDirectory(dir)) {
      throw new DataSetOpenException(
          name, dir + " (from " + source + ") is not a directory or cannot be read.");
    }
    Map<Path, Identity> listing = listing(dir);
    List<Candidate> found = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Map.Entry<Path, Identity> e : listing.entrySet()) {
      Path jar = e.getKey();
      Identity id = e.getValue();
      if (refusals.isRefused(name, jar, id)) {
        skipped.add(jar.getFileName().toString());
        continue;
      }
      try {
        Candidate c = read(name, jar, id);
        if (c != null) {
          found.add(c);
        }
      } catch (IOException | RuntimeException ex) {
        refusals.refuse(name, jar, id);
        skipped.add(jar.getFileName().toString());
        LOG.log(
            System.Logger.Level.WARNING,
            "dataset ''{0}'': {1} is skipped until it changes: {2}",
            name,
            jar,
            ex instanceof DataSetOpenException
                ? EngineOpener.withoutPrefix(name, ex.getMessage())
                : "cannot read it as a jar ("
                    + ex
                    + "): a jar still being written? Write it under another name, then rename it"
                    + " to *.jar");
      }
    }
    if (found.isEmpty()) {
      throw new DataSetOpenException(
          name,
          "no jar in "
              + dir
              + " (from "
              + source
              + ") holds it"
              + (skipped.isEmpty()
                  ? ""
                  : " that can be taken (skipped until they change, each logged at WARNING with"
                      + " its reason: "
                      + skipped
                      + ")")
              + ". Put the dataset's jar (the artifact its module builds, with its"
              + " META-INF/datasets/"
              + DataSetLayout.manifestFileName(name)
              + " and META-INF/maven/.../pom.properties) there, written under another name and"
              + " renamed to *.jar.");
    }
    found.sort(Comparator.comparing(Candidate::version, VersionOrder.INSTANCE).reversed());
    Candidate newest = found.get(0);
    for (Candidate c : found) {
      if (!c.artifact().equals(newest.artifact())) {
        throw new DataSetOpenException(
            name,
            "jars of two artifacts in "
                + dir
                + " (from "
                + source
                + ") hold it: "
                + newest.jar().getFileName()
                + " ("
                + newest.coordinates()
                + ") and "
                + c.jar().getFileName()
                + " ("
                + c.coordinates()
                + "): their versions cannot be ordered. Keep the jars of one artifact there.");
      }
      if (!c.jar().equals(newest.jar())
          && VersionOrder.INSTANCE.compare(c.version(), newest.version()) == 0
          && !String.valueOf(c.manifest().sha256()).equals(newest.manifest().sha256())) {
        throw new DataSetOpenException(
            name,
            newest.jar().getFileName()
                + " and "
                + c.jar().getFileName()
                + " in "
                + dir
                + " are both version "
                + newest.version()
                + " of "
                + newest.artifact()
                + " but hold different files: remove one (a version is built once; give a new"
                + " build a new version).");
      }
    }
    URL resource;
    try {
      resource =
          new URL(
              "jar:" + newest.jar().toUri().toURL() + "!/" + DataSetLayout.sqliteResource(name));
    } catch (MalformedURLException e) {
      throw new DataSetOpenException(name, "cannot name the file in " + newest.jar() + ": " + e, e);
    }
    Choice choice =
        new Choice(
            dir, newest.jar(), newest.identity(), newest.coordinates(), newest.builtAt(), listing);
    return new Located(
        name, newest.manifest(), newest.jar().toString(), resource, null, source, null, choice);
  }

  /**
   * The jar's dataset manifest and coordinates, or {@code null} if it does not hold the dataset.
   *
   * @throws DataSetOpenException if it holds the dataset in a way that cannot be used
   */
  private static Candidate read(String name, Path jar, Identity id) throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      JarEntry index = j.getJarEntry(DataSetLayout.INDEX);
      if (index == null) {
        return null;
      }
      List<String> names;
      try (InputStream in = j.getInputStream(index)) {
        names = DataSetIndex.read(in);
      }
      JarEntry manifestEntry = j.getJarEntry(DataSetLayout.manifestResource(name));
      if (!names.contains(name) || manifestEntry == null) {
        return null;
      }
      Manifest m;
      try (InputStream in = j.getInputStream(manifestEntry)) {
        m = Manifest.read(in, jar + "!/" + manifestEntry.getName());
      }
      if (m.file() == null) {
        throw new DataSetOpenException(
            name,
            jar
                + " holds it built into PostgreSQL (schema "
                + (m.postgres() == null ? "?" : m.postgres().schema())
                + "): a directory of jars serves SQLite files only.");
      }
      if (!m.file().equals(DataSetLayout.sqliteFileName(name)) || !name.equals(m.name())) {
        throw new DataSetOpenException(
            name,
            jar
                + ": its manifest describes dataset '"
                + m.name()
                + "' in file '"
                + m.file()
                + "'. The jar is corrupt; rebuild it.");
      }
      List<Properties> poms = DataSetDescriber.pomProperties(j);
      String g = poms.size() == 1 ? poms.get(0).getProperty("groupId") : null;
      String a = poms.size() == 1 ? poms.get(0).getProperty("artifactId") : null;
      String v = poms.size() == 1 ? poms.get(0).getProperty("version") : null;
      if (g == null || a == null || v == null || v.isBlank()) {
        throw new DataSetOpenException(
            name,
            jar
                + " holds it, but "
                + (poms.size() > 1
                    ? "has " + poms.size() + " pom.properties (a shaded jar)"
                    : "has no META-INF/maven/<group>/<artifact>/pom.properties with groupId,"
                        + " artifactId and version")
                + ", so its version cannot be ordered among the others. Drop the jar the dataset's"
                + " Maven module builds (the jar plugin adds pom.properties).");
      }
      FileTime t = manifestEntry.getLastModifiedTime();
      return new Candidate(
          jar, id, g.strip() + ":" + a.strip(), v.strip(), m, t == null ? null : t.toInstant());
    }
  }
}
