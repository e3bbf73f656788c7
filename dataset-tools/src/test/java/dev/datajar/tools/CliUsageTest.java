package dev.datajar.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.runtime.format.CorpusFixture;
import dev.datajar.tools.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line says to someone who typed it: its exit status and its advice. */
class CliUsageTest {
  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  @Test
  void noCommand_isAWrongCommandLine() {
    Run r = run();
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().startsWith("Missing command: inspect, dump, build or diff\n"), r.err());
    assertTrue(r.err().contains("Usage: datajar-tools"), r.err());
    assertEquals("", r.out());
  }

  /** The guard of the command line names its own options, not the Maven goal's properties. */
  @Test
  void diffGuard_namesTheCommandLineOptions() throws Exception {
    Path before = CorpusFixture.build(dir.resolve("before"));
    Path after =
        CorpusFixture.build(
            dir.resolve("after"),
            rows -> {
              List<String[]> out = new ArrayList<>(rows);
              out.remove(0);
              return out;
            });
    Run r = run("diff", "--max-changed-share", "0", before.toString(), after.toString());
    assertEquals(3, r.status(), r.err());
    assertTrue(
        r.err().contains("If the change is intended, raise the limit (--max-changed-share)"),
        r.err());
    assertFalse(r.err().contains("dataset.guard."), r.err());
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }
}
