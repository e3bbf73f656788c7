package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.DataSetOpenException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The private directory where datasets shipped inside jars are copied once, to be opened as plain
 * files.
 *
 * <p>A copy is named by its content ({@code <sha256>.sqlite}), so it never changes once written and
 * can be opened {@code immutable}. It is written under a unique temporary name while its sha256 and
 * size are computed, compared with the manifest, made read-only ({@code r--------}) and renamed
 * atomically into place: two JVMs starting together may both copy, and either rename leaves the
 * same complete bytes.
 *
 * <p>A later start trusts that copy without reading it again, because only this user can have put
 * it there: the directory is ours and only we can write it (see {@link CacheDirectory}), and the
 * file is ours, a regular file (not a link), writable by nobody, and of the manifest's size. A copy
 * that fails any of these is not trusted: it is logged and copied again (the rename replaces the
 * entry; it never writes through it). What this does not detect: a process running as this same
 * user that makes the copy writable, changes bytes without changing the size and makes it read-only
 * again; only hashing the whole file finds that.
 */
public final class FileCache {
  private static final System.Logger LOG = System.getLogger(FileCache.class.getName());
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_READ =
      PosixFilePermissions.fromString("r--------");
  private static final int ANY_WRITE = 0222;
  private static final Duration STALE_TEMP = Duration.ofHours(24);

  /** Files hashed by this class since the JVM started; tests prove a trusted copy is not read. */
  private static final AtomicLong HASHED = new AtomicLong();

  private FileCache() {}

  /**
   * A trusted cached copy (ours, private, right size) that was verified when it was copied, or
   * empty. Nothing is created and the file is not read. A directory that cannot be trusted is
   * refused with a {@link DataSetOpenException}.
   */
  static Optional<Path> trustedCopy(String dataSet, Path cacheDir, String sha256, long bytes) {
    return trustedCopy(dataSet, CacheSetting.given(cacheDir), sha256, bytes);
  }

  static Optional<Path> trustedCopy(
      String dataSet, CacheSetting cacheDir, String sha256, long bytes) {
    return trusted(dataSet, cacheDir, sha256, bytes, true);
  }

  /** Copies the resource into the cache (verifying sha256 + size while copying) and returns it. */
  static Path copy(String dataSet, URL resource, String sha256, long bytes, Path cacheDir) {
    return copy(dataSet, resource, sha256, bytes, CacheSetting.given(cacheDir));
  }

