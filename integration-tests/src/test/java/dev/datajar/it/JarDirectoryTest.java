package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.datajar.it.lobs.Attachment;
import dev.datajar.runtime.DataSetInfo;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset read from the newest jar of a directory where new versions are dropped (issue 20, item
 * 2). The jars are made as users get them: the real builder builds the lobs dataset from this
 * module's entity classes and sources (changed per version), and the result is packed with a {@code
 * pom.properties}, as the Maven jar plugin packs it, then renamed into the directory.
 */
class JarDirectoryTest {

  // Held here: JUL keeps loggers weakly, and a collected one would take its handler with it.
  private static final Logger RUNTIME_LOG = Logger.getLogger("dev.datajar.runtime");

  @TempDir Path tmp;
  private Path drop;
  private final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
            String m = r.getMessage();
            Object[] p = r.getParameters();
            if (p != null) {
              m = java.text.MessageFormat.format(m.replace("'", "''"), p);
            }
            warnings.add(m);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void setUp() throws IOException {
    drop = Files.createDirectories(tmp.resolve("drop"));
    RUNTIME_LOG.addHandler(capture);
  }

  @AfterEach
  void tearDown() {
    RUNTIME_LOG.removeHandler(capture);
  }

  /**
   * Builds dataset lobs with the real builder from {@code classes} and {@code sources}, and packs
   * it as version {@code version} of dev.datajar.it:lobs-data, in a staging folder.
   */
  private Path build(String version, Path classes, Path sources) throws Exception {
    return build("lobs-data", version, classes, sources);
  }

