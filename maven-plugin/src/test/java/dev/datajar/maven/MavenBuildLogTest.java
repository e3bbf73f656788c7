package dev.datajar.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MavenBuildLogTest {
  @Test
  void levels_goToTheSameMavenLevels() {
    RecordingLog maven = new RecordingLog();
    MavenBuildLog log = new MavenBuildLog(maven);
    log.info("loading airport.csv");
    log.warn("column 'x' is never read");
    log.debug("batch of 1,000 rows");
    assertEquals(
        List.of(
            "info: loading airport.csv",
            "warn: column 'x' is never read",
            "debug: batch of 1,000 rows"),
        maven.lines);
  }
}
