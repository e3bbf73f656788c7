package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, item 7: a build killed between staging and renaming left {@code .geo.sqlite.<n>.tmp} in
 * the output folder, no later build removed it, and the next jar carried it. Now nothing is staged
 * there, and the next build removes what an older or killed build left, touching no user file.
 */
class StagedFilesTest {
  @TempDir Path dir;

  private BuildRequest.Builder request(BuildLog log) {
    return Fixtures.request(dir, "catalog").log(log);
  }

  @Test
  void build_removesStagedFilesOfAKilledBuild_andNothingElse() throws Exception {
    new DataSetBuilder().build(request(new Fixtures.RecordingLog()).build());
    Path out = dir.resolve("out");
    Path work = dir.resolve("work");
    // As a build killed between staging and renaming leaves them (the names Files.createTempFile
    // gives, from this and earlier versions): a whole copy of the file, the manifest, the index.
    List<String> stale =
        List.of(
            ".catalog.sqlite.5302164711187356541.tmp",
            ".catalog.8421.tmp",
            ".catalog.manifest.json.77.tmp",
            ".index.9.tmp");
    Files.copy(out.resolve("catalog.sqlite"), out.resolve(stale.get(0)));
    for (String name : stale.subList(1, stale.size())) {
      Files.writeString(out.resolve(name), "{}");
    }
    List<String> staleWork = List.of("catalog.12345.sqlite.tmp", "catalog.12346.sqlite.tmp.done");
    for (String name : staleWork) {
      Files.writeString(work.resolve(name), "x");
    }
    // A user's files and another dataset's: not datajar's staged names for this dataset.
    List<String> kept =
        List.of(".catalog.sqlite.backup.tmp", "catalog.tmp", ".other.sqlite.5.tmp", "notes.12.tmp");
    for (String name : kept) {
      Files.writeString(out.resolve(name), "mine");
    }

    Fixtures.RecordingLog log = new Fixtures.RecordingLog();
    BuildResult result = new DataSetBuilder().build(request(log).build());

    assertTrue(result.dataSets().get(0).upToDate(), "removed even when nothing is rebuilt");
    List<String> expected = new ArrayList<>(kept);
    expected.addAll(List.of("catalog.manifest.json", "catalog.sqlite", "index"));
    assertEquals(new TreeSet<>(expected), new TreeSet<>(names(out)));
    assertEquals(List.of("catalog.inputs", "catalog.lock"), names(work));
    List<String> removed = new ArrayList<>();
    for (String name : stale) {
      removed.add(
          "INFO dataset 'catalog': removed "
              + out.resolve(name)
              + ", left by a build that was stopped before it finished");
    }
    for (String name : staleWork) {
      removed.add(
          "INFO dataset 'catalog': removed "
              + work.resolve(name)
              + ", left by a build that was stopped before it finished");
    }
    assertEquals(
        new TreeSet<>(removed),
        new TreeSet<>(log.lines.stream().filter(l -> l.startsWith("INFO")).toList()));
  }

  /**
   * Every file created in the output folder during a build, seen by the operating system's own
   * notifications (queued in order, so the marker written last says every earlier one has come).
   */
  @Test
  void build_stagesNothingInTheOutputFolder() throws Exception {
    new DataSetBuilder().build(request(new Fixtures.RecordingLog()).build());
    Path out = dir.resolve("out");
    List<String> created = new ArrayList<>();
    try (WatchService watch = out.getFileSystem().newWatchService()) {
      out.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
      new DataSetBuilder().build(request(new Fixtures.RecordingLog()).force(true).build());
      Files.writeString(out.resolve("marker"), "");
      while (!created.contains("marker")) {
        WatchKey key = watch.take();
        for (WatchEvent<?> e : key.pollEvents()) {
          assertTrue(e.kind() != StandardWatchEventKinds.OVERFLOW, "events were lost");
          created.add(String.valueOf(e.context()));
        }
        key.reset();
      }
    }
    assertEquals(
        List.of("catalog.manifest.json", "catalog.sqlite", "marker"),
        created.stream().distinct().sorted().toList());
  }

  /**
   * A work folder on another file system (here tmpfs) cannot rename into the output folder: each
   * file is copied beside its target first, then renamed, and no copy is left behind.
   */
  @Test
  void build_withTheWorkFolderOnAnotherFileSystem_publishesWholeFilesAndLeavesNoCopies()
      throws Exception {
    Path shm = Path.of("/dev/shm");
    assumeTrue(
        Files.isDirectory(shm)
            && Files.isWritable(shm)
            && !Files.getFileStore(shm).equals(Files.getFileStore(dir)),
        "no second file system to put the work folder on");
    Path work = Files.createTempDirectory(shm, "datajar-work");
    try {
      BuildResult r =
          new DataSetBuilder()
              .build(request(new Fixtures.RecordingLog()).workDirectory(work).force(true).build());
      Path out = dir.resolve("out");
      assertEquals(List.of("catalog.manifest.json", "catalog.sqlite", "index"), names(out));
      assertEquals(
          List.of(Long.toString(r.dataSets().get(0).rows())),
          Fixtures.query(
              out.resolve("catalog.sqlite"),
              "select (select count(*) from country) + (select count(*) from part)"
                  + " + (select count(*) from supplier) + (select count(*) from warehouse)"
                  + " + (select count(*) from part_supplier)"
                  + " + (select count(*) from supplier_tags)"));
      assertEquals(List.of("catalog.inputs", "catalog.lock"), names(work));
    } finally {
      try (Stream<Path> files = Files.list(work)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(work);
    }
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
