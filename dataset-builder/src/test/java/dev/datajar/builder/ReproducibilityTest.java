package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same inputs give the same bytes: in one JVM, and across JVMs in other zones and locales. */
class ReproducibilityTest {
  @TempDir Path dir;

  @Test
  void build_twice_givesIdenticalFiles() throws Exception {
    new DataSetBuilder().build(Fixtures.request(dir.resolve("a"), "catalog").build());
    new DataSetBuilder().build(Fixtures.request(dir.resolve("b"), "catalog").build());
    assertSameOutput(dir.resolve("a/out"), dir.resolve("b/out"));
  }

  /**
   * The keyed fixture's collections give it the builder's owner-key indexes (OwnerKeyIndexTest).
   */
  @Test
  void build_twice_withOwnerKeyIndexes_givesIdenticalFiles() throws Exception {
    new DataSetBuilder().build(Fixtures.request(dir.resolve("a"), "keyed").build());
    new DataSetBuilder().build(Fixtures.request(dir.resolve("b"), "keyed").build());
    assertSameOutput(dir.resolve("a/out"), dir.resolve("b/out"), "keyed");
  }

  @Test
  void build_inOtherTimeZonesAndLocales_givesIdenticalFiles() throws Exception {
    fork(dir.resolve("utc"), "UTC", "en", "US");
    fork(dir.resolve("auckland"), "Pacific/Auckland", "tr", "TR");
    assertSameOutput(dir.resolve("utc/out"), dir.resolve("auckland/out"));
  }

  private static void assertSameOutput(Path a, Path b) throws Exception {
    assertSameOutput(a, b, "catalog");
  }

  private static void assertSameOutput(Path a, Path b, String dataSet) throws Exception {
    for (String name : List.of(dataSet + ".sqlite", dataSet + ".manifest.json", "index")) {
      assertArrayEquals(
          Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
    }
  }

  private static void fork(Path into, String zone, String language, String country)
      throws Exception {
    List<String> command = ChildJvm.java();
    command.addAll(
        List.of(
            "-Duser.timezone=" + zone,
            "-Duser.language=" + language,
            "-Duser.country=" + country,
            "-Dfile.encoding=ISO-8859-1",
            "-cp",
            System.getProperty("java.class.path"),
            ForkedBuild.class.getName(),
            into.toString()));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(into.resolveSibling(into.getFileName() + ".log").toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    assertEquals(
        0, p.exitValue(), () -> "forked build failed, see " + into + ".log" + File.separator);
  }

  /** The forked JVM's entry point: builds the catalog into {@code args[0]}. */
  public static final class ForkedBuild {
    public static void main(String[] args) throws Exception {
      new DataSetBuilder().build(Fixtures.request(Path.of(args[0]), "catalog").build());
    }
  }
}
