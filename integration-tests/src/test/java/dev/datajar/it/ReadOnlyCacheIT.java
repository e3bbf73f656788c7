package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service whose file systems are read-only, as in a container with {@code
 * readOnlyRootFilesystem}: the probe JVM runs in a mount namespace of its own ({@code unshare -m})
 * where a tmpfs holding its home directory (and, in some cases, a cache directory) is remounted
 * read-only; the test JVM and the machine never see the mount. A directory with mode 0555 would not
 * do: root writes it all the same, and the tests run as root in CI. Needs root and {@code unshare};
 * skipped elsewhere, saying why.
 *
 * <p>Each message must say which setting chose the cache directory, give the operating system's
 * reason, and a fix that is true for that setting.
 */
class ReadOnlyCacheIT {
  private static final Path JAR =
      Path.of("target", "datajar-integration-tests.jar").toAbsolutePath();
  private static final Path CLASSES = Path.of("target", "classes").toAbsolutePath();
  private static final Path TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath();

  private static String classPath;

  @TempDir Path tmp;

  @BeforeAll
  static void classPathAndRoot() throws Exception {
    Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    Assumptions.assumeTrue(
        Integer.valueOf(0).equals(uid), "needs root to mount a read-only tmpfs (uid " + uid + ")");
    Process p = new ProcessBuilder("unshare", "-m", "true").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Assumptions.assumeTrue(
        p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
        "cannot make a mount namespace: " + out);
    assertTrue(Files.isRegularFile(JAR), JAR + " is built by 'package', before this test");
    List<String> entries = new ArrayList<>(List.of(JAR.toString(), TEST_CLASSES.toString()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path e = Path.of(entry).toAbsolutePath();
      if (!e.equals(JAR) && !e.equals(CLASSES) && !e.equals(TEST_CLASSES)) {
        entries.add(e.toString());
      }
    }
    classPath = String.join(File.pathSeparator, entries);
  }

  /**
   * Runs the probe with {@code mnt} a tmpfs, read-only, holding {@code home/} (the JVM's user.home)
   * and {@code cache/} (empty), and {@code filled/} with the files of {@code fillFrom}; {@code rw},
   * if not null, a second tmpfs left writable.
   */
  private String probe(
      Path mnt, Path fillFrom, Path rw, Map<String, String> env, String... properties)
      throws Exception {
    Files.createDirectories(mnt);
    List<String> command =
        new ArrayList<>(
            List.of(
                "unshare",
                "-m",
                "--propagation",
                "private",
                "sh",
                "-ec",
                "mount -t tmpfs -o size=64m,mode=0755 datajar-ro \"$1\"\n"
                    + "mkdir \"$1/home\" \"$1/cache\" \"$1/filled\"\n"
                    + "if [ -n \"$2\" ]; then cp -a \"$2/.\" \"$1/filled/\"; fi\n"
                    + "mount -o remount,ro \"$1\"\n"
                    + "if [ -n \"$3\" ]; then mount -t tmpfs -o size=64m,mode=0700 datajar-rw"
                    + " \"$3\"; fi\n"
                    + "shift 3\n"
                    + "exec \"$@\"",
                "sh",
                mnt.toString(),
                fillFrom == null ? "" : fillFrom.toString(),
                rw == null ? "" : rw.toString()));
    command.addAll(
        ChildJvm.command("-Xmx128m", "-Duser.home=" + mnt.resolve("home"), "-cp", classPath));
    command.addAll(List.of(properties));
    command.add(ReadOnlyProbe.class.getName());
    return run(command, env);
  }

  private static String run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("DATAJAR_CACHE_DIR");
    pb.environment().remove("XDG_CACHE_HOME");
    pb.environment().remove("DATAJAR_SHOP_PATH");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe did not finish");
    assertEquals(0, p.exitValue(), out);
    return out.lines()
        .filter(l -> l.startsWith("OPENED ") || l.startsWith("REFUSED "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no OPENED or REFUSED line in:\n" + out));
  }

  private static String inPlace() {
    return " A dataset read in place needs no cache: one in a class folder, or a file given by"
        + " -Ddatajar.shop.path or DATAJAR_SHOP_PATH.";
  }

  private static String volume() {
    return " to a directory that only root can write (with a read-only root file system: a"
        + " writable volume mounted for it)";
  }

  @Test
  void nothingSet_homeReadOnly_saysTheDefaultWasUsedAndWhatToSet() throws Exception {
    Path mnt = tmp.resolve("ro");
    Path home = mnt.resolve("home");
    assertEquals(
        "REFUSED dataset 'shop': cannot create or use the cache directory "
            + home
            + "/.cache/datajar (the default, ~/.cache/datajar in the home directory user.home="
            + home
            + ", as neither -Ddatajar.cache.dir nor DATAJAR_CACHE_DIR is set): "
            + home
            + "/.cache: Read-only file system. Set -Ddatajar.cache.dir or DATAJAR_CACHE_DIR"
            + " (datajar.cache-directory in Spring Boot, cacheDirectory(...) on a builder)"
            + volume()
            + "."
            + inPlace(),
        probe(mnt, null, null, Map.of()));
  }

  @Test
  void propertySet_toAMissingDirectoryOnAReadOnlyFileSystem_namesTheProperty() throws Exception {
    Path mnt = tmp.resolve("ro");
    Path dir = mnt.resolve("var-cache");
    assertEquals(
        "REFUSED dataset 'shop': cannot create or use the cache directory "
            + dir
            + " (set by system property datajar.cache.dir): "
            + dir
            + ": Read-only file system. Change -Ddatajar.cache.dir"
            + volume()
            + ", or remove it to use the default "
            + mnt.resolve("home")
            + "/.cache/datajar."
            + inPlace(),
        probe(mnt, null, null, Map.of(), "-Ddatajar.cache.dir=" + dir));
  }

  @Test
  void variableSet_toAnExistingDirectoryOnAReadOnlyFileSystem_namesTheVariable() throws Exception {
    Path mnt = tmp.resolve("ro");
    Path dir = mnt.resolve("cache");
    String out = probe(mnt, null, null, Map.of("DATAJAR_CACHE_DIR", dir.toString()));
    String start =
        "REFUSED dataset 'shop': cannot copy jar:file:"
            + JAR
            + "!/META-INF/datasets/shop.sqlite into the cache directory "
            + dir
            + " (set by environment variable DATAJAR_CACHE_DIR): "
            + dir
            + "/";
    String end =
        ".tmp: Read-only file system. Change DATAJAR_CACHE_DIR"
            + volume()
            + ", or remove it to use the default "
            + mnt.resolve("home")
            + "/.cache/datajar."
            + inPlace();
    assertTrue(out.startsWith(start) && out.endsWith(end), out);
  }

  @Test
  void theFixes_aWritableVolume_aCacheMadeBeforeTheFileSystemWasReadOnly_orAFileReadInPlace()
      throws Exception {
    Path mnt = tmp.resolve("ro");
    Path volume = tmp.resolve("volume");
    Files.createDirectories(volume);
    String opened = probe(mnt, null, volume, Map.of("DATAJAR_CACHE_DIR", volume.toString()));
    assertTrue(opened.startsWith("OPENED " + volume + "/") && opened.endsWith(" 11"), opened);

    // A cache filled at image build time, then read-only: used as it is (nothing can be locked
    // or removed there).
    Path filled = tmp.resolve("filled");
    String first =
        run(
            ChildJvm.command(
                "-Xmx128m",
                "-cp",
                classPath,
                "-Ddatajar.cache.dir=" + filled,
                ReadOnlyProbe.class.getName()),
            Map.of());
    Path copy = Path.of(first.split(" ")[1]);
    assertEquals(filled, copy.getParent());
    assertEquals(
        "OPENED " + mnt.resolve("filled").resolve(copy.getFileName()) + " 11",
        probe(mnt, filled, null, Map.of(), "-Ddatajar.cache.dir=" + mnt.resolve("filled")));

    // The dataset's file given by a setting: no cache at all, the home directory read-only.
    assertEquals(
        "OPENED " + copy + " 11",
        probe(mnt, null, null, Map.of("DATAJAR_SHOP_PATH", copy.toString())));
  }

  /** The jar really holds the dataset the messages name. */
  @Test
  void theJarHoldsTheShopDataSet() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertTrue(jar.getEntry("META-INF/datasets/shop.sqlite") != null);
    }
  }
}
