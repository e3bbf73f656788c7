package dev.datajar.maven;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.logging.Log;

/**
 * Makes the class loader the builder sees the dataset module through: the module's compiled classes
 * and its runtime dependencies, over the plugin's own class loader.
 *
 * <p>Why the plugin's loader is the parent, and why the plugin's artifacts are left out: the
 * builder (in the plugin's realm) checks entity classes for {@code @DataSet}, {@code @Entity} and
 * friends, and hands them to Hibernate. That only works if the entity classes link against the very
 * same {@code jakarta.persistence}, {@code dev.datajar.runtime} and Hibernate classes as the
 * builder, so those must come from the plugin's realm. Parent-first delegation already picks the
 * parent's copy; leaving the project's copies of the same artifacts off the path as well keeps
 * {@code ServiceLoader} and {@code getResources} from seeing every Hibernate service file twice,
 * and keeps sqlite-jdbc's native library in one loader.
 *
 * <p>The result must be closed after the build: it holds the project's jar files open.
 */
final class ProjectClassLoader {
  private ProjectClassLoader() {}

  /**
   * A loader over {@code classesDirectory} and those {@code projectArtifacts} on the runtime class
   * path that the plugin does not bring itself.
   */
  static URLClassLoader create(
      File classesDirectory,
      Collection<Artifact> projectArtifacts,
      Collection<Artifact> pluginArtifacts,
      ClassLoader parent,
      Log log)
      throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    urls.add(classesDirectory.toURI().toURL());
    for (File file : classPath(projectArtifacts, pluginArtifacts, log)) {
      urls.add(file.toURI().toURL());
    }
    return new URLClassLoader("datajar project classes", urls.toArray(URL[]::new), parent);
  }

  /** The files of {@code projectArtifacts} to add, in the project's order. */
  static List<File> classPath(
      Collection<Artifact> projectArtifacts, Collection<Artifact> pluginArtifacts, Log log) {
    Map<String, Artifact> plugin = new HashMap<>();
    for (Artifact a : pluginArtifacts) {
      plugin.put(key(a), a);
    }
    List<File> files = new ArrayList<>();
    for (Artifact a : projectArtifacts) {
      if (!onRuntimeClassPath(a)) {
        continue;
      }
      Artifact shared = plugin.get(key(a));
      if (shared == null) {
        files.add(a.getFile());
      } else if (!shared.getVersion().equals(a.getVersion())) {
        // The plugin's copy wins; for datajar itself that means the file format of the plugin.
        String line =
            "the project uses "
                + key(a)
                + ":"
                + a.getVersion()
                + " but the plugin runs"
                + " with "
                + shared.getVersion()
                + "; the build uses the plugin's version";
        if (a.getGroupId().equals("dev.datajar")) {
          log.warn(line + ". Use the same datajar version for the plugin and the dependency.");
        } else {
          log.debug(line);
        }
      }
    }
    return files;
  }

  private static boolean onRuntimeClassPath(Artifact a) {
    // Maven resolves the scopes of every goal in the build plan into one set, so test and
    // provided artifacts can be here too; keep what the runtime class path would hold.
    String scope = a.getScope();
    boolean runtime =
        scope == null
            || Artifact.SCOPE_COMPILE.equals(scope)
            || Artifact.SCOPE_RUNTIME.equals(scope);
    return runtime && a.getFile() != null && a.getArtifactHandler().isAddedToClasspath();
  }

  private static String key(Artifact a) {
    String classifier = a.getClassifier();
    return a.getGroupId()
        + ":"
        + a.getArtifactId()
        + (classifier == null || classifier.isEmpty() ? "" : ":" + classifier);
  }
}
