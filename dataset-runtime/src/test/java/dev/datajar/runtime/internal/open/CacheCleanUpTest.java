package dev.datajar.runtime.internal.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.runtime.DataSetException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clean-up of the cache directory on real files: which copies it removes (unused for longer
 * than the retention, by any JVM) and which it keeps (recent, in use here, in use by another JVM
 * that holds its lock, not datajar's, not this user's).
 */
class CacheCleanUpTest {
  private static final Duration WEEK = Duration.ofDays(7);

  @TempDir Path tmp;

  private Path cache() throws IOException {
    Path d = tmp.resolve("cache");
    Files.createDirectory(d, PosixFilePermissions.asFileAttribute(PathStatus.OWNER_DIR));
    return d;
  }

  private static String sha(int n) {
    byte[] b = new byte[32];
    b[0] = (byte) 0xab;
    b[31] = (byte) n;
    return HexFormat.of().formatHex(b);
  }

  /** A copy as the cache makes one, with its lock file, both last used {@code daysAgo}. */
  private static Path copy(Path dir, String sha, int daysAgo) throws IOException {
    Path copy = Files.writeString(dir.resolve(sha + ".sqlite"), "copy " + sha);
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("r--------"));
    Path lock = Files.createFile(dir.resolve(sha + ".lock"));
    age(copy, daysAgo);
    age(lock, daysAgo);
    return copy;
  }

  private static void age(Path f, int daysAgo) throws IOException {
    Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(Duration.ofDays(daysAgo))));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void copiesUnusedLongerThanTheRetention_areRemoved_othersKept() throws IOException {
    Path dir = cache();
    Path old = copy(dir, sha(1), 8);
    Path recent = copy(dir, sha(2), 6);
    // A copy left by a runtime that made no lock file: its own time counts.
    Path unlocked = Files.writeString(dir.resolve(sha(3) + ".sqlite"), "x");
    age(unlocked, 30);
    // Not datajar's names: never touched, however old.
    Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");
    Path shortName = Files.writeString(dir.resolve("abc.sqlite"), "mine");
    Path upper =
        Files.writeString(dir.resolve(sha(4).toUpperCase(Locale.ROOT) + ".sqlite"), "mine");
    // A link with a copy's name: not a regular file, kept (and its target untouched).
    Path target = Files.writeString(tmp.resolve("elsewhere.sqlite"), "theirs");
    Path link = Files.createSymbolicLink(dir.resolve(sha(5) + ".sqlite"), target);
    for (Path p : List.of(notes, shortName, upper, target, link)) {
      Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setTimes(FileTime.from(Instant.now().minus(Duration.ofDays(100))), null, null);
    }

    assertEquals(List.of(old, unlocked), CacheUse.cleanUp("geo", dir, WEEK));
    assertEquals(
        List.of(
            sha(4).toUpperCase(Locale.ROOT) + ".sqlite",
            sha(2) + ".lock",
            sha(2) + ".sqlite",
            sha(5) + ".sqlite",
            "abc.sqlite",
            "cache.lock",
            "notes.txt"),
        names(dir));
    assertTrue(Files.exists(recent));
    assertEquals("theirs", Files.readString(target));
  }

  @Test
  void zeroRetention_keepsEveryCopy() throws IOException {
    Path dir = cache();
    copy(dir, sha(1), 400);
    assertEquals(List.of(), CacheUse.cleanUp("geo", dir, Duration.ZERO));
    assertEquals(List.of(sha(1) + ".lock", sha(1) + ".sqlite"), names(dir));
  }

  @Test
  void anotherUsersFile_isKept() throws IOException {
    Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    Assumptions.assumeTrue(Integer.valueOf(0).equals(uid), "needs root to chown (uid " + uid + ")");
    Path dir = cache();
    Path copy = copy(dir, sha(1), 30);
    Files.setAttribute(copy, "unix:uid", 65534);
    Files.setAttribute(dir.resolve(sha(1) + ".lock"), "unix:uid", 65534);
    assertEquals(List.of(), CacheUse.cleanUp("geo", dir, WEEK));
    assertEquals(List.of(sha(1) + ".lock", sha(1) + ".sqlite", "cache.lock"), names(dir));
  }

  @Test
  void copyInUseInThisJvm_isKept_andCountsAsUsedWhenReleased() throws IOException {
    Path dir = cache();
    Path copy = copy(dir, sha(1), 0);
    CacheUse.Lease first = CacheUse.acquire("geo", dir, sha(1));
    CacheUse.Lease second = CacheUse.acquire("geo", dir, sha(1)); // a second DataSets
    age(dir.resolve(sha(1) + ".lock"), 30);
    assertEquals(List.of(), CacheUse.cleanUp("geo", dir, WEEK));
    first.close();
    first.close(); // once only: the second still holds it
    assertEquals(List.of(), CacheUse.cleanUp("geo", dir, WEEK));
    second.close(); // the last one: unused from now
    assertEquals(List.of(), CacheUse.cleanUp("geo", dir, WEEK));
    age(dir.resolve(sha(1) + ".lock"), 8);
    assertEquals(List.of(copy), CacheUse.cleanUp("geo", dir, WEEK));
    assertEquals(List.of("cache.lock"), names(dir));
  }

  @Test
  void copyInUseByAnotherJvm_isKept_untilThatJvmDies() throws Exception {
    Path dir = cache();
    Path held = copy(dir, sha(1), 0);
    Path free = copy(dir, sha(2), 0);
    Process other =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CacheHolder.class.getName(),
                dir.toString(),
                sha(1))
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("HELD 1", out.readLine());
      age(dir.resolve(sha(1) + ".lock"), 30);
      age(dir.resolve(sha(2) + ".lock"), 30);
      assertEquals(List.of(free), CacheUse.cleanUp("geo", dir, WEEK));
      assertTrue(Files.exists(held));
      // Killed without a chance to clean up: the kernel drops its lock all the same.
      other.destroyForcibly();
      assertTrue(other.waitFor(60, TimeUnit.SECONDS));
      assertEquals(List.of(held), CacheUse.cleanUp("geo", dir, WEEK));
      assertEquals(List.of("cache.lock"), names(dir));
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void lockFileOfAFailedOpen_isRemovedWithItsLease() throws IOException {
    Path dir = cache();
    CacheUse.acquire("geo", dir, sha(1)).close(); // no copy was made
    assertEquals(List.of("cache.lock"), names(dir));
  }

  @Test
  void retentionSetting_readsBuilderPropertyVariable_andNamesABadValue() {
    Map<String, String> props = new java.util.HashMap<>();
    Map<String, String> env = new java.util.HashMap<>();
    assertEquals(WEEK, settings(null, props, env).cacheRetentionOrDefault());
    env.put("DATAJAR_CACHE_RETENTION", "P30D");
    assertEquals(Duration.ofDays(30), settings(null, props, env).cacheRetentionOrDefault());
    props.put("datajar.cache.retention", "86400");
    assertEquals(Duration.ofDays(1), settings(null, props, env).cacheRetentionOrDefault());
    assertEquals(Duration.ZERO, settings(Duration.ZERO, props, env).cacheRetentionOrDefault());
    props.put("datajar.cache.retention", "a week");
    assertEquals(
        "-Ddatajar.cache.retention='a week' is not a cache retention: give seconds (e.g. 604800),"
            + " an ISO-8601 duration (e.g. P7D), or 0 to keep every cached copy for ever.",
        assertThrows(
                DataSetException.class, () -> settings(null, props, env).cacheRetentionOrDefault())
            .getMessage());
  }

  private static Settings settings(
      Duration retention, Map<String, String> props, Map<String, String> env) {
    return new Settings(
        List.of(),
        Map.of(),
        Map.of(),
        null,
        null,
        props::get,
        env::get,
        false,
        false,
        null,
        retention);
  }
}
