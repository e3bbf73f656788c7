package dev.datajar.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.runtime.format.CorpusFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two versions of the corpus dataset that differ in four rows: -0.0 became 0.0, 1.50 became 1.5
 * (equal in SQL, different stored values), one row removed, one added.
 */
class DiffTest {
  @TempDir Path dir;

  @Test
  void diff_findsRowsAddedRemovedAndChangedByKey() throws Exception {
    long negativeZero = CorpusFixture.idOf("aDouble", "-0.0");
    long scaled = CorpusFixture.idOf("aDecimal", "1.50");
    long gone = CorpusFixture.idOf("aString", "");
    assertTrue(negativeZero < scaled, "the corpus lists doubles before decimals");
    Path before = CorpusFixture.build(dir.resolve("before"));
    Path after =
        CorpusFixture.build(
            dir.resolve("after"),
            rows -> {
              List<String[]> out = new ArrayList<>();
              for (String[] r : rows) {
                long id = Long.parseLong(r[0]);
                if (id == gone) {
                  continue;
                }
                if (id == negativeZero) {
                  r[2] = "0.0";
                } else if (id == scaled) {
                  r[2] = "1.5";
                }
                out.add(r);
              }
              out.add(new String[] {"1000", "aString", "added, with a \"quote\""});
              return out;
            });
    try (DataSetInput a = DataSetInput.open(before, null, null, "1.0");
        DataSetInput b = DataSetInput.open(after, null, null, "1.1")) {
      DiffReport r = new Differ().diff(a, b, 10);
      assertTrue(r.schemaChanges().isEmpty());
      assertEquals(1, r.added());
      assertEquals(1, r.removed());
      assertEquals(2, r.changed());
      assertFalse(r.identical());
      assertEquals(
          """
          dataset edges: 1.0 -> 1.1
            edge: %1$d -> %1$d rows, 1 added, 1 removed, 2 changed (a_decimal: 1, a_double: 1)

          table edge (key id)
            + 1000  a_string="added, with a \\"quote\\""
            - %2$d  a_string=""
            ~ %3$d
                a_double: -0.0 -> 0.0
            ~ %4$d
                a_decimal: "1.50" -> "1.5"
          """
              .formatted(CorpusFixture.size(), gone, negativeZero, scaled),
          r.toText());
      assertTrue(
          r.toMarkdown()
              .contains(
                  "| `edge` | "
                      + CorpusFixture.size()
                      + " | "
                      + CorpusFixture.size()
                      + " | 1 | 1 | 2 |"),
          r.toMarkdown());
      assertTrue(
          r.toJson().contains("\"changedColumns\" : {\n        \"a_decimal\" : 1,"), r.toJson());

      assertTrue(new Guard(0.5, false).check(r).isEmpty());
      String failed = new Guard(0.01, false).check(r).orElseThrow();
      assertTrue(
          failed.startsWith(
              "dataset 'edges' changed more than the release guard allows"
                  + " against 1.0:\n  table edge: 3 of "
                  + CorpusFixture.size()
                  + " previous rows removed"
                  + " or changed ("),
          failed);
    }
  }

  @Test
  void diff_reportsSchemaChangesAndTheGuardRefusesADroppedColumn() throws Exception {
    Path before = CorpusFixture.build(dir.resolve("schema"));
    Path after = Files.createDirectories(dir.resolve("edited")).resolve("edges.sqlite");
    Files.copy(before.resolve("edges.sqlite"), after);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + after);
        Statement s = c.createStatement()) {
      s.execute("drop index edge_decimal");
      s.execute("alter table edge drop column shout");
      s.execute("create index edge_long on edge (a_long)");
      s.execute("create table extra (id integer primary key, note text not null)");
      s.execute("insert into extra values (1, 'one')");
    }
    try (DataSetInput a = DataSetInput.open(before, null, null, "1.0");
        DataSetInput b = DataSetInput.open(after, null, null, "1.1")) {
      DiffReport r = new Differ().diff(a, b, 10);
      assertEquals(
          """
          dataset edges: 1.0 -> 1.1
            schema: column edge.shout removed (was text)
            schema: index edge_decimal on edge removed
            schema: index edge_long on edge added (a_long)
            schema: table extra added (id, note)
            extra: 0 -> 1 rows, 1 added, 0 removed, 0 changed
          """,
          r.summary());
      assertEquals(
          """
          dataset 'edges' changed more than the release guard allows against 1.0:
            column edge.shout removed (was text)
          If the change is intended, raise the limit (dataset.guard.maxChangedShare) or allow\
           dropped columns (dataset.guard.allowDroppedColumns). The diff:
          """
              + r.summary(),
          new Guard(0.5, false).check(r).orElseThrow());
      assertTrue(new Guard(0.5, true).check(r).isEmpty());
    }
  }

  @Test
  void diff_matchesRowsOfATableWithoutPrimaryKeyOnAllColumns() throws Exception {
    Path built = CorpusFixture.build(dir.resolve("bags"));
    Path before = withBag(built, "before", "(1, 'a'), (1, 'b'), (2, null)");
    Path after = withBag(built, "after", "(2, null), (1, 'a'), (3, 'c')");
    try (DataSetInput a = DataSetInput.open(before, null, null, "1.0");
        DataSetInput b = DataSetInput.open(after, null, null, "1.1")) {
      DiffReport r = new Differ().diff(a, b, 10);
      assertEquals(
          """
          dataset edges: 1.0 -> 1.1
            bag: 3 -> 3 rows, 1 added, 1 removed, 0 changed

          table bag (key owner, value)
            + 3, "c"
            - 1, "b"
          """,
          r.toText());
    }
  }

  /** A copy of the corpus file with a table that has no primary key, as a bag collection's. */
  private Path withBag(Path built, String name, String rows) throws Exception {
    Path file = Files.createDirectories(dir.resolve(name)).resolve("edges.sqlite");
    Files.copy(built.resolve("edges.sqlite"), file);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("create table bag (owner integer not null, value text)");
      s.execute("insert into bag values " + rows);
    }
    return file;
  }

  @Test
  void diff_ofADatasetWithItselfIsEmpty() throws Exception {
    Path built = CorpusFixture.build(dir.resolve("one"));
    try (DataSetInput a = DataSetInput.open(built, null, null, "a");
        DataSetInput b = DataSetInput.open(built, null, null, "b")) {
      DiffReport r = new Differ().diff(a, b, 10);
      assertTrue(r.identical());
      assertEquals("dataset edges: a -> b\n  no changes\n", r.toText());
    }
  }
}
