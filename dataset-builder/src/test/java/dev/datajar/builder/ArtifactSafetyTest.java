package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed build leaves the previous artifacts as they were; an unchanged build is skipped. */
class ArtifactSafetyTest {
  @TempDir Path dir;

  private Path copyOfCatalogSources() throws IOException {
    Path sources = dir.resolve("sources");
    Path target = sources.resolve("catalog");
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(Fixtures.SOURCES.resolve("catalog"))) {
      for (Path f : files.toList()) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    }
    return sources;
  }

  @Test
  void build_failingAfterASuccessfulBuild_leavesThePreviousArtifactsUntouched() throws Exception {
    Path sources = copyOfCatalogSources();
    BuildRequest request = Fixtures.request(dir, "catalog").sourceDirectory(sources).build();
    new DataSetBuilder().build(request);
    Path out = request.outputDirectory();
    byte[] sqlite = Files.readAllBytes(out.resolve("catalog.sqlite"));
    byte[] manifest = Files.readAllBytes(out.resolve("catalog.manifest.json"));
    byte[] index = Files.readAllBytes(out.resolve("index"));

    Files.writeString(
        sources.resolve("catalog/part.csv"), "7,axle,n/a,1\n", StandardOpenOption.APPEND);
    BuildRequest forced =
        Fixtures.request(dir, "catalog").sourceDirectory(sources).force(true).build();
    DataSetBuildException e =
        assertThrows(DataSetBuildException.class, () -> new DataSetBuilder().build(forced));
    assertTrue(
        e.getMessage().contains("part.csv:8:3: column 'weight': 'n/a' is not a number"),
        e.getMessage());

    assertArrayEquals(sqlite, Files.readAllBytes(out.resolve("catalog.sqlite")));
    assertArrayEquals(manifest, Files.readAllBytes(out.resolve("catalog.manifest.json")));
    assertArrayEquals(index, Files.readAllBytes(out.resolve("index")));
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(
          List.of("catalog.manifest.json", "catalog.sqlite", "index"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
    try (Stream<Path> files = Files.list(request.workDirectory())) {
      // The inputs stamp and the build lock (kept: deleting a lock file lets two builds in).
      assertEquals(
          List.of("catalog.inputs", "catalog.lock"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void build_withNothingChanged_isUpToDate_untilASourceOrSettingChangesOrItIsForced()
      throws Exception {
    Path sources = copyOfCatalogSources();
    DataSetBuilder builder = new DataSetBuilder();
    BuildRequest request = Fixtures.request(dir, "catalog").sourceDirectory(sources).build();
    assertFalse(single(builder.build(request)).upToDate());

    BuildResult.DataSetResult again = single(builder.build(request));
    assertTrue(again.upToDate());
    assertEquals(21, again.rows());
    assertEquals(0, again.millis());

    assertFalse(
        single(
                builder.build(
                    Fixtures.request(dir, "catalog").sourceDirectory(sources).force(true).build()))
            .upToDate(),
        "forced");
    assertTrue(single(builder.build(request)).upToDate());

    Files.writeString(
        sources.resolve("catalog/warehouses.txt"), "3 Basel ch\n", StandardOpenOption.APPEND);
    BuildResult.DataSetResult changed = single(builder.build(request));
    assertFalse(changed.upToDate(), "a file read by a row source changed");
    assertEquals(22, changed.rows());

    BuildRequest withSettings =
        Fixtures.request(dir, "catalog")
            .sourceDirectory(sources)
            .tables(
                List.of(
                    new TableSettings(
                        "catalog", "part", null, null, null, Map.of("name", "unnamed"))))
            .build();
    assertFalse(single(builder.build(withSettings)).upToDate(), "settings changed");
    assertTrue(single(builder.build(withSettings)).upToDate());

    Files.write(
        request.outputDirectory().resolve("catalog.sqlite"),
        new byte[] {1},
        StandardOpenOption.APPEND);
    assertFalse(single(builder.build(withSettings)).upToDate(), "the output was modified");
  }

  /**
   * Issue 10, item 5: a second build of the same module waits for the first (here: a lock held by
   * this test, as a build in another thread of this JVM holds it), says so, and then finds the
   * output the first one published up to date instead of writing over it.
   */
  @Test
  void build_whileAnotherBuildHoldsTheModule_waitsSaysSoThenFindsItUpToDate() throws Exception {
    Path sources = copyOfCatalogSources();
    BuildRequest first = Fixtures.request(dir, "catalog").sourceDirectory(sources).build();
    new DataSetBuilder().build(first);
    Path lockFile = first.workDirectory().resolve("catalog.lock");
    byte[] sqlite = Files.readAllBytes(first.outputDirectory().resolve("catalog.sqlite"));

    List<String> infos = new CopyOnWriteArrayList<>();
    CountDownLatch waiting = new CountDownLatch(1);
    BuildLog log =
        new BuildLog() {
          @Override
          public void info(String message) {
            infos.add(message);
            if (message.contains("another build")) {
              waiting.countDown();
            }
          }

          @Override
          public void warn(String message) {}

          @Override
          public void debug(String message) {}
        };
    BuildRequest second =
        Fixtures.request(dir, "catalog").sourceDirectory(sources).log(log).build();
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try (FileChannel c = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock held = c.lock()) {
      Future<BuildResult> result =
          thread.submit(
              () -> {
                try {
                  return new DataSetBuilder().build(second);
                } finally {
                  waiting.countDown(); // a build that did not wait fails the test below at once
                }
              });
      // A guard against a hang, not a timing assertion.
      assertTrue(waiting.await(5, TimeUnit.MINUTES), "neither waited nor finished: " + infos);
      assertEquals(
          List.of(
              "dataset 'catalog': another build of this module holds "
                  + lockFile
                  + "; waiting for it to finish"),
          infos);
      assertFalse(result.isDone(), "the build went on while the lock was held");
      held.release();
      assertTrue(single(result.get(5, TimeUnit.MINUTES)).upToDate());
    } finally {
      thread.shutdownNow();
    }
    assertArrayEquals(
        sqlite, Files.readAllBytes(first.outputDirectory().resolve("catalog.sqlite")));
  }

  private static BuildResult.DataSetResult single(BuildResult result) {
    assertEquals(1, result.dataSets().size());
    return result.dataSets().get(0);
  }
}
