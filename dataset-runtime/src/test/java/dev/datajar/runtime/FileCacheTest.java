package dev.datajar.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.datajar.runtime.fixture.Country;
import dev.datajar.runtime.fixture.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets inside jars: copied once into a private, content-addressed cache, verified, reused. */
class FileCacheTest {
  @TempDir Path tmp;
  Path jar;
  Path cache;
  String sha256;

  @BeforeEach
  void buildJar() throws IOException {
    Path classes = tmp.resolve("classes");
    sha256 = Fixtures.sha256(Fixtures.geo(classes));
    jar = Fixtures.jar(classes, tmp.resolve("geo-data.jar"));
    cache = tmp.resolve("cache");
  }

  private Injector open() {
    return Guice.createInjector(
        DataSetModule.builder().classLoader(Fixtures.loader(jar)).cacheDirectory(cache).build());
  }

  private static long count(Injector injector) {
    return injector.getInstance(Key.get(new TypeLiteral<Store<Country>>() {})).count();
  }

  @Test
  void jarDataSet_isCopiedOnceIntoThePrivateCache() throws IOException {
    Injector first = open();
    Path file;
    Object fileKey;
    try (DataSets engines = first.getInstance(DataSets.class)) {
      file = engines.file("geo");
      assertEquals(cache.resolve(sha256 + ".sqlite"), file);
      assertEquals(10, count(first));
      assertEquals(
          "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
      assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      fileKey = Files.readAttributes(file, "unix:ino").get("ino");
    }
    Injector second = open();
    try (DataSets engines = second.getInstance(DataSets.class)) {
      assertEquals(file, engines.file("geo"));
      assertEquals(fileKey, Files.readAttributes(file, "unix:ino").get("ino"), "copied again");
      assertEquals(10, count(second));
    }
    // the copy, the lock this JVM held while it served it, and the lock that orders locking
    assertEquals(List.of(sha256 + ".lock", sha256 + ".sqlite", "cache.lock"), cacheFiles());
  }

  @Test
  void tamperedCachedCopy_isReplacedBeforeUse() throws IOException {
    open().getInstance(DataSets.class).close();
    Path file = cache.resolve(sha256 + ".sqlite");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap("tampered".getBytes(StandardCharsets.US_ASCII)), 4096);
    }
    Injector again = open();
    try (DataSets engines = again.getInstance(DataSets.class)) {
      assertEquals(10, count(again));
      assertEquals(sha256, Fixtures.sha256(engines.file("geo")));
    }
  }

  @Test
  void jarWhoseFileDoesNotMatchItsManifest_isRefusedAndNothingIsCached() throws IOException {
    Path classes = tmp.resolve("other");
    Fixtures.geo(classes);
    Path manifest = Fixtures.manifest(classes, "geo");
    Files.writeString(
        manifest, Files.readString(manifest).replace(sha256.substring(0, 8), "00000000"));
    jar = Fixtures.jar(classes, tmp.resolve("corrupt.jar"));
    CreationException e = assertThrows(CreationException.class, this::open);
    DataSetOpenException cause = (DataSetOpenException) e.getCause();
    assertEquals(
        "dataset 'geo': jar:"
            + jar.toUri().toURL()
            + "!/META-INF/datasets/geo.sqlite has"
            + " sha256 "
            + sha256
            + " ("
            + Files.size(Fixtures.sqlite(classes, "geo"))
            + " bytes), but its"
            + " manifest says 00000000"
            + sha256.substring(8)
            + " ("
            + Files.size(Fixtures.sqlite(classes, "geo"))
            + " bytes). The file was changed after it was built, or the jar is corrupt: rebuild the"
            + " dataset.",
        cause.getMessage());
    assertEquals(List.of("cache.lock"), cacheFiles());
  }

  @Test
  void concurrentFirstUse_byThreadsAndAnotherJvm_isSafe() throws Exception {
    Process other =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path") + File.pathSeparator + jar,
                CacheUser.class.getName(),
                cache.toString())
            .redirectErrorStream(true)
            .start();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        results.add(
            pool.submit(
                (Callable<Long>)
                    () -> {
                      Injector injector = open();
                      try (DataSets engines = injector.getInstance(DataSets.class)) {
                        return count(injector);
                      }
                    }));
      }
      for (Future<Long> f : results) {
        assertEquals(10L, f.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdown();
    }
    String out = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(other.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, other.exitValue(), out);
    assertTrue(out.contains("count=10 file=" + cache.resolve(sha256 + ".sqlite")), out);
    // the copy, the lock this JVM held while it served it, and the lock that orders locking
    assertEquals(List.of(sha256 + ".lock", sha256 + ".sqlite", "cache.lock"), cacheFiles());
    assertEquals(sha256, Fixtures.sha256(cache.resolve(sha256 + ".sqlite")));
  }

  @Test
  void cacheDirectoryOthersCanWrite_isRefusedAtInjectorCreationAndKeepsItsMode()
      throws IOException {
    Files.createDirectory(cache);
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path planted =
        Files.copy(
            Fixtures.sqlite(tmp.resolve("classes"), "geo"), cache.resolve(sha256 + ".sqlite"));
    CreationException e = assertThrows(CreationException.class, this::open);
    DataSetOpenException cause = (DataSetOpenException) e.getCause();
    assertTrue(
        cause
            .getMessage()
            .startsWith(
                "dataset 'geo': cache directory "
                    + cache
                    + " (set by cacheDirectory(...) on the builder (the Spring Boot starter's"
                    + " datajar.cache-directory)) can be"
                    + " written by its group and others (mode rwxrwxrwx), so the files in it cannot be"
                    + " trusted; it is not used. Run 'chmod go-w "
                    + cache
                    + "'"),
        cause.getMessage());
    assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
    assertEquals(List.of(planted.getFileName().toString()), cacheFiles());
  }

  @Test
  void sharedStickyCacheDirectory_keepsItsModeAndGetsAPrivateSubdirectory() throws IOException {
    Files.createDirectory(cache);
    Files.setAttribute(cache, "unix:mode", 01777);
    Path sub = cache.resolve("datajar-" + System.getProperty("user.name"));
    Injector injector = open();
    try (DataSets engines = injector.getInstance(DataSets.class)) {
      assertEquals(sub.resolve(sha256 + ".sqlite"), engines.file("geo"));
      assertEquals(10, count(injector));
    }
    assertEquals(01777, (Integer) Files.getAttribute(cache, "unix:mode") & 07777);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sub)));
    assertEquals(List.of(sub.getFileName().toString()), cacheFiles());
  }

  private List<String> cacheFiles() throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(cache)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
