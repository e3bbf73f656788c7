package dev.datajar.runtime.internal;

import dev.datajar.runtime.DataSetOpenException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The private directory where datasets shipped inside jars are copied once, to be opened as
 * plain files.
 *
 * <p>A copy is named by its content ({@code <sha256>.sqlite}), so it never changes once written
 * and can be opened {@code immutable}. Copies are written under a unique temporary name, checked
 * against the manifest, made read-only and renamed atomically into place: two JVMs starting
 * together may both copy, and either rename leaves the same complete bytes. An existing copy is
 * checked again before first use in each JVM; a copy that does not match (tampered, truncated)
 * is replaced.
 */
final class FileCache {
  private static final System.Logger LOG = System.getLogger(FileCache.class.getName());
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_READ = PosixFilePermissions.fromString("r--------");
  private static final Duration STALE_TEMP = Duration.ofHours(24);

  private FileCache() {}

  /**
   * The existing copy named {@code sha256}, or {@code null}. Not verified here: the caller
   * hashes it while Hibernate boots, and {@link #discard}s it if it does not match.
   */
  static Path cachedCopy(String name, Path dir, String sha256) {
    checkSha(name, sha256, dir);
    Path target = dir.resolve(sha256 + ".sqlite");
    return Files.isRegularFile(target) ? target : null;
  }

  /** Deletes a cached copy that does not match its name, so that it is copied again. */
  static void discard(String name, Path copy, String why) {
    LOG.log(System.Logger.Level.WARNING, "dataset ''{0}'': cached copy {1} is damaged ({2});"
        + " copying it again", name, copy, why);
    try {
      Files.deleteIfExists(copy);
    } catch (IOException e) {
      throw new DataSetOpenException(name, "dataset '" + name + "': cannot delete the damaged"
          + " cached copy " + copy + ": " + e + ". Delete it by hand.", e);
    }
  }

  private static void checkSha(String name, String sha256, Object what) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new DataSetOpenException(name, "dataset '" + name + "': its manifest has no valid"
          + " sha256 ('" + sha256 + "'), so it cannot be cached safely in " + what + "."
          + " Rebuild the dataset jar.");
    }
  }

  /** The verified cached copy of {@code resource}, copying it first if needed. */
  static Path materialize(String name, URL resource, String sha256, long bytes, Path dir) {
    checkSha(name, sha256, dir);
    try {
      createPrivateDirectory(dir);
      Path target = dir.resolve(sha256 + ".sqlite");
      if (Files.isRegularFile(target)) {
        String actual = Checksums.sha256(target);
        if (actual.equals(sha256)) {
          return target;
        }
        LOG.log(System.Logger.Level.WARNING, "dataset ''{0}'': cached copy {1} has sha256 {2},"
            + " not {3}; replacing it", name, target, actual, sha256);
        Files.deleteIfExists(target);
      }
      deleteStaleTemporaries(dir);
      copy(name, resource, sha256, bytes, dir, target);
      return target;
    } catch (IOException e) {
      throw new DataSetOpenException(name, "dataset '" + name + "': cannot copy " + resource
          + " into the cache directory " + dir + ": " + e + ". Set -D" + Settings.CACHE_PROPERTY
          + " (or " + Settings.CACHE_VARIABLE + ") to a writable directory.", e);
    }
  }

  private static void copy(String name, URL resource, String sha256, long bytes, Path dir,
      Path target) throws IOException {
    Path tmp = isPosix(dir)
        ? Files.createTempFile(dir, sha256 + ".", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
        : Files.createTempFile(dir, sha256 + ".", ".tmp");
    try {
      MessageDigest md = Checksums.newSha256();
      long n;
      try (InputStream in = new DigestInputStream(resource.openStream(), md);
          OutputStream out = Files.newOutputStream(tmp)) {
        n = in.transferTo(out);
      }
      String actual = Checksums.hex(md.digest());
      if (!actual.equals(sha256) || (bytes >= 0 && n != bytes)) {
        throw new DataSetOpenException(name, Checksums.mismatch(name, resource.toString(),
            actual, n, sha256, bytes));
      }
      if (isPosix(dir)) {
        Files.setPosixFilePermissions(tmp, OWNER_READ);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        // Another JVM won the race with the same content (file systems that refuse to replace).
        if (!Files.isRegularFile(target)) {
          throw e;
        }
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void createPrivateDirectory(Path dir) throws IOException {
    if (isPosix(dir.getParent() == null ? dir : existingAncestor(dir))) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
      // createDirectories keeps an existing directory as it is: tighten it if it is ours.
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
      if (!perms.equals(OWNER_DIR)) {
        Files.setPosixFilePermissions(dir, OWNER_DIR);
      }
    } else {
      Files.createDirectories(dir);
    }
  }

  private static Path existingAncestor(Path dir) {
    Path p = dir.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    return p == null ? dir.toAbsolutePath().getRoot() : p;
  }

  private static boolean isPosix(Path p) {
    return Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
  }

  /** Removes temporaries left by JVMs that died while copying; recent ones may be in use. */
  private static void deleteStaleTemporaries(Path dir) {
    Instant before = Instant.now().minus(STALE_TEMP);
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(f -> f.getFileName().toString().endsWith(".tmp")).forEach(f -> {
        try {
          FileTime t = Files.getLastModifiedTime(f);
          if (t.toInstant().isBefore(before)) {
            Files.deleteIfExists(f);
          }
        } catch (IOException e) {
          // best effort: another JVM may have removed or renamed it meanwhile
        }
      });
    } catch (IOException e) {
      // best effort
    }
  }

  /** A cached copy with the manifest's size, or empty (trust checks: see the cache work). */
  static java.util.Optional<Path> trustedCopy(String name, Path dir, String sha256, long bytes) {
    Path p = cachedCopy(name, dir, sha256);
    try {
      boolean pristine = p != null && (!isPosix(p) || Files.getPosixFilePermissions(p).stream()
          .noneMatch(x -> x.name().endsWith("WRITE")));
      return pristine && (bytes < 0 || Files.size(p) == bytes) ? java.util.Optional.of(p)
          : java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  /** Copies the resource into the cache, verifying it, and returns the copy. */
  static Path copy(String name, URL resource, String sha256, long bytes, Path dir) {
    return materialize(name, resource, sha256, bytes, dir);
  }
}
