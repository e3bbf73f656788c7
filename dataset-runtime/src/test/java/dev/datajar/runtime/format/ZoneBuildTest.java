package dev.datajar.runtime.format;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, part 4: leaves this JVM's build of the corpus where {@link ZoneBuildsIdenticalTest}
 * compares it with the builds of the other surefire runs (other time zones, locales and file
 * encodings; see dataset-runtime/pom.xml). Skipped when not run by Maven.
 */
@Tag("settings")
@Tag("zone")
class ZoneBuildTest {
  @Test
  void corpus_isBuiltForTheCrossZoneComparison() throws Exception {
    String dir = System.getProperty("datajar.zoneBuilds.dir");
    String label = System.getProperty("datajar.zoneBuilds.label");
    assumeTrue(dir != null && label != null, "not run by Maven's surefire executions");
    // Shows in the report which machine settings this run really had.
    System.out.println(
        "run "
            + label
            + ": zone "
            + TimeZone.getDefault().getID()
            + ", locale "
            + Locale.getDefault()
            + ", charset "
            + Charset.defaultCharset());
    Path target = BuildDigests.fileOf(Path.of(dir), label);
    Files.createDirectories(target.getParent());
    Files.deleteIfExists(target);
    CorpusDb.build(target);
  }
}
