package dev.datajar.builder.internal.source;

import java.io.File;
import java.nio.file.Path;

/**
 * How a file is named in messages: relative to the working directory when it lies under it (what a
 * user can click or paste in a terminal), else absolute; always with {@code /}.
 */
public final class DisplayPath {
  private DisplayPath() {}

  /** The display form of {@code file}, e.g. {@code src/main/datasets/geo/airport.csv}. */
  public static String of(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path workingDirectory = Path.of("").toAbsolutePath().normalize();
    Path shown = absolute;
    if (absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)) {
      shown = workingDirectory.relativize(absolute);
    }
    return shown.toString().replace(File.separatorChar, '/');
  }
}
