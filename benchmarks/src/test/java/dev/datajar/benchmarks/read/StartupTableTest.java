package dev.datajar.benchmarks.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Medians, ratios within a round, failed runs, and the parsing of GNU time's report. */
class StartupTableTest {
  private static StartupTable.Run run(double wallMs, double rssMb) {
    return new StartupTable.Run(wallMs, rssMb, 1, wallMs / 2);
  }

  @Test
  void ratios_arePairedWithinARound() {
    StartupTable t = new StartupTable(List.of("datajar", "jdbc"), "jdbc", null, 3);
    // A busy second round slows both: the paired ratios are 2, 2 and 3, so the median is 2,
    // while the ratio of the medians would be 600 / 200 = 3.
    t.add("datajar", 0, run(400, 150));
    t.add("jdbc", 0, run(200, 50));
    t.add("datajar", 1, run(1200, 160));
    t.add("jdbc", 1, run(600, 55));
    t.add("datajar", 2, run(600, 170));
    t.add("jdbc", 2, run(200, 60));

    assertEquals(2.0, t.pairedMedian("datajar", "jdbc", (a, b) -> a.wallMs() / b.wallMs()));
    assertEquals(600.0, t.median("datajar", StartupTable.Run::wallMs));
    assertEquals(105.0, t.pairedMedian("datajar", "jdbc", (a, b) -> a.rssMb() - b.rssMb()));
    assertTrue(
        t.markdown().contains("| datajar | 3 | 600 | 2.00× | 160 | +105 | 1.00 | 1.00× | 300 |"),
        t.markdown());
  }

  @Test
  void failedRuns_areLeftOutAndCounted() {
    StartupTable t = new StartupTable(List.of("datajar", "jdbc"), "jdbc", "jdbc", 2);
    t.add("datajar", 0, run(500, 150));
    t.add("jdbc", 0, run(250, 50));
    t.failed("datajar");
    t.add("jdbc", 1, run(300, 50));

    assertEquals(1, t.failures());
    assertEquals(2.0, t.pairedMedian("datajar", "jdbc", (a, b) -> a.wallMs() / b.wallMs()));
    assertTrue(
        t.markdown().contains("| datajar | 1 (1 failed) | 500 | 2.00× | 2.00× |"), t.markdown());
    assertTrue(t.markdown().contains("- datajar: wall ms 500 / –;"), t.markdown());
  }

  @Test
  void gnuTime_elapsed() {
    assertEquals(1_740, GnuTime.elapsedMillis("0:01.74"));
    assertEquals(62_500, GnuTime.elapsedMillis("1:02.50"));
    assertEquals(3_723_000, GnuTime.elapsedMillis("1:02:03"));
  }
}
