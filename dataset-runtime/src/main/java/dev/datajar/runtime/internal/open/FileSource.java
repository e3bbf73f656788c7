package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.DataSetOpenException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an opened dataset's file comes from, which decides what must be checked before it is
 * trusted.
 *
 * @param file the file SQLite will read
 * @param cachedCopy true for a copy found in the cache, verified when it was copied and still
 *     private to this user: a damaged one is discarded and copied again
 * @param hash true if the file's sha256 must be compared with the manifest now: a file read in
 *     place or given by a setting, or any file when the full check is asked for
 */
public record FileSource(Path file, boolean cachedCopy, boolean hash) {

  /** The source of a located dataset; copies it out of its jar if the cache has no copy. */
  static FileSource of(Located l, Settings settings) {
    boolean checksum = l.manifest() != null && l.manifest().sha256() != null;
    if (l.file() != null) {
      return new FileSource(l.file(), false, checksum);
    }
    if ("file".equals(l.resource().getProtocol())) {
      try {
        // A class folder (tests, IDE): read in place.
        return new FileSource(Path.of(l.resource().toURI()), false, checksum);
      } catch (URISyntaxException e) {
        throw new DataSetOpenException(l.name(), "cannot read " + l.where() + ": " + e, e);
      }
    }
    Path dir = settings.cacheDirectoryOrDefault();
    Optional<Path> cached =
        FileCache.trustedCopy(l.name(), dir, l.manifest().sha256(), l.manifest().bytes());
    if (cached.isPresent()) {
      return new FileSource(cached.get(), true, settings.fullCheck());
    }
    return copied(l, settings);
  }

  /** A fresh copy out of the jar, verified while it was written. */
  static FileSource copied(Located l, Settings settings) {
    return new FileSource(
        FileCache.copy(
            l.name(),
            l.resource(),
            l.manifest().sha256(),
            l.manifest().bytes(),
            settings.cacheDirectoryOrDefault()),
        false,
        false);
  }
}
