package dev.datajar.runtime.internal.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.format.Sha256;
import java.io.IOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache trusts only what this user made: checked in this JVM, as whichever user runs the tests
 * (ownership by another user: {@link FileCacheOtherUserTest}).
 */
class FileCacheTrustTest {
  @TempDir Path tmp;
  Path source;
  URL resource;
  String sha;
  long bytes;

  @BeforeEach
  void writeSource() throws IOException {
    byte[] data = new byte[200_000];
    new Random(42).nextBytes(data);
    source = Files.write(tmp.resolve("geo.sqlite"), data);
    resource = source.toUri().toURL();
    sha = Sha256.of(source);
    bytes = data.length;
  }

  /** How a directory given to the cache directly is described: as set on a builder. */
  static final String GIVEN =
      " (set by cacheDirectory(...) on the builder (the Spring Boot starter's"
          + " datajar.cache-directory))";

  /** The end of every refusal, for a directory given directly, as user {@code user}. */
  static String fix(String user, String home) {
    return "Change cacheDirectory(...) (datajar.cache-directory in Spring Boot) to a directory that"
        + " only "
        + user
        + " can write (with a read-only root file system: a writable volume mounted for it), or"
        + " remove it to use the default "
        + home
        + "/.cache/datajar. A dataset read in place needs no cache: one in a class folder, or a"
        + " file given by -Ddatajar.geo.path or DATAJAR_GEO_PATH.";
  }

  static String fix() {
    return fix(PathStatus.userName(), System.getProperty("user.home"));
  }

  static String mode(Path p) throws IOException {
    return PathStatus.of(p).modeString();
  }

  static Object inode(Path p) throws IOException {
    return Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
  }

  private Path dir(String name, String mode) throws IOException {
    Path d = Files.createDirectory(tmp.resolve(name));
    Files.setPosixFilePermissions(d, PosixFilePermissions.fromString(mode));
    return d;
  }

  @Test
  void trustedCopy_missingDirectory_isEmptyAndCreatesNothing() {
    Path cache = tmp.resolve("a/b/cache");
    assertEquals(Optional.empty(), FileCache.trustedCopy("geo", cache, sha, bytes));
    assertFalse(Files.exists(tmp.resolve("a")));
  }

  @Test
  void copy_createsPrivateDirectoriesAndAReadOnlyCopy() throws IOException {
    Path cache = tmp.resolve("a/b/cache");
    Path copy = FileCache.copy("geo", resource, sha, bytes, cache);
    assertEquals(cache.resolve(sha + ".sqlite"), copy);
    assertEquals("rwx------", mode(tmp.resolve("a")));
    assertEquals("rwx------", mode(cache));
    assertEquals("r--------", mode(copy));
    assertEquals(sha, Sha256.of(copy));
    assertEquals(List.of(sha + ".sqlite"), names(cache));
  }

  @Test
  void trustedCopy_ofAVerifiedCopy_isReturnedWithoutHashingIt() {
    Path cache = tmp.resolve("cache");
    Path copy = FileCache.copy("geo", resource, sha, bytes, cache);
    long hashed = FileCache.filesHashed();
    assertEquals(Optional.of(copy), FileCache.trustedCopy("geo", cache, sha, bytes));
    assertEquals(Optional.of(copy), FileCache.trustedCopy("geo", cache, sha, bytes));
    assertEquals(hashed, FileCache.filesHashed());
  }

