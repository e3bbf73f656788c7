package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, item 7, with a real kill: a forked JVM building a dataset is killed ({@code kill -9})
 * while it loads rows. Its output folder holds nothing (nothing is staged there); its scratch file
 * stays in the work folder until the next build, which removes it and says so.
 */
class KilledBuildTest {
  @TempDir Path dir;

  /** The forked build: {@code KilledBuildTest$Child <dir>}. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      new DataSetBuilder().build(request(Path.of(args[0]), new Fixtures.RecordingLog()));
    }
  }

  static BuildRequest request(Path dir, BuildLog log) {
    return BuildRequest.builder()
        .classesDirectory(Fixtures.CLASSES)
        .classLoader(KilledBuildTest.class.getClassLoader())
        .sourceDirectory(dir.resolve("src"))
        .outputDirectory(dir.resolve("out"))
        .workDirectory(dir.resolve("work"))
        .dataSets(Set.of("speed"))
        .log(log)
        .build();
  }

  @Test
  void build_killedWhileLoading_leavesNothingInTheOutput_andTheNextBuildCleansUp()
      throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/speed"));
    Files.writeString(src.resolve("item_group.csv"), "id,name\n0,only\n");
    // Enough rows that loading them is still under way when the scratch file has appeared.
    try (BufferedWriter w = Files.newBufferedWriter(src.resolve("item.csv"))) {
      w.write("id,name,code,price,group\n");
      for (int i = 0; i < 1_000_000; i++) {
        w.write(i + ",item " + i + ",C" + i + "," + (i % 100) + ",0\n");
      }
    }
    Path work = dir.resolve("work");
    List<String> command = ChildJvm.java();
    command.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), Child.class.getName(), dir.toString()));
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    try {
      while (scratch(work).isEmpty()) {
        assertTrue(child.isAlive(), () -> "the build ended before it was killed: " + log());
        Thread.sleep(20);
      }
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    List<String> leftover = scratch(work);
    assertEquals(1, leftover.size(), leftover.toString());
    assertEquals(List.of(), names(dir.resolve("out")), "the killed build's output folder");

    Fixtures.RecordingLog log = new Fixtures.RecordingLog();
    new DataSetBuilder().build(request(dir, log));
    assertTrue(
        log.lines.contains(
            "INFO dataset 'speed': removed "
                + work.resolve(leftover.get(0))
                + ", left by a build that was stopped before it finished"),
        log.lines.toString());
    assertFalse(names(work).contains(leftover.get(0)));
    assertEquals(
        List.of("index", "speed.manifest.json", "speed.sqlite"), names(dir.resolve("out")));
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("child.log"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** The killed build's scratch file: speed.N.sqlite.tmp. */
  private static List<String> scratch(Path work) throws IOException {
    return names(work).stream().filter(n -> n.matches("speed\\.\\d+\\.sqlite\\.tmp")).toList();
  }

  private static List<String> names(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
