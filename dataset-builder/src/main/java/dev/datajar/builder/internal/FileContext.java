package dev.datajar.builder.internal;

import dev.datajar.runtime.source.SourceContext;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link SourceContext} given to code sources: resolves files in the dataset's source folder
 * and remembers each one asked for, so its checksum goes into the manifest.
 */
final class FileContext implements SourceContext {
  private final Path directory;
  private final Set<Path> used = new TreeSet<>();

  FileContext(Path directory) {
    this.directory = directory;
  }

  @Override
  public Path sourceDirectory() {
    return directory;
  }

  @Override
  public synchronized Path file(String relativePath) {
    Path file = directory.resolve(relativePath).normalize();
    used.add(file);
    return file;
  }

  /** The files asked for so far, sorted. */
  synchronized Set<Path> used() {
    return new TreeSet<>(used);
  }
}
