package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Datasets read from the packaged jar, as a service reads a dependency: copied once into a private
 * cache directory, shared by JVMs, and checked again before use.
 */
class JarCacheIT {
  private static final Path JAR =
      Path.of("target", "datajar-integration-tests.jar").toAbsolutePath();
  private static final Path CLASSES = Path.of("target", "classes").toAbsolutePath();
  private static final Path TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath();

  private static List<Path> classPath;
  private static String shopSha256;

  @TempDir Path cache;

  /** The jar, the test classes (for the probe) and the dependencies; never target/classes. */
  @BeforeAll
  static void classPath() throws IOException {
    assertTrue(Files.isRegularFile(JAR), JAR + " is built by 'package', before this test");
    classPath = new ArrayList<>(List.of(JAR, TEST_CLASSES));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath();
      if (!p.equals(JAR) && !p.equals(CLASSES) && !p.equals(TEST_CLASSES)) {
        classPath.add(p);
      }
    }
    try (JarFile jar = new JarFile(JAR.toFile())) {
      String manifest =
          new String(
              jar.getInputStream(jar.getEntry("META-INF/datasets/shop.manifest.json"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("\"sha256\" : \"([0-9a-f]{64})\"").matcher(manifest);
      assertTrue(m.find(), manifest);
      shopSha256 = m.group(1);
    }
  }

  /** Runs the probe on a class loader that sees the jar but not target/classes. */
  private static String probeInFreshLoader(Path cacheDirectory) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (Path p : classPath) {
      urls.add(p.toUri().toURL());
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      // As in an application server: libraries that look things up through the context
      // loader (Hibernate's services) must see this loader's copies, not the test's.
      thread.setContextClassLoader(loader);
      Class<?> probe = Class.forName(CacheProbe.class.getName(), true, loader);
      try {
        return (String) probe.getMethod("probe", Path.class).invoke(null, cacheDirectory);
      } catch (InvocationTargetException e) {
        // Render the failure while its classes can still be loaded: once the loader is closed,
        // even the test report cannot print it (Guice's message needs Guava's classes).
        StringWriter trace = new StringWriter();
        e.getCause().printStackTrace(new PrintWriter(trace));
        throw new AssertionError("the probe failed:\n" + trace);
      }
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private Process probeInNewJvm(Path cacheDirectory) throws IOException {
    String cp = String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList());
    return new ProcessBuilder(
            ChildJvm.command(
                "-Xmx128m", "-cp", cp, CacheProbe.class.getName(), cacheDirectory.toString()))
        .redirectErrorStream(true)
        .start();
  }

  private static String probeOutput(Process p) throws Exception {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe JVM did not finish");
    assertEquals(0, p.exitValue(), out);
    return out.lines()
        .filter(l -> l.startsWith("PROBE "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no PROBE line in:\n" + out))
        .substring(6);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void jarDataSet_isCopiedOnceIntoAPrivateCacheNamedByItsChecksum() throws Exception {
    Path dir = cache.resolve("datajar");
    Path expected = dir.resolve(shopSha256 + ".sqlite");
    assertEquals(expected + "|11|LAP-13", probeInFreshLoader(dir));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    assertEquals(
        "r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(expected)));
    assertEquals(shopSha256, ShopWriteRefusalTest.sha256(expected));
    // shop, corpus, lobs and iso-codes (a test dependency, for the dependency-trees invoker case),
    // each with the lock file a JVM holds while it serves the copy, and cache.lock; no temporaries
    assertEquals(9, names(dir).size(), names(dir).toString());
    assertEquals(4, names(dir).stream().filter(n -> n.endsWith(".sqlite")).count());
    Object inode = Files.getAttribute(expected, "unix:ino");
    assertEquals(expected + "|11|LAP-13", probeInFreshLoader(dir));
    assertEquals(
        inode, Files.getAttribute(expected, "unix:ino"), "the copy was reused, not redone");
  }

  @Test
  void twoJvmsAtFirstUse_shareOneCompleteCopy() throws Exception {
    Path dir = cache.resolve("shared");
    Process a = probeInNewJvm(dir);
    Process b = probeInNewJvm(dir);
    String fromA = probeOutput(a);
    String fromB = probeOutput(b);
    Path expected = dir.resolve(shopSha256 + ".sqlite");
    assertEquals(expected + "|11|LAP-13", fromA);
    assertEquals(fromA, fromB);
    assertEquals(9, names(dir).size(), names(dir).toString()); // copies, locks, cache.lock
    assertEquals(4, names(dir).stream().filter(n -> n.endsWith(".sqlite")).count());
    assertEquals(shopSha256, ShopWriteRefusalTest.sha256(expected));
  }

  @Test
  void tamperedCachedCopy_isDetectedAndReplaced() throws Exception {
    Path dir = cache.resolve("tampered");
    Path copy = dir.resolve(shopSha256 + ".sqlite");
    probeInFreshLoader(dir);
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
    try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
      f.seek(f.length() - 10);
      f.write(0x5a);
      f.write(0xa5);
    }
    assertTrue(!shopSha256.equals(ShopWriteRefusalTest.sha256(copy)));
    assertEquals(copy + "|11|LAP-13", probeOutput(probeInNewJvm(dir)));
    assertEquals(shopSha256, ShopWriteRefusalTest.sha256(copy));
    assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
  }

  @Test
  void truncatedCachedCopy_isReplaced() throws Exception {
    Path dir = cache.resolve("truncated");
    Path copy = dir.resolve(shopSha256 + ".sqlite");
    probeInFreshLoader(dir);
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
    try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
      f.setLength(4096);
    }
    assertEquals(copy + "|11|LAP-13", probeInFreshLoader(dir));
    assertEquals(shopSha256, ShopWriteRefusalTest.sha256(copy));
  }
}
