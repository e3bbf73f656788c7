package dev.datajar.runtime.internal.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.runtime.format.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cache under real ownership: the service runs in a child JVM as a second OS user ({@value
 * #SERVICE}); a third user ({@value #OTHER}) owns what an attacker would plant. The test JVM must
 * run as root (as in CI) to create the users with {@code useradd} and start the child with {@code
 * runuser}; anywhere else the tests are skipped, saying why.
 */
class FileCacheOtherUserTest {
  static final String SERVICE = "datajar-svc";
  static final String OTHER = "datajar-other";

  static Path base;
  static Path classes;
  static Path source;
  static String sha;
  static long bytes;
  static UserPrincipal service;
  static UserPrincipal other;

  @BeforeAll
  static void usersAndFiles() throws Exception {
    Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    Assumptions.assumeTrue(
        Integer.valueOf(0).equals(uid),
        "needs root to create OS users and run" + " a JVM as one (runs as uid " + uid + ")");
    for (String user : List.of(SERVICE, OTHER)) {
      if (exec("id", "-u", user).exit != 0) {
        Result r =
            exec("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user);
        Assumptions.assumeTrue(
            r.exit == 0 || exec("id", "-u", user).exit == 0,
            "cannot create OS user " + user + ": " + r.out);
      }
    }
    var lookup = Path.of("/").getFileSystem().getUserPrincipalLookupService();
    service = lookup.lookupPrincipalByName(SERVICE);
    other = lookup.lookupPrincipalByName(OTHER);
    // Readable by every user, writable by root only: the tests' own ancestor directories.
    base = Files.createTempDirectory("datajar-cache-users");
    Files.setAttribute(base, "unix:mode", 0755);
    classes = base.resolve("classes");
    copyTree(location(FileCache.class), classes);
    copyTree(location(CacheProbe.class), classes);
    byte[] data = new byte[100_000];
    new Random(7).nextBytes(data);
    source = Files.write(base.resolve("geo.sqlite"), data);
    sha = Sha256.of(source);
    bytes = data.length;
  }

  /** The service user's home directory, as its JVM's user.home has it. */
  static String serviceHome() {
    Result r = exec("getent", "passwd", SERVICE);
    assertEquals(0, r.exit, r.out);
    return r.out.strip().split(":")[5];
  }

  @AfterAll
  static void removeFiles() throws IOException {
    if (base != null) {
      deleteTree(base);
    }
  }

  /** (a) Another user's directory, even one we could write: nothing in it is used. */
  @Test
  void otherUsersDirectory_withAPlantedCopy_isRefused() throws IOException {
    for (int mode : new int[] {0777, 0755}) {
      Path dir = directory("a-" + Integer.toOctalString(mode), other, mode);
      Path planted = plant(dir, other);
      Result r = probe(dir, "trusted");
      assertEquals(2, r.exit, r.out);
      assertEquals(
          List.of(
              "refused: dataset 'geo': cache directory "
                  + dir
                  + FileCacheTrustTest.GIVEN
                  + " is owned by "
                  + OTHER
                  + ", not by "
                  + SERVICE
                  + " (the user this JVM runs as)"
                  + (mode == 0777
                      ? " and can be written by its group and others (mode rwxrwxrwx)"
                      : "")
                  + ", so the files in it cannot be trusted; it is not used. "
                  + FileCacheTrustTest.fix(SERVICE, serviceHome()),
              "hashed=0"),
          r.lines);
      assertEquals(2, probe(dir, "copy").exit);
      assertUnchanged(dir, other, mode, planted);
    }
  }

  /** (a) Our own directory that others can write: refused, its mode left as it is. */
  @Test
  void ourDirectoryWritableByOthers_withAPlantedCopy_isRefused() throws IOException {
    Path dir = directory("a-ours-777", service, 0777);
    Path planted = plant(dir, other);
    Result r = probe(dir, "open");
    assertEquals(2, r.exit, r.out);
    assertTrue(
        r.lines
            .get(0)
            .startsWith(
                "refused: dataset 'geo': cache directory "
                    + dir
                    + FileCacheTrustTest.GIVEN
                    + " can be written by its group and others (mode rwxrwxrwx), so the files in it cannot"
                    + " be trusted; it is not used. Run 'chmod go-w "
                    + dir
                    + "' if only you should write"
                    + " it. Or: Change cacheDirectory(...)"),
        r.out);
    assertUnchanged(dir, service, 0777, planted);
  }

  /** (b) In our private directory: a copy that is not ours, writable or a link is replaced. */
  @Test
  void damagedCopyInOurPrivateDirectory_isNotTrustedAndReplaced() throws IOException {
    Path dir = directory("b", service, 0700).resolve("cache");
    Path copy = dir.resolve(sha + ".sqlite");
    assertEquals(List.of("copied " + copy, "hashed=1"), probe(dir, "open").lines);
    Path elsewhere = directory("b-elsewhere", service, 0700).resolve("geo.sqlite");
    Files.copy(copy, elsewhere, StandardCopyOption.COPY_ATTRIBUTES);
    Files.setOwner(elsewhere, service);
    List<Runnable> damages =
        List.of(
            () -> setMode(copy, 0466), // writable by group and others
            () -> setOwner(copy, other), // someone else's file
            () -> replaceByLink(copy, elsewhere)); // a link, even to the right bytes
    for (Runnable damage : damages) {
      damage.run();
      Result r = probe(dir, "trusted", "copy", "trusted");
      assertEquals(
          List.of("trusted none", "copied " + copy, "trusted " + copy, "hashed=1"), r.lines, r.out);
      assertTrue(r.err.contains("cached copy " + copy + " is not trusted: it "), r.err);
      PathStatus s = PathStatus.of(copy);
      assertTrue(s.isRegularFile());
      assertEquals(service, s.owner());
      assertEquals("r--------", s.modeString());
    }
    assertTrue(Files.isRegularFile(elsewhere, LinkOption.NOFOLLOW_LINKS));
  }

  /**
   * (c) A shared sticky directory keeps its mode; the private subdirectory is used. (d) A fresh JVM
   * trusts the verified copy without hashing it.
   */
  @Test
  void sharedStickyDirectory_privateSubdirectory_thenTrustedWithoutHashing() throws IOException {
    Path shared = directory("c-shared", null, 01777);
    Path sub = shared.resolve("datajar-" + SERVICE);
    Path copy = sub.resolve(sha + ".sqlite");
    assertEquals(List.of("copied " + copy, "hashed=1"), probe(shared, "open").lines);
    assertEquals(01777, modeOf(shared));
    assertEquals(service, PathStatus.of(sub).owner());
    assertEquals(0700, modeOf(sub));
    assertEquals(List.of("trusted " + copy, "hashed=0"), probe(shared, "open").lines);
  }

  /** (c) The private name taken first by another user: refused, never used. */
  @Test
  void sharedStickyDirectory_subdirectoryPreCreatedByAnotherUser_isNotUsed() throws IOException {
    for (int mode : new int[] {0777, 0755}) {
      Path shared = directory("c-taken-" + Integer.toOctalString(mode), null, 01777);
      Path sub = directory(shared.getFileName() + "/datajar-" + SERVICE, other, mode);
      Path planted = plant(sub, other);
      for (String step : List.of("trusted", "copy", "open")) {
        Result r = probe(shared, step);
        assertEquals(2, r.exit, r.out);
        assertEquals(
            List.of(
                "refused: dataset 'geo': cache directory "
                    + shared
                    + FileCacheTrustTest.GIVEN
                    + " is shared"
                    + " (mode rwxrwxrwt), so datajar uses its private subdirectory "
                    + sub
                    + "; but "
                    + sub
                    + " is owned by "
                    + OTHER
                    + ", not by "
                    + SERVICE
                    + " (the user this JVM runs as)"
                    + (mode == 0777
                        ? " and can be written by its group and others (mode rwxrwxrwx)"
                        : "")
                    + ". Another user may have created it to take over the cache: it is not used. Remove"
                    + " it (as its owner or root). Or: "
                    + FileCacheTrustTest.fix(SERVICE, serviceHome()),
                "hashed=0"),
            r.lines);
      }
      assertUnchanged(sub, other, mode, planted);
      assertEquals(01777, modeOf(shared));
    }
  }

  /** (c) A sticky directory owned by another user: its owner could rename our subdirectory. */
  @Test
  void stickyDirectoryOwnedByAnotherUser_isRefused() throws IOException {
    Path shared = directory("c-other-sticky", other, 01777);
    Result r = probe(shared, "open");
    assertEquals(2, r.exit, r.out);
    assertTrue(
        r.lines
            .get(0)
            .startsWith(
                "refused: dataset 'geo': cache directory "
                    + shared
                    + FileCacheTrustTest.GIVEN
                    + " is owned by "
                    + OTHER
                    + ", not by "
                    + SERVICE
                    + " (the user this JVM runs as) and can"
                    + " be written by its group and others (mode rwxrwxrwt), so the files in it cannot be"
                    + " trusted; it is not used."),
        r.out);
    assertEquals(List.of(), names(shared));
  }

  /** Our private directory inside another user's: that user could swap it for theirs. */
  @Test
  void ourDirectoryInsideAnotherUsersDirectory_isRefused() throws IOException {
    Path outer = directory("e", other, 0755);
    Path dir = directory("e/cache", service, 0700);
    Result r = probe(dir, "trusted");
    assertEquals(2, r.exit, r.out);
    assertTrue(
        r.lines
            .get(0)
            .startsWith(
                "refused: dataset 'geo': cache directory "
                    + dir
                    + FileCacheTrustTest.GIVEN
                    + " is inside "
                    + outer
                    + ", which is owned by "
                    + OTHER
                    + " (neither "
                    + SERVICE
                    + ", the"
                    + " user this JVM runs as, nor root): whoever can change "
                    + outer
                    + " can replace the"
                    + " cache with a directory of their own, so it is not used."),
        r.out);
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** A directory under {@link #base} with the given owner (null: root) and mode. */
  private static Path directory(String name, UserPrincipal owner, int mode) throws IOException {
    Path d = Files.createDirectory(base.resolve(name));
    if (owner != null) {
      Files.setOwner(d, owner);
    }
    Files.setAttribute(d, "unix:mode", mode);
    return d;
  }

  /** Puts the right bytes, read-only, under the copy's name, owned by {@code owner}. */
  private static Path plant(Path dir, UserPrincipal owner) throws IOException {
    Path p = Files.copy(source, dir.resolve(sha + ".sqlite"));
    Files.setOwner(p, owner);
    Files.setAttribute(p, "unix:mode", 0444);
    return p;
  }

  private static void assertUnchanged(Path dir, UserPrincipal owner, int mode, Path planted)
      throws IOException {
    assertEquals(mode, modeOf(dir));
    assertEquals(owner, PathStatus.of(dir).owner());
    assertEquals(List.of(planted.getFileName().toString()), names(dir));
    assertEquals(other, PathStatus.of(planted).owner());
    assertEquals(0444, modeOf(planted));
  }

  private static int modeOf(Path p) throws IOException {
    return PathStatus.of(p).mode() & 07777;
  }

  private static void setMode(Path p, int mode) {
    try {
      Files.setAttribute(p, "unix:mode", mode);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void setOwner(Path p, UserPrincipal owner) {
    try {
      Files.setOwner(p, owner);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void replaceByLink(Path p, Path target) {
    try {
      Files.delete(p);
      Files.createSymbolicLink(p, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  record Result(int exit, String out, String err, List<String> lines) {}

  /** Runs {@link CacheProbe} as {@value #SERVICE} over {@code cacheDir}. */
  private static Result probe(Path cacheDir, String... steps) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "runuser",
                "-u",
                SERVICE,
                "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classes.toString(),
                CacheProbe.class.getName(),
                "geo",
                cacheDir.toString(),
                sha,
                Long.toString(bytes),
                source.toUri().toString()));
    cmd.addAll(List.of(steps));
    return exec(cmd.toArray(String[]::new));
  }

  private static Result exec(String... cmd) {
    try {
      Path err = Files.createTempFile("datajar-probe", ".err");
      try {
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError("timed out: " + String.join(" ", cmd));
        }
        return new Result(p.exitValue(), out, Files.readString(err), out.lines().toList());
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static Path location(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Copies class files (only) so that the service user can read them wherever the build is. */
  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".class")).toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        Files.createDirectories(t.getParent());
        Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    try (Stream<Path> s = Files.walk(to)) {
      for (Path p : s.toList()) {
        Files.setAttribute(p, "unix:mode", Files.isDirectory(p) ? 0755 : 0644);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            Files.delete(f);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