  static Path copy(String dataSet, URL resource, String sha256, long bytes, CacheSetting cacheDir) {
    checkSha(dataSet, sha256, cacheDir.dir());
    Path dir = CacheDirectory.resolve(dataSet, cacheDir, true);
    Path target = dir.resolve(sha256 + ".sqlite");
    try {
      deleteStaleTemporaries(dir);
      boolean posix = PathStatus.posix(dir);
      Path tmp =
          posix
              ? Files.createTempFile(
                  dir, sha256 + ".", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
              : Files.createTempFile(dir, sha256 + ".", ".tmp");
      try {
        HashingCopy.Result copied;
        try (InputStream in = openUncached(resource)) {
          copied = HashingCopy.copy(in, tmp);
        }
        HASHED.incrementAndGet();
        if (!copied.sha256().equals(sha256) || (bytes >= 0 && copied.bytes() != bytes)) {
          throw new DataSetOpenException(
              dataSet,
              FileChecks.mismatch(
                  resource.toString(), copied.sha256(), copied.bytes(), sha256, bytes));
        }
        if (posix) {
          Files.setPosixFilePermissions(tmp, OWNER_READ);
        }
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          // Some file systems (Windows) refuse to replace a file that is open: then another JVM
          // has just put the same verified bytes there.
          if (!isTrusted(target, bytes)) {
            throw e;
          }
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      return target;
    } catch (IOException e) {
      throw new DataSetOpenException(
          dataSet,
          "cannot copy "
              + resource
              + " into the cache directory "
              + dir
              + " ("
              + cacheDir.describe()
              + "): "
              + CacheDirectory.why(e)
              + ". "
              + cacheDir.fix(dataSet),
          e);
    }
  }

  /** Deletes a copy that turned out damaged, so the next call copies again. */
  static void discard(String dataSet, Path copy, String why) {
    LOG.log(
        System.Logger.Level.WARNING,
        "dataset ''{0}'': cached copy {1} is damaged ({2});" + " copying it again",
        dataSet,
        copy,
        why);
    try {
      Files.deleteIfExists(copy);
    } catch (IOException e) {
      throw new DataSetOpenException(
          dataSet,
          "cannot delete the" + " damaged cached copy " + copy + ": " + e + ". Delete it by hand.",
          e);
    }
  }

  /**
   * The directory that will actually be used for cacheDir (a private subdirectory for shared dirs).
   */
  static Path effectiveDirectory(String dataSet, Path cacheDir) {
    return CacheDirectory.resolve(dataSet, CacheSetting.given(cacheDir), true);
  }

  /** Files hashed by this class in this JVM (a test hook: a trusted copy is never hashed). */
  static long filesHashed() {
    return HASHED.get();
  }

  private static Optional<Path> trusted(
      String dataSet, CacheSetting cacheDir, String sha256, long bytes, boolean needSize) {
    checkSha(dataSet, sha256, cacheDir.dir());
    if (needSize && bytes < 0) {
      return Optional.empty(); // no size to compare with: copying again checks the sha256
    }
    Path dir = CacheDirectory.resolve(dataSet, cacheDir, false);
    if (dir == null) {
      return Optional.empty();
    }
    Path file = dir.resolve(sha256 + ".sqlite");
    List<String> wrong;
    try {
      wrong = problems(file, bytes);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      wrong = List.of("cannot be read (" + e + ")");
    }
    if (wrong.isEmpty()) {
      return Optional.of(file);
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "dataset ''{0}'': cached copy {1} is not trusted: it {2};" + " it is copied again",
        dataSet,
        file,
        String.join(" and ", wrong));
    return Optional.empty();
  }

  /**
   * What keeps {@code file} from being trusted, in words; empty if it is ours, a regular file
   * (links not followed), writable by nobody and {@code bytes} long (when {@code bytes >= 0}).
   */
  private static List<String> problems(Path file, long bytes) throws IOException {
    List<String> wrong = new ArrayList<>();
    long size;
    if (PathStatus.posix(file)) {
      PathStatus s = PathStatus.of(file);
      if (!s.isRegularFile()) {
        return List.of("is a " + s.kind() + ", not a regular file");
      }
      if (!s.ours()) {
        wrong.add(s.notOursReason());
      }
      if ((s.mode() & ANY_WRITE) != 0) {
        wrong.add("can be written (mode " + s.modeString() + "; copies are made r--------)");
      }
      size = s.size();
    } else {
      BasicFileAttributes a =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isRegularFile()) {
        return List.of("is not a regular file");
      }
      size = a.size();
    }
    if (bytes >= 0 && size != bytes) {
      wrong.add("has " + size + " bytes, not the manifest's " + bytes);
    }
    return wrong;
  }

  private static boolean isTrusted(Path file, long bytes) {
    try {
      return problems(file, bytes).isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  static void checkSha(String dataSet, String sha256, Object where) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new DataSetOpenException(
          dataSet,
          "its manifest has no"
              + " valid sha256 ('"
              + sha256
              + "'), so it cannot be cached safely in "
              + where
              + "."
              + " Rebuild the dataset jar.");
    }
  }

  /** Removes temporaries left by JVMs that died while copying; recent ones may be in use. */
  /**
   * Opens {@code resource}; an entry of a jar file on disk through a {@code JarFile} of its own,
   * closed with the stream, not the URL handler's shared one, which would keep reading a jar that
   * was renamed over or deleted since it was first opened (a directory of jars).
   */
  private static InputStream openUncached(URL resource) throws IOException {
    URLConnection c = resource.openConnection();
    if (c instanceof JarURLConnection j && "file".equals(j.getJarFileURL().getProtocol())) {
      c.setUseCaches(false);
    }
    return c.getInputStream();
  }

  private static void deleteStaleTemporaries(Path dir) {
    Instant before = Instant.now().minus(STALE_TEMP);
    try (Stream<Path> files = Files.list(dir)) {
      files
          .filter(f -> f.getFileName().toString().endsWith(".tmp"))
          .forEach(
              f -> {
                try {
                  if (Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS)
                      .toInstant()
                      .isBefore(before)) {
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
}
