package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.DataSetInfo;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.internal.Engine;
import dev.datajar.runtime.internal.postgres.JdbcUrls;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Describes an opened dataset for {@link DataSetInfo}: from its manifest, the place it was located
 * at and, for a dataset inside a jar, that jar's {@code pom.properties} and entry time. Only run
 * when a description is asked for, never at start-up; a jar that cannot be read gives a description
 * without coordinates, not a failure.
 */
final class DataSetDescriber {
  private static final System.Logger LOG = System.getLogger(DataSetDescriber.class.getName());
  private static final String MAVEN_DIR = "META-INF/maven/";

  private DataSetDescriber() {}

  static DataSetInfo describe(Located l, Engine engine, Instant servedSince) {
    Manifest m = engine.manifest();
    Map<String, Long> tables = new LinkedHashMap<>();
    String sha256 = null;
    String schema = null;
    String datajarVersion = null;
    if (m != null) {
      m.tables().forEach(t -> tables.put(t.name(), t.rows()));
      sha256 = m.sha256();
      datajarVersion = m.datajarVersion();
      if (m.postgres() != null && l.jdbc() != null) {
        sha256 = m.postgres().rowsSha256();
        schema = m.postgres().schema();
      }
    }
    String source;
    if (l.jdbc() != null) {
      source = JdbcUrls.redact(l.jdbc().url()) + " (from " + l.jdbc().source() + ")";
    } else if (l.jar() != null) {
      source =
          l.jar().jar()
              + " (the newest jar of "
              + l.jar().directory()
              + ", from "
              + l.overrideSource()
              + ")";
    } else if (l.file() != null) {
      source = l.file() + " (from " + l.overrideSource() + ")";
    } else {
      source = String.valueOf(l.resource());
    }
    DataSetInfo.Artifact artifact = null;
    Instant builtAt = null;
    if (l.jar() != null) {
      // As read when the jar was chosen: the jar may have been renamed over since.
      String[] gav = l.jar().coordinates().split(":", 3);
      artifact = new DataSetInfo.Artifact(gav[0], gav[1], gav[2]);
      builtAt = l.jar().builtAt();
    } else if (l.resource() != null && l.file() == null) {
      // In a jar, also for a dataset built into PostgreSQL: the jar whose manifest names the schema
      JarFacts facts = jarFacts(l.name(), l.resource());
      artifact = facts.artifact;
      builtAt = facts.builtAt;
    }
    List<String> entities = new ArrayList<>();
    engine.entities().forEach(c -> entities.add(c.getName()));
    return new DataSetInfo(
        l.name(),
        artifact,
        sha256,
        schema,
        tables,
        entities,
        builtAt,
        datajarVersion,
        source,
        engine.file(),
        servedSince);
  }

  /** Every {@code META-INF/maven/.../pom.properties} of {@code jar}, read. */
  static List<Properties> pomProperties(JarFile jar) throws IOException {
    List<Properties> poms = new ArrayList<>();
    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
      JarEntry entry = e.nextElement();
      if (entry.getName().startsWith(MAVEN_DIR) && entry.getName().endsWith("/pom.properties")) {
        Properties p = new Properties();
        try (InputStream in = jar.getInputStream(entry)) {
          p.load(in);
        }
        poms.add(p);
      }
    }
    return poms;
  }

  private record JarFacts(DataSetInfo.Artifact artifact, Instant builtAt) {}

  /**
   * The coordinates in the jar's only {@code pom.properties} (a shaded jar with several gives
   * none), and the time of the dataset's manifest entry.
   */
  private static JarFacts jarFacts(String name, URL resource) {
    try {
      URLConnection c = resource.openConnection();
      if (!(c instanceof JarURLConnection jarConnection)) {
        return new JarFacts(null, null); // a class folder
      }
      // Not the shared, cached JarFile of the URL handler: one of our own, closed here.
      jarConnection.setUseCaches(false);
      try (JarFile jar = jarConnection.getJarFile()) {
        Instant builtAt = null;
        JarEntry manifest = jar.getJarEntry(DataSetLayout.manifestResource(name));
        if (manifest != null) {
          FileTime t = manifest.getLastModifiedTime();
          builtAt = t == null ? null : t.toInstant();
        }
        List<Properties> poms = pomProperties(jar);
        DataSetInfo.Artifact artifact = null;
        if (poms.size() == 1) {
          Properties p = poms.get(0);
          String g = p.getProperty("groupId");
          String a = p.getProperty("artifactId");
          String v = p.getProperty("version");
          if (g != null && a != null && v != null) {
            artifact = new DataSetInfo.Artifact(g.strip(), a.strip(), v.strip());
          }
        }
        return new JarFacts(artifact, builtAt);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "dataset ''{0}'': cannot read the coordinates of the jar of {1}: {2}",
          name,
          resource,
          e.toString());
      return new JarFacts(null, null);
    }
  }
}