  /** The documented limit: the user the service runs as can still change a copy unnoticed. */
  @Test
  void trustedCopy_sameSizeChangeByOurOwnUser_isNotDetected() throws IOException {
    Path cache = tmp.resolve("cache");
    Path copy = FileCache.copy("geo", resource, sha, bytes, cache);
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
    try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), 4096);
    }
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("r--------"));
    assertEquals(Optional.of(copy), FileCache.trustedCopy("geo", cache, sha, bytes));
    assertNotEquals(sha, Sha256.of(copy));
  }

  @Test
  void trustedCopy_writableCopy_isNotTrustedAndCopyReplacesIt() throws IOException {
    Path cache = tmp.resolve("cache");
    Path copy = FileCache.copy("geo", resource, sha, bytes, cache);
    Object before = inode(copy);
    for (String m : List.of("rw-------", "r---w----", "r------w-")) {
      Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString(m));
      assertEquals(Optional.empty(), FileCache.trustedCopy("geo", cache, sha, bytes), m);
    }
    assertEquals(copy, FileCache.copy("geo", resource, sha, bytes, cache));
    assertNotEquals(before, inode(copy));
    assertEquals("r--------", mode(copy));
    assertEquals(Optional.of(copy), FileCache.trustedCopy("geo", cache, sha, bytes));
  }

  @Test
  void trustedCopy_symbolicLink_isNotTrustedEvenToTheRightBytes() throws IOException {
    Path cache = tmp.resolve("cache");
    Path copy = FileCache.copy("geo", resource, sha, bytes, cache);
    Path elsewhere = Files.copy(copy, tmp.resolve("elsewhere.sqlite"));
    Files.delete(copy);
    Files.createSymbolicLink(copy, elsewhere);
    assertEquals(Optional.empty(), FileCache.trustedCopy("geo", cache, sha, bytes));
    FileCache.copy("geo", resource, sha, bytes, cache);
    assertFalse(Files.isSymbolicLink(copy));
    assertTrue(Files.isRegularFile(elsewhere, LinkOption.NOFOLLOW_LINKS));
    assertEquals(Optional.of(copy), FileCache.trustedCopy("geo", cache, sha, bytes));
  }

  @Test
  void trustedCopy_wrongSize_isNotTrusted() throws IOException {
    Path cache = tmp.resolve("cache");
    FileCache.copy("geo", resource, sha, bytes, cache);
    assertEquals(Optional.empty(), FileCache.trustedCopy("geo", cache, sha, bytes + 1));
    assertEquals(Optional.empty(), FileCache.trustedCopy("geo", cache, sha, -1));
  }

  @Test
  void ourDirectoryWritableByOthers_isRefusedAndKeepsItsMode() throws IOException {
    Path cache = dir("cache", "rwxrwxrwx");
    Files.write(cache.resolve(sha + ".sqlite"), Files.readAllBytes(source)); // planted
    String expected =
        "dataset 'geo': cache directory "
            + cache
            + GIVEN
            + " can be written by its group"
            + " and others (mode rwxrwxrwx), so the files in it cannot be trusted; it is not used."
            + " Run 'chmod go-w "
            + cache
            + "' if only you should write it. Or: "
            + fix();
    assertEquals(
        expected,
        assertThrows(
                DataSetOpenException.class, () -> FileCache.trustedCopy("geo", cache, sha, bytes))
            .getMessage());
    assertEquals(
        expected,
        assertThrows(
                DataSetOpenException.class,
                () -> FileCache.copy("geo", resource, sha, bytes, cache))
            .getMessage());
    assertEquals("rwxrwxrwx", mode(cache));
    assertEquals(List.of(sha + ".sqlite"), names(cache));
  }

  @Test
  void ourDirectoryWritableByItsGroup_isRefused() throws IOException {
    Path cache = dir("cache", "rwxrwx---");
    DataSetOpenException e =
        assertThrows(DataSetOpenException.class, () -> FileCache.effectiveDirectory("geo", cache));
    assertTrue(
        e.getMessage()
            .startsWith(
                "dataset 'geo': cache directory "
                    + cache
                    + GIVEN
                    + " can be"
                    + " written by its group (mode rwxrwx---), so the files in it cannot be trusted;"),
        e.getMessage());
    assertEquals("rwxrwx---", mode(cache));
  }

  @Test
  void ourReadableDirectory_isUsedAsItIs() throws IOException {
    Path cache = dir("cache", "rwxr-xr-x");
    assertEquals(cache, FileCache.effectiveDirectory("geo", cache));
    FileCache.copy("geo", resource, sha, bytes, cache);
    assertEquals("rwxr-xr-x", mode(cache));
  }

  @Test
  void sharedStickyDirectory_keepsItsModeAndAPrivateSubdirectoryIsUsed() throws IOException {
    Path shared = Files.createDirectory(tmp.resolve("shared"));
    Files.setAttribute(shared, "unix:mode", 01777);
    Path sub = shared.resolve("datajar-" + PathStatus.safeUserName());
    assertEquals(Optional.empty(), FileCache.trustedCopy("geo", shared, sha, bytes));
    assertFalse(Files.exists(sub));
    assertEquals(sub, FileCache.effectiveDirectory("geo", shared));
    Path copy = FileCache.copy("geo", resource, sha, bytes, shared);
    assertEquals(sub.resolve(sha + ".sqlite"), copy);
    assertEquals("rwxrwxrwt", mode(shared));
    assertEquals("rwx------", mode(sub));
    assertEquals(Optional.of(copy), FileCache.trustedCopy("geo", shared, sha, bytes));
    assertEquals(List.of(sub.getFileName().toString()), names(shared));
  }

  @Test
  void sharedStickyDirectory_whosePrivateNameIsALink_isRefused() throws IOException {
    Path shared = Files.createDirectory(tmp.resolve("shared"));
    Files.setAttribute(shared, "unix:mode", 01777);
    Path target = dir("target", "rwx------");
    Path sub =
        Files.createSymbolicLink(shared.resolve("datajar-" + PathStatus.safeUserName()), target);
    DataSetOpenException e =
        assertThrows(
            DataSetOpenException.class, () -> FileCache.copy("geo", resource, sha, bytes, shared));
    assertEquals(
        "dataset 'geo': cache directory "
            + shared
            + GIVEN
            + " is shared (mode rwxrwxrwt), so"
            + " datajar uses its private subdirectory "
            + sub
            + "; but "
            + sub
            + " is a symbolic link,"
            + " not a directory. Another user may have created it to take over the cache: it is not"
            + " used. Remove it (as its owner or root). Or: "
            + fix(),
        e.getMessage());
    assertEquals(List.of(), names(target));
  }

  @Test
  void sharedStickyDirectory_whosePrivateSubdirectoryIsWritable_isRefused() throws IOException {
    Path shared = Files.createDirectory(tmp.resolve("shared"));
    Files.setAttribute(shared, "unix:mode", 01777);
    Path sub = Files.createDirectory(shared.resolve("datajar-" + PathStatus.safeUserName()));
    Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxrwxrwx"));
    DataSetOpenException e =
        assertThrows(
            DataSetOpenException.class, () -> FileCache.trustedCopy("geo", shared, sha, bytes));
    assertTrue(
        e.getMessage()
            .contains(
                "; but "
                    + sub
                    + " can be written by its group and others"
                    + " (mode rwxrwxrwx). Another user may have created it"),
        e.getMessage());
    assertEquals("rwxrwxrwx", mode(sub));
  }

  @Test
  void directoryInsideAWritableNonStickyDirectory_isRefused() throws IOException {
    Path open = dir("open", "rwxrwxrwx");
    Path cache = Files.createDirectory(open.resolve("cache"));
    DataSetOpenException e =
        assertThrows(
            DataSetOpenException.class, () -> FileCache.trustedCopy("geo", cache, sha, bytes));
    assertEquals(
        "dataset 'geo': cache directory "
            + cache
            + GIVEN
            + " is inside "
            + open
            + ", which can"
            + " be written by its group and others (mode rwxrwxrwx, no sticky bit): whoever can"
            + " change "
            + open
            + " can replace the cache with a directory of their own, so it is not"
            + " used. Make "
            + open
            + " owned by "
            + PathStatus.userName()
            + " or root and not"
            + " writable by others. Or: "
            + fix(),
        e.getMessage());
  }

  @Test
  void cacheDirectoryThatIsAFile_isRefused() throws IOException {
    Path file = Files.writeString(tmp.resolve("cache"), "x");
    DataSetOpenException e =
        assertThrows(
            DataSetOpenException.class, () -> FileCache.copy("geo", resource, sha, bytes, file));
    assertTrue(
        e.getMessage()
            .startsWith(
                "dataset 'geo': cache directory "
                    + file
                    + GIVEN
                    + " is not a"
                    + " directory (regular file). Change cacheDirectory(...)"),
        e.getMessage());
  }

  @Test
  void linkToOurPrivateDirectory_isResolvedOnce() throws IOException {
    Path real = dir("real", "rwx------");
    Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
    assertEquals(real, FileCache.effectiveDirectory("geo", link));
    assertEquals(real.resolve(sha + ".sqlite"), FileCache.copy("geo", resource, sha, bytes, link));
  }

  @Test
  void copy_thatDoesNotMatchTheManifest_leavesNothing() throws IOException {
    Path cache = tmp.resolve("cache");
    String other = "0".repeat(64);
    DataSetOpenException e =
        assertThrows(
            DataSetOpenException.class, () -> FileCache.copy("geo", resource, other, bytes, cache));
    assertEquals(
        "dataset 'geo': " + FileChecks.mismatch(resource.toString(), sha, bytes, other, bytes),
        e.getMessage());
    assertEquals(List.of(), names(cache));
  }

  @Test
  void copy_removesStaleTemporariesOnly() throws IOException {
    Path cache = tmp.resolve("cache");
    FileCache.copy("geo", resource, sha, bytes, cache);
    Path stale = Files.writeString(cache.resolve(sha + ".123.tmp"), "x");
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    Path recent = Files.writeString(cache.resolve(sha + ".456.tmp"), "x");
    FileCache.copy("geo", resource, sha, bytes, cache);
    assertFalse(Files.exists(stale));
    assertTrue(Files.exists(recent));
  }

  @Test
  void manifestWithoutSha256_isRefused() {
    DataSetOpenException e =
        assertThrows(
            DataSetOpenException.class, () -> FileCache.trustedCopy("geo", tmp, "abc", bytes));
    assertEquals(
        "dataset 'geo': its manifest has no valid sha256 ('abc'), so it cannot be cached"
            + " safely in "
            + tmp
            + ". Rebuild the dataset jar.",
        e.getMessage());
  }

  /** Best effort where owners and modes do not exist: here a zip file system (no POSIX view). */
  @Test
  void fileSystemWithoutPosixPermissions_stillCopiesAndTrustsByTypeAndSize() throws IOException {
    try (FileSystem zip =
        FileSystems.newFileSystem(tmp.resolve("cache.zip"), Map.of("create", "true"))) {
      Path cache = zip.getPath("/cache");
      assertFalse(PathStatus.posix(cache));
      assertEquals(Optional.empty(), FileCache.trustedCopy("geo", cache, sha, bytes));
      Path copy = FileCache.copy("geo", resource, sha, bytes, cache);
      assertEquals(cache.resolve(sha + ".sqlite"), copy);
      assertEquals(sha, Sha256.of(Files.readAllBytes(copy)));
      long hashed = FileCache.filesHashed();
      assertEquals(Optional.of(copy), FileCache.trustedCopy("geo", cache, sha, bytes));
      assertEquals(Optional.empty(), FileCache.trustedCopy("geo", cache, sha, bytes + 1));
      assertEquals(hashed, FileCache.filesHashed());
    }
  }

  private static List<String> names(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
