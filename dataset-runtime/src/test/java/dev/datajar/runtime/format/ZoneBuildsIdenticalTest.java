package dev.datajar.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, part 4: the corpus built in every surefire run (each its own JVM with another time zone,
 * locale or file encoding) gave byte-identical files. Runs last, in its own surefire execution; the
 * others exclude it.
 */
class ZoneBuildsIdenticalTest {
  @Test
  void everyRun_builtTheSameBytes() throws Exception {
    String dir = System.getProperty("datajar.zoneBuilds.dir");
    String labels = System.getProperty("datajar.zoneBuilds.expect");
    assumeTrue(dir != null && labels != null, "not run by Maven's surefire executions");
    List<String> expected = Arrays.asList(labels.split(","));
    assertEquals(List.of(), BuildDigests.compare(Path.of(dir), expected));
  }
}
