package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a normal start prints nothing but what the application prints, and with an SLF4J
 * backend on the class path, Hibernate's and HikariCP's records go through it.
 */
class QuietStartIT {
  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  private Run probe(List<String> extraClassPath) throws Exception {
    List<String> cp = new ArrayList<>(extraClassPath);
    cp.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p =
        new ProcessBuilder(
                ChildJvm.command(
                    "-Xmx128m",
                    "-cp",
                    String.join(File.pathSeparator, cp),
                    QuietProbe.class.getName()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe JVM did not finish");
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void normalStart_printsOnlyWhatTheApplicationPrints() throws Exception {
    Run run = probe(List.of());
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err(), "stderr of a normal start");
    assertEquals("sku LAP-13\n", run.out(), "stdout of a normal start");
  }

  @Test
  void withAnSlf4jBackend_hibernateAndHikariLogThroughIt() throws Exception {
    String simple = System.getProperty("datajar.it.slf4jSimple");
    assertTrue(
        simple != null && Files.isRegularFile(Path.of(simple)),
        "slf4j-simple is copied to " + simple + " by the build");
    Run run = probe(List.of(simple));
    assertEquals(0, run.exit(), run.err());
    assertEquals("sku LAP-13\n", run.out());
    // slf4j-simple's format: [thread] LEVEL logger - message, on stderr, INFO and up.
    assertTrue(
        run.err().contains("INFO org.hibernate.orm.core - HHH000001: Hibernate ORM core"),
        run.err());
    assertTrue(run.err().contains("INFO com.zaxxer.hikari.HikariDataSource - "), run.err());
    assertTrue(!run.err().contains("SLF4J(W)") && !run.err().contains("HHH90006001"), run.err());
    // Nothing went around SLF4J: java.util.logging's console format starts lines with the level.
    assertTrue(
        run.err().lines().noneMatch(l -> l.startsWith("INFO: ") || l.startsWith("WARNING: ")),
        run.err());
  }
}
