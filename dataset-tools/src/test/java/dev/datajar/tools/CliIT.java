package dev.datajar.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.runtime.format.CorpusFixture;
import dev.datajar.runtime.format.CorpusJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: {@code java -jar dataset-tools-<version>-cli.jar …}. */
class CliIT {
  @TempDir static Path dir;
  static Path jar;

  record Run(int status, String out, String err) {}

  @BeforeAll
  static void buildCorpusJar() throws Exception {
    jar = CorpusJar.write(CorpusFixture.build(dir.resolve("corpus")), dir.resolve("edges.jar"));
  }

  @Test
  void inspect_describesTheJar() throws Exception {
    Run r = run("inspect", jar.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("dataset edges  (" + jar + ")\n  format 1, "), r.out());
    assertTrue(
        r.out().contains("\ntable edge  " + CorpusFixture.size() + " rows  (entity Edge)\n"),
        r.out());
    assertTrue(r.out().contains("  a_year_month         text"), r.out());
    assertTrue(r.out().contains("YearMonth as LocalDate"), r.out());
    assertEquals("", r.err());
    Run json = run("inspect", "--json", jar.toString());
    assertEquals(0, json.status(), json.err());
    assertTrue(json.out().contains("\"name\" : \"edges\""), json.out());
  }

  @Test
  void dump_verifiesTheRoundTrip() throws Exception {
    Path out = dir.resolve("dump");
    Run r = run("dump", jar.toString(), "--out", out.toString(), "--verify");
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("verified: the dump builds a byte-identical file"), r.out());
    assertTrue(Files.isRegularFile(out.resolve("src/main/datasets/edges/edge.csv")));
  }

  /**
   * {@code build} from a dump: what {@code diff} then compares; a dump edited into one that does
   * not build is refused with the builder's message, and the folder built before stays as it was.
   */
  @Test
  void build_fromADump_isWhatDiffCompares_andABrokenEditKeepsThePreviousBuild() throws Exception {
    Path dump = dir.resolve("dump-for-build");
    assertEquals(0, run("dump", jar.toString(), "--out", dump.toString()).status());
    Path out = dir.resolve("next");
    Run built = run("build", jar.toString(), "--sources", dump.toString(), "--out", out.toString());
    assertEquals(0, built.status(), built.err());
    assertEquals(
        "dataset 'edges': built from "
            + dump.resolve("src/main/datasets/edges")
            + " -> "
            + out.resolve("edges.sqlite")
            + "\n",
        built.out());
    Run diff = run("diff", "--format", "markdown", jar.toString(), out.toString());
    assertEquals(0, diff.status(), diff.err());
    assertEquals("## Dataset `edges`: " + jar + " → " + out + "\n\nNo changes.\n", diff.out());

    byte[] before = Files.readAllBytes(out.resolve("edges.sqlite"));
    Path csv = dump.resolve("src/main/datasets/edges/edge.csv");
    int columns = Files.readAllLines(csv, StandardCharsets.UTF_8).get(0).split(",", -1).length;
    Files.writeString(
        csv,
        "oops" + ",".repeat(columns - 1) + "\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    Run broken =
        run("build", jar.toString(), "--sources", dump.toString(), "--out", out.toString());
    assertEquals(1, broken.status(), broken.out() + broken.err());
    assertTrue(
        broken.err().startsWith("datajar-tools: dataset 'edges' does not build from "),
        broken.err());
    assertTrue(broken.err().contains("edge.csv") && broken.err().contains("oops"), broken.err());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("edges.sqlite"))));
  }

  /** Output into a file, or a dump over one of the other format: one line, no stack trace. */
  @Test
  void unwritableOutput_andAMixedDump_areOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Run dump = run("dump", jar.toString(), "--out", file.toString());
    assertEquals(1, dump.status(), dump.out() + dump.err());
    assertTrue(
        dump.err().startsWith("datajar-tools: cannot write the dump into " + file + ": "),
        dump.err());
    assertEquals(1, dump.err().lines().count(), dump.err());
    Run build = run("build", jar.toString(), "--sources", dir.toString(), "--out", file.toString());
    assertEquals(1, build.status(), build.out() + build.err());
    assertEquals(1, build.err().lines().count(), build.err());

    Path mixed = dir.resolve("mixed");
    assertEquals(0, run("dump", jar.toString(), "--out", mixed.toString()).status());
    Run jsonl = run("dump", jar.toString(), "--out", mixed.toString(), "--format", "jsonl");
    assertEquals(1, jsonl.status(), jsonl.out() + jsonl.err());
    assertEquals(
        "datajar-tools: "
            + mixed.resolve("src/main/datasets/edges/edge.csv")
            + " is there from an earlier dump: beside edge.jsonl the builder would find two sources"
            + " for table 'edge'. Remove it, or dump into another folder\n",
        jsonl.err());
  }

  @Test
  void diff_ofTheSameJarHasNoChanges() throws Exception {
    Run r = run("diff", "--format", "markdown", jar.toString(), jar.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("## Dataset `edges`: " + jar + " → " + jar + "\n\nNo changes.\n", r.out());
  }

  @Test
  void badInput_isOneLineWithoutAStackTrace() throws Exception {
    Path missing = dir.resolve("missing.jar");
    Run r = run("inspect", missing.toString());
    assertEquals(1, r.status());
    assertEquals(
        "datajar-tools: "
            + missing
            + " does not exist: expected a dataset jar, a class"
            + " folder with META-INF/datasets/, or a .sqlite file\n",
        r.err());
    assertEquals("", r.out());
  }

  @Test
  void unknownCoordinates_sayWhereTheyWereLookedFor() throws Exception {
    Path local = Files.createDirectories(dir.resolve("empty-repo"));
    // Port 9 (discard) on loopback: refused at once, so nothing leaves the machine.
    Run r =
        run(
            "inspect",
            "--local-repository",
            local.toString(),
            "--repository",
            "http://127.0.0.1:9/maven2",
            "com.example:geo:1.0");
    assertEquals(1, r.status());
    assertEquals(
        "datajar-tools: com.example:geo:1.0 was not found: looked in "
            + local
            + " and http://127.0.0.1:9/maven2. Check the coordinates, install that version (mvn"
            + " install), or give the jar's path\n",
        r.err());
  }

  @Test
  void coordinates_resolveFromTheLocalRepository() throws Exception {
    Path local = dir.resolve("repo");
    Path target = local.resolve("com/example/edges/1.2.0/edges-1.2.0.jar");
    Files.createDirectories(target.getParent());
    Files.copy(jar, target);
    Files.createDirectories(local.resolve("com/example/edges/1.3.0-SNAPSHOT"));
    Run r =
        run(
            "inspect",
            "--local-repository",
            local.toString(),
            "--repository",
            "http://127.0.0.1:9/maven2",
            "com.example:edges");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("dataset edges  (com.example:edges:1.2.0)\n"), r.out());
  }

  /** The published jar knows its version (its manifest); it said "(development)". */
  @Test
  void version_isThisBuildsVersion() throws Exception {
    Run r = run("--version");
    assertEquals(0, r.status(), r.err());
    assertEquals("datajar-tools " + System.getProperty("datajar.version") + "\n", r.out());
  }

  @Test
  void wrongUsage_exitsWith2() throws Exception {
    Run r = run("diff", jar.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("Missing required parameter: 'AFTER'"), r.err());
  }

  private static Run run(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                System.getProperty("cli.jar")));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    int status = p.waitFor();
    return new Run(
        status,
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
