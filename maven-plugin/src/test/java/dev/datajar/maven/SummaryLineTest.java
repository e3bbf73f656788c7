package dev.datajar.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datajar.builder.BuildResult.DataSetResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SummaryLineTest {
  private static final Path BASE = Path.of("/work/geo-data");

  @Test
  void of_showsCountsSizeTimeAndRelativePath() {
    DataSetResult r =
        new DataSetResult(
            "geo",
            3,
            12_345,
            1_258_291,
            850,
            BASE.resolve("target/classes/META-INF/datasets/geo.sqlite"),
            false);
    assertEquals(
        "dataset 'geo': 3 tables, 12,345 rows, 1.2 MB in 850 ms -> "
            + Path.of("target/classes/META-INF/datasets/geo.sqlite"),
        SummaryLine.of(r, BASE));
  }

  @Test
  void of_usesSingularForOne() {
    DataSetResult r =
        new DataSetResult(
            "geo",
            1,
            1,
            512,
            1_234,
            BASE.resolve("target/classes/META-INF/datasets/geo.sqlite"),
            false);
    assertEquals(
        "dataset 'geo': 1 table, 1 row, 512 B in 1,234 ms -> "
            + Path.of("target/classes/META-INF/datasets/geo.sqlite"),
        SummaryLine.of(r, BASE));
  }

  @Test
  void of_keepsAbsolutePathOutsideTheProject() {
    Path elsewhere = Path.of("/tmp/out/geo.sqlite").toAbsolutePath();
    DataSetResult r = new DataSetResult("geo", 2, 0, 8192, 5, elsewhere, false);
    assertEquals(
        "dataset 'geo': 2 tables, 0 rows, 8.0 KB in 5 ms -> " + elsewhere, SummaryLine.of(r, BASE));
  }

  /** Built into PostgreSQL there is no file, so no size: "0 B" read as if nothing was loaded. */
  @Test
  void of_namesTheSchemaWithoutASize_forPostgres() {
    DataSetResult r =
        new DataSetResult("geo", 2, 4, 0, 9_704, null, false, "geo_1_0_0_snapshot_f2f3198418");
    assertEquals(
        "dataset 'geo': 2 tables, 4 rows in 9,704 ms -> PostgreSQL schema"
            + " geo_1_0_0_snapshot_f2f3198418",
        SummaryLine.of(r, BASE));
  }

  @Test
  void of_saysUpToDate_whenKept() {
    DataSetResult r =
        new DataSetResult(
            "geo",
            3,
            12_345,
            1_258_291,
            0,
            BASE.resolve("target/classes/META-INF/datasets/geo.sqlite"),
            true);
    assertEquals("dataset 'geo' is up to date", SummaryLine.of(r, BASE));
  }

  @Test
  void size_switchesUnitsAt1024() {
    assertEquals("1023 B", SummaryLine.size(1023));
    assertEquals("1.0 KB", SummaryLine.size(1024));
    assertEquals("70.9 MB", SummaryLine.size(74_344_038));
    assertEquals("3.0 GB", SummaryLine.size(3L << 30));
  }
}
