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
    assertEquals(2, info.size(), info.toString());
    assertEquals("INFO dataset 'counting': table 'number': 1,000,000 rows loaded", info.get(0));
    String summary = "INFO dataset 'counting': 1 tables, 1,000,001 rows, ";
    assertEquals(summary, info.get(1).substring(0, summary.length()));
  }
}
