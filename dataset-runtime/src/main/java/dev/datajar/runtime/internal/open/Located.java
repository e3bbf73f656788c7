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
 * @param resource the SQLite resource on the class path, or {@code null}
 * @param file the overriding file, or {@code null}
 * @param overrideSource how the file was given (property, variable, module), or {@code null}
 */
public record Located(
    String name,
    Manifest manifest,
    String where,
    URL resource,
    Path file,
    String overrideSource,
    Settings.JdbcBinding jdbc) {

  Located(
      String name,
      Manifest manifest,
      String where,
      URL resource,
      Path file,
      String overrideSource) {
    this(name, manifest, where, resource, file, overrideSource, null);
  }
}
