package dev.datajar.benchmarks.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datajar.benchmarks.data.BenchSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated sources and the baseline load, on a small real SQLite file. */
class JdbcBaselineTest {
  @TempDir Path dir;

  @Test
  void generate_isDeterministic() throws Exception {
    BenchSources a = new BenchSources(dir.resolve("a"), 2_000, 20).ensureGenerated();
    BenchSources b = new BenchSources(dir.resolve("b"), 2_000, 20).ensureGenerated();
    assertArrayEquals(Files.readAllBytes(a.itemCsv()), Files.readAllBytes(b.itemCsv()));
    assertArrayEquals(Files.readAllBytes(a.parentCsv()), Files.readAllBytes(b.parentCsv()));
  }

  @Test
  void load_insertsEveryRowWithRealForeignKeys() throws Exception {
    BenchSources sources = new BenchSources(dir.resolve("src"), 2_000, 20).ensureGenerated();
    Path file = dir.resolve("baseline.sqlite");

    assertEquals(2_020, JdbcBaseline.load(sources, file));

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      assertEquals(2_000, count(s, "select count(*) from item"));
      assertEquals(
          0,
          count(
              s,
              "select count(*) from item i left join parent p"
                  + " on p.id = i.parent_id where p.id is null"));
      // Notes with commas and quotes survive the CSV round trip.
      assertEquals(1, count(s, "select count(*) > 0 from item where note like '%comma,sep%'"));
      assertEquals(1, count(s, "select count(*) > 0 from item where note like '%\"quoted\"%'"));
    }
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
