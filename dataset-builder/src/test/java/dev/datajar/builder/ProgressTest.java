package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long loads report progress every million rows, and each dataset ends with a summary. */
class ProgressTest {
  @TempDir Path dir;

  @Test
  void build_logsProgressEveryMillionRowsAndASummary() throws Exception {
    Fixtures.RecordingLog log = new Fixtures.RecordingLog();
    new DataSetBuilder().build(Fixtures.request(dir, "counting").log(log).build());
    List<String> info = log.lines.stream().filter(l -> l.startsWith("INFO ")).toList();
    assertEquals(List.of("INFO dataset 'counting': table 'number': 1,000,000 rows loaded"), info);
    // The summary is the caller's to print (the Maven plugin logs its own); the builder
    // keeps it at debug level for other callers' logs.
    List<String> debug = log.lines.stream().filter(l -> l.startsWith("DEBUG dataset")).toList();
    String summary = "DEBUG dataset 'counting': 1 table(s), 1,000,001 rows, ";
    assertEquals(summary, debug.get(debug.size() - 1).substring(0, summary.length()));
  }
}
