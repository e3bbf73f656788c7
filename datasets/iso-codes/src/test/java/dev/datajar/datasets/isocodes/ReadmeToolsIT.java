package dev.datajar.datasets.isocodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's {@code dump}, {@code build} and {@code diff} example as written, on the
 * packaged iso-codes jar: every {@code $} line of its blocks in bash, in a folder of its own, with
 * {@code datajar-tools} the command-line tool's main class in a new JVM (as the README's alias runs
 * it), and compares what each command prints with the lines the README shows under it. The README
 * is the oracle: if its text and the tools part ways, this fails.
 */
class ReadmeToolsIT {
  private static final String JAR = "dataset-iso-codes-0.1.0-SNAPSHOT.jar";

  @TempDir Path dir;

  @Test
  void theReadmesToolExamples_printWhatTheReadmeShows() throws Exception {
    List<String> readme = Files.readAllLines(Path.of("../../README.md"), StandardCharsets.UTF_8);
    Files.copy(packagedJar(), dir.resolve(JAR), StandardCopyOption.REPLACE_EXISTING);

    runBlock(block(readme, "$ datajar-tools inspect " + JAR));
    runBlock(block(readme, "$ datajar-tools dump " + JAR + " --out dump --verify"));
    runBlock(block(readme, "$ datajar-tools dump " + JAR + " --out edited"));
    runBlock(block(readme, "$ datajar-tools diff " + JAR + " iso-codes-next"));

    // The Markdown form, shown as a quote under "The same as `--format markdown`:".
    int at = readme.indexOf("The same as `--format markdown`:");
    assertTrue(at > 0, "README: the --format markdown example is gone");
    List<String> quoted = new ArrayList<>();
    for (int i = at + 2; i < readme.size() && readme.get(i).startsWith(">"); i++) {
      quoted.add(readme.get(i).replaceFirst("^> ?", ""));
    }
    assertEquals(
        String.join("\n", quoted),
        run("datajar-tools diff " + JAR + " iso-codes-next --format markdown").strip());
  }

  /** The lines of the fenced block that starts with {@code first}, fences left out. */
  private static List<String> block(List<String> readme, String first) {
    int start = readme.indexOf(first);
    assertTrue(start > 0 && readme.get(start - 1).equals("```"), "README: no block " + first);
    int end = start;
    while (!readme.get(end).equals("```")) {
      end++;
    }
    return readme.subList(start, end);
  }

  /**
   * Runs each {@code $} line; the lines under one, if any, are what it must print (a command shown
   * without output is run and must succeed).
   */
  private void runBlock(List<String> lines) throws Exception {
    for (int i = 0; i < lines.size(); i++) {
      String command = lines.get(i).substring(2);
      List<String> expected = new ArrayList<>();
      while (i + 1 < lines.size() && !lines.get(i + 1).startsWith("$ ")) {
        expected.add(lines.get(++i));
      }
      String out = run(command);
      if (!expected.isEmpty()) {
        assertEquals(String.join("\n", expected), out.stripTrailing(), command);
      }
    }
  }

  /** One README line in bash in {@link #dir}: its stdout; fails unless it exits with 0. */
  private String run(String command) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path script = dir.resolve("step.sh");
    Files.writeString(
        script,
        "datajar-tools() { \""
            + java
            + "\" -cp \"$DATAJAR_CP\" dev.datajar.tools.cli.Main \"$@\"; }\n"
            + command
            + "\n",
        StandardCharsets.UTF_8);
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(dir.toFile());
    pb.environment().put("DATAJAR_CP", System.getProperty("java.class.path"));
    pb.environment().put("LC_ALL", "C.UTF-8"); // a UTF-8 terminal, as the flags in the output need
    Path err = dir.resolve("step.err"); // the README shows what the commands print on stdout
    pb.redirectError(err.toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), command + "\n" + out + Files.readString(err));
    return out;
  }

  private static Path packagedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> jars =
          files
              .filter(
                  f -> {
                    String n = f.getFileName().toString();
                    return n.startsWith("dataset-iso-codes-")
                        && n.endsWith(".jar")
                        && !n.endsWith("-sources.jar");
                  })
              .collect(Collectors.toList());
      assertEquals(1, jars.size(), "the packaged jar in target/: " + jars);
      return jars.get(0);
    }
  }
}
