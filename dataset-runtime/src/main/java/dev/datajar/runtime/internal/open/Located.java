package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.format.Manifest;
import java.net.URL;
import java.nio.file.Path;

/**
 * Where one dataset was found: its manifest and either a SQLite resource (class path) or a file
 * (location override).
 *
 * @param name the dataset's name
 * @param manifest its manifest, or {@code null} for an overriding file with no manifest beside it
 * @param where names the manifest or file in messages
 * @param resource the SQLite resource on the class path (for a dataset bound to PostgreSQL: its
 *     manifest there, which names the jar it came from), or {@code null}
 * @param file the overriding file, or {@code null}
 * @param overrideSource how the file (or directory of jars) was given (property, variable, module),
 *     or {@code null}
 * @param jdbc the PostgreSQL database it is bound to, or {@code null}
 * @param jar the jar chosen in a directory of jars given by the path setting, or {@code null};
 *     {@code resource} is then the SQLite file inside it
 */
public record Located(
    String name,
    Manifest manifest,
    String where,
    URL resource,
    Path file,
    String overrideSource,
    Settings.JdbcBinding jdbc,
    JarDirectory.Choice jar) {

  Located(
      String name,
      Manifest manifest,
      String where,
      URL resource,
      Path file,
      String overrideSource) {
    this(name, manifest, where, resource, file, overrideSource, null, null);
  }
}
