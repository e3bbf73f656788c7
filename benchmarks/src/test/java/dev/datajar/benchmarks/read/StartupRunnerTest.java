package dev.datajar.benchmarks.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up harness end to end on a tiny real SQLite file: a real child JVM running the probe
 * under the real {@code /usr/bin/time -v}, its report parsed, its answer checked.
 */
class StartupRunnerTest {
  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void countries() throws Exception {
    file = dir.resolve("countries.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("create table country (alpha_2 text primary key, name text not null)");
      s.execute("insert into country values ('DE', 'Germany'), ('FR', 'France')");
    }
  }

  private StartupRunner runner() {
    assumeTrue(Files.isExecutable(GnuTime.BINARY), "GNU time is not installed");
    List<Path> classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(Path::of)
            .toList();
    return new StartupRunner(classPath, dir);
  }

  @Test
  void launch_runsTheProbeUnderGnuTime() {
    StartupRunner.Measured m =
        runner()
            .launch(
                "jdbc",
                List.of(),
                Map.of(),
                List.of("jdbc", file.toString(), "select * from country where alpha_2 = ?", "DE"));

    assertNull(StartupRunner.problem(m, "Germany"));
    assertEquals("Germany", m.result("value"));
    assertEquals(0, m.time().exitStatus());
    assertTrue(m.time().maxRssKb() > 10_000, "a JVM's peak RSS: " + m.time().maxRssKb());
  }

  @Test
  void problem_namesAnotherAnswerAndTheLog() {
    StartupRunner.Measured m =
        runner()
            .launch(
                "jdbc",
                List.of(),
                Map.of(),
                List.of("jdbc", file.toString(), "select * from country where alpha_2 = ?", "FR"));

    String problem = StartupRunner.problem(m, "Germany");

    assertTrue(problem.startsWith("found 'France', plain JDBC found 'Germany'; output ("), problem);
  }

  @Test
  void problem_namesTheExitCodeOfAFailedChild() {
    StartupRunner.Measured m =
        runner()
            .launch(
                "broken",
                List.of(),
                Map.of(),
                List.of("jdbc", file.toString(), "select * from no_such_table where x = ?", "DE"));

    String problem = StartupRunner.problem(m, null);

    assertEquals(1, m.time().exitStatus());
    assertTrue(
        problem.startsWith("exit code 1; output (") && problem.contains("no_such_table"), problem);
  }
}
