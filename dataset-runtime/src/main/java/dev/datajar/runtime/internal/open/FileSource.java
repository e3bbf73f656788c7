package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.DataSetOpenException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
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
 * @param lease keeps a cached copy from being removed by the cache clean-up of any JVM until it is
 *     closed, when the dataset is; {@link CacheUse#NONE} for a file read in place
 */
public record FileSource(Path file, boolean cachedCopy, boolean hash, CacheUse.Lease lease) {

  /**
   * The source of a located dataset; copies it out of its jar if the cache has no copy, and removes
   * the copies no JVM has used for longer than the cache retention.
   */
  static FileSource of(Located l, Settings settings) {
    boolean checksum = l.manifest() != null && l.manifest().sha256() != null;
    if (l.file() != null) {
      return new FileSource(l.file(), false, checksum, CacheUse.NONE);
    }
    if ("file".equals(l.resource().getProtocol())) {
      try {
        // A class folder (tests, IDE): read in place.
        return new FileSource(Path.of(l.resource().toURI()), false, checksum, CacheUse.NONE);
      } catch (URISyntaxException e) {
        throw new DataSetOpenException(l.name(), "cannot read " + l.where() + ": " + e, e);
      }
    }
    CacheSetting cache = settings.cacheSetting();
    Duration retention = settings.cacheRetentionOrDefault();
    String sha256 = l.manifest().sha256();
    FileCache.checkSha(l.name(), sha256, cache.dir());
    // Created if missing: the lock that keeps the copy ours lives beside it.
    Path dir = CacheDirectory.resolve(l.name(), cache, true);
    CacheUse.Lease lease = CacheUse.acquire(l.name(), dir, sha256);
    try {
      // A jar dropped into a directory is verified itself, each time it is taken: a copy already
      // in the cache under its manifest's sha256 would otherwise hide a damaged file in the jar,
      // served on a machine that had the copy and refused on one that had not.
      Optional<Path> cached =
          l.jar() != null
              ? Optional.empty()
              : FileCache.trustedCopy(l.name(), cache, sha256, l.manifest().bytes());
      FileSource source =
          cached.isPresent()
              ? new FileSource(cached.get(), true, settings.fullCheck(), lease)
              : copied(l, settings, lease);
      CacheUse.cleanUp(l.name(), dir, retention);
      return source;
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /** A fresh copy out of the jar, verified while it was written, under {@code lease}. */
  static FileSource copied(Located l, Settings settings, CacheUse.Lease lease) {
    return new FileSource(
        FileCache.copy(
            l.name(),
            l.resource(),
            l.manifest().sha256(),
            l.manifest().bytes(),
            settings.cacheSetting()),
        false,
        false,
        lease);
  }
}