  /**
   * As {@link #build(String, Path, Path)}, as version {@code version} of artifact {@code
   * dev.datajar.it:<artifact>}, or with no {@code pom.properties} when {@code artifact} is null.
   */
  private Path build(String artifact, String version, Path classes, Path sources) throws Exception {
    Path out = LobsBuilds.build(tmp, artifact + "-" + version, classes, sources, null);
    if (artifact != null) {
      Path pom = out.resolve("META-INF/maven/dev.datajar.it/" + artifact + "/pom.properties");
      Files.createDirectories(pom.getParent());
      Files.writeString(
          pom, "artifactId=" + artifact + "\ngroupId=dev.datajar.it\nversion=" + version + "\n");
    }
    Path jar =
        Files.createDirectories(tmp.resolve("staging"))
            .resolve((artifact == null ? "lobs-data" : artifact) + "-" + version + ".jar");
    try (OutputStream o = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(o, new java.util.jar.Manifest());
        Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        j.putNextEntry(new JarEntry(out.relativize(f).toString()));
        Files.copy(f, j);
        j.closeEntry();
      }
    }
    return jar;
  }

  private Path build(String version, int extraRows) throws Exception {
    return build(version, LobsBuilds.CLASSES, LobsBuilds.sources(tmp, version, extraRows, false));
  }

  /** Puts {@code jar} into the directory as an operator should: written aside, then renamed. */
  private Path dropIn(Path jar) throws IOException {
    return dropIn(jar, jar.getFileName().toString());
  }

  /** Puts {@code jar} into the directory under {@code name}, renamed over any jar of that name. */
  private Path dropIn(Path jar, String name) throws IOException {
    Path part = drop.resolve("." + name + ".part");
    Files.copy(jar, part);
    return Files.move(part, drop.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private DataSets.Builder lobsFrom(Path dir) {
    return DataSets.builder()
        .dataSets("lobs")
        .path("lobs", dir)
        .cacheDirectory(tmp.resolve("cache"));
  }

  private static String version(DataSetInfo info) {
    return info.artifact().version();
  }

  @Test
  void servesTheNewestJarByVersionAndRefusesBadOnes() throws Exception {
    Path v9 = dropIn(build("1.9", 0));
    Path v10 = build("1.10", 2); // 1.10 is newer than 1.9 (not by name: "1.10" < "1.9" as text)
    try (DataSets ds = lobsFrom(drop).open()) {
      Store<Attachment> attachments = ds.store(Attachment.class);
      assertEquals(5, attachments.count());
      assertEquals("1.9", version(ds.info("lobs")));
      assertTrue(ds.info("lobs").source().contains("lobs-data-1.9.jar"), ds.info("lobs").source());

      // A jar being written (not yet renamed to *.jar) is not looked at.
      Files.write(drop.resolve(".lobs-data-9.0.jar.part"), new byte[] {1, 2, 3});
      assertEquals("1.9", version(ds.reload("lobs")));
      assertTrue(warnings.isEmpty(), warnings.toString());

      dropIn(v10);
      DataSetInfo now = ds.reload("lobs");
      assertEquals("1.10", version(now));
      assertEquals(7, attachments.count());
      assertTrue(
          now.file().toString().startsWith(tmp.resolve("cache").toString()), now.file() + "");

      // A jar whose file does not match its manifest (damaged in transfer): refused, logged.
      Path corrupt = corrupt(build("1.11", 4));
      dropIn(corrupt);
      DataSetOpenException e = assertThrows(DataSetOpenException.class, () -> ds.reload("lobs"));
      assertTrue(e.getMessage().contains("lobs-data-1.11.jar"), e.getMessage());
      assertTrue(e.getMessage().contains("keeps serving"), e.getMessage());
      assertEquals(7, attachments.count());
      assertEquals("1.10", version(ds.info("lobs")));
      assertTrue(warnings.stream().anyMatch(w -> w.contains("lobs-data-1.11.jar")), warnings + "");
      // Not tried again while it is unchanged: the newest not refused is the one served.
      int logged = warnings.size();
      assertEquals("1.10", version(ds.reload("lobs")));
      assertEquals(logged, warnings.size(), warnings.toString());

      // Built from other entity classes (only Attachment): refused, the current one serves on.
      dropIn(build("1.12", LobsBuilds.otherClasses(tmp), LobsBuilds.sources(tmp, "1.12", 0, true)));
      e = assertThrows(DataSetOpenException.class, () -> ds.reload("lobs"));
      assertTrue(
          e.getMessage().contains("a new version must hold the same entity classes"),
          e.getMessage());
      assertEquals(7, attachments.count());

      // Not a jar at all (cut short): skipped with a warning; nothing changes.
      Path cut = drop.resolve("lobs-data-1.13.jar");
      Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(v10), 1000));
      assertEquals("1.10", version(ds.reload("lobs")));
      assertTrue(warnings.stream().anyMatch(w -> w.contains("lobs-data-1.13.jar")), warnings + "");

      // The served jar deleted: the version keeps serving from its cached copy; a reload takes
      // the newest jar left, which rolls back to 1.9.
      Files.delete(drop.resolve("lobs-data-1.10.jar"));
      assertEquals(7, attachments.count());
      assertEquals("1.9", version(ds.reload("lobs")));
      assertEquals(5, attachments.count());
      assertTrue(Files.exists(v9));
    }
  }

  @Test
  void jarsThatCannotBeOrdered_areSkippedOrRefused_withTheirReason() throws Exception {
    dropIn(build("1.9", 0));
    try (DataSets ds = lobsFrom(drop).open()) {
      // No pom.properties: its version is unknown, so it is skipped with a warning.
      dropIn(
          build(null, "5.0", LobsBuilds.CLASSES, LobsBuilds.sources(tmp, "nopom", 1, false)),
          "lobs-data-5.0.jar");
      assertEquals("1.9", version(ds.reload("lobs")));
      assertTrue(
          warnings.stream()
              .anyMatch(
                  w ->
                      w.contains("lobs-data-5.0.jar holds it, but has no META-INF/maven/")
                          && w.contains("its version cannot be ordered")),
          warnings + "");
      Files.delete(drop.resolve("lobs-data-5.0.jar"));

      // Another version 1.9 with other rows: which one is 1.9 cannot be told, so it is refused.
      dropIn(
          build("lobs-data", "1.9", LobsBuilds.CLASSES, LobsBuilds.sources(tmp, "again", 3, false)),
          "lobs-data-1.9-rebuilt.jar");
      DataSetOpenException e = assertThrows(DataSetOpenException.class, () -> ds.reload("lobs"));
      assertTrue(e.getMessage().contains("are both version 1.9 of"), e.getMessage());
      assertEquals(5, ds.store(Attachment.class).count());
      Files.delete(drop.resolve("lobs-data-1.9-rebuilt.jar"));

      // Jars of two artifacts: their versions cannot be ordered against each other.
      dropIn(
          build("other-data", "2.0", LobsBuilds.CLASSES, LobsBuilds.sources(tmp, "o", 1, false)));
      e = assertThrows(DataSetOpenException.class, () -> ds.reload("lobs"));
      assertTrue(e.getMessage().contains("jars of two artifacts in"), e.getMessage());
      assertTrue(e.getMessage().contains("other-data-2.0.jar"), e.getMessage());
      assertEquals("1.9", version(ds.info("lobs")));
      assertEquals(5, ds.store(Attachment.class).count());
    }
  }

  @Test
  void aDamagedJar_isRefused_evenWhenTheCacheHoldsTheFileItsManifestNames() throws Exception {
    dropIn(build("1.9", 0));
    try (DataSets ds = lobsFrom(drop).open()) {
      dropIn(build("1.10", 2));
      assertEquals("1.10", version(ds.reload("lobs"))); // the cache now holds 1.9's file too
      String served = ds.info("lobs").sha256();
      // Built from 1.9's sources, so its manifest names 1.9's file, which is in the cache (builds
      // are byte-identical), but the file in this jar is damaged.
      dropIn(corrupt(build("2.0", 0)));
      DataSetOpenException e = assertThrows(DataSetOpenException.class, () -> ds.reload("lobs"));
      assertTrue(e.getMessage().contains("lobs-data-2.0.jar"), e.getMessage());
      assertEquals("1.10", version(ds.info("lobs")));
      assertEquals(served, ds.info("lobs").sha256());
      assertEquals(7, ds.store(Attachment.class).count());
    }
  }

  @Test
  void startsOnTheNewestJarThatPassesEveryCheck() throws Exception {
    dropIn(build("1.9", 0));
    dropIn(corrupt(build("1.10", 2)));
    try (DataSets ds = lobsFrom(drop).open()) {
      assertEquals("1.9", version(ds.info("lobs")));
      assertEquals(5, ds.store(Attachment.class).count());
      assertTrue(warnings.stream().anyMatch(w -> w.contains("lobs-data-1.10.jar")), warnings + "");
    }
  }

  @Test
  void followsTheDirectoryWithGuice() throws Exception {
    // A sidecar that always writes the same name: each version is renamed over the last.
    dropIn(build("1.0", 0), "lobs-data.jar");
    Path v2 = build("2.0", 1);
    Path v3 = corrupt(build("3.0", 2));
    Injector injector =
        Guice.createInjector(
            DataSetModule.builder()
                .dataSets("lobs")
                .path("lobs", drop)
                .follow("lobs", Duration.ofMillis(50))
                .cacheDirectory(tmp.resolve("cache"))
                .build());
    DataSets ds = injector.getInstance(DataSets.class);
    try {
      BlockingQueue<String> news = LobsBuilds.news(ds, JarDirectoryTest::version);
      Store<Attachment> attachments =
          injector.getInstance(Key.get(new TypeLiteral<Store<Attachment>>() {}));
      assertEquals(5, attachments.count());

      dropIn(v2, "lobs-data.jar");
      assertEquals("switched to 2.0", news.poll(60, TimeUnit.SECONDS));
      assertEquals(6, attachments.count());

      dropIn(v3, "lobs-data.jar");
      assertEquals("refused while serving 2.0", news.poll(60, TimeUnit.SECONDS));
      assertEquals(6, attachments.count());
      assertEquals("2.0", version(ds.info("lobs")));
      assertFalse(warnings.isEmpty());
    } finally {
      ds.close();
    }
  }

  /** A copy of {@code jar} whose SQLite file no longer matches the manifest beside it. */
  private Path corrupt(Path jar) throws IOException {
    Path out = jar.resolveSibling("bad-" + jar.getFileName());
    try (java.util.jar.JarFile in = new java.util.jar.JarFile(jar.toFile());
        JarOutputStream j = new JarOutputStream(Files.newOutputStream(out))) {
      for (JarEntry e : java.util.Collections.list(in.entries())) {
        byte[] b = in.getInputStream(e).readAllBytes();
        if (e.getName().endsWith(".sqlite")) {
          for (int i = b.length / 2; i < b.length / 2 + 64; i++) {
            b[i] ^= 0x5a;
          }
        }
        j.putNextEntry(new JarEntry(e.getName()));
        j.write(b);
        j.closeEntry();
      }
    }
    return Files.move(out, jar, StandardCopyOption.REPLACE_EXISTING);
  }
}
