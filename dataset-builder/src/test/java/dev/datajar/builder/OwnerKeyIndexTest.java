package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.runtime.format.SqliteFiles;
import dev.datajar.testing.postgres.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collection is read a batch of owners at a time, {@code where <owner column> in (?, ...)}: the
 * builder indexes each owner column that leads neither the table's primary key nor an index, on
 * both engines, so such a batch is a search and not a scan of the whole table.
 */
class OwnerKeyIndexTest {
  @TempDir Path dir;

  /**
   * The owner-key indexes of the keyed fixture: one-to-manys by {@code mappedBy} (book.author_id,
   * mention's composite printing key) and by a join column (book.editor_id), join tables without a
   * primary key (a one-to-many's author_favourite, a many-to-many list's library_town: both its
   * sides, library_id and the inverse side's town_id) and lists of elements (library_alias,
   * runway_light). None where the owner column(s) lead the primary key or a unique key: a set's
   * collection table or join table (library_tag, library_branch, airline_code, runway_town, whose
   * town_id has no inverse collection), a map's (airline_label).
   */
  static final List<String> EXPECTED =
      List.of(
          "author_favourite_author_id(author_id)",
          "book_author_id(author_id)",
          "book_editor_id(editor_id)",
          "library_alias_library_id(library_id)",
          "library_town_library_id(library_id)",
          "library_town_town_id(town_id)",
          "mention_printing_isbn_printing_run(printing_isbn,printing_run)",
          "runway_light_runway_airport_runway_number(runway_airport,runway_number)");

  @Test
  void sqlite_collectionBatchesSearchTheOwnerColumn() throws Exception {
    new DataSetBuilder().build(Fixtures.request(dir, "keyed").build());
    Path file = dir.resolve("out/keyed.sqlite");
    try (Connection c = SqliteFiles.openReadOnly(file)) {
      // Author.books, as CollectionReader reads a batch of four authors' books.
      String books =
          "select c.\"author_id\", c.\"id\", c.\"published\", c.\"title\", c.\"author_id\""
              + " from \"book\" c where c.\"author_id\" in (?, ?, ?, ?)"
              + " order by c.\"author_id\", c.\"published\" desc, c.\"title\"";
      assertSearches(c, books, "book", "book_author_id");
      // Town.libraries, the inverse side of a many-to-many: the join table by the town.
      String libraries =
          "select c.\"town_id\", t.\"id\", t.\"name\" from \"library_town\" c"
              + " join \"library\" t on t.\"id\" = c.\"library_id\""
              + " where c.\"town_id\" in (?, ?, ?, ?) order by c.\"town_id\"";
      assertSearches(c, libraries, "library_town", "library_town_town_id");
    }
    assertEquals(
        EXPECTED,
        Fixtures.query(
            file,
            "select i.name || '(' || (select group_concat(name, ',') from"
                + " (select name from pragma_index_info(i.name) order by seqno)) || ')'"
                + " from sqlite_schema i where i.type = 'index' and i.name not like 'sqlite_%'"
                + " and i.name in ("
                + quotedNames()
                + ") order by 1"));
  }

  @Test
  void postgres_hasTheSameIndexes() throws Exception {
    String url = TestPostgres.get().createDatabase("owner_key_index");
    new DataSetBuilder()
        .build(
            Fixtures.request(dir, "keyed")
                .postgres(new PostgresTarget(url, TestPostgres.get().user(), null, "1"))
                .build());
    try (Connection c = TestPostgres.get().connect(url)) {
      List<String> found =
          Fixtures.query(
              c,
              "select i.relname || '(' || string_agg(a.attname, ',' order by k.n) || ')'"
                  + " from pg_index x join pg_class i on i.oid = x.indexrelid"
                  + " join pg_namespace s on s.oid = i.relnamespace"
                  + " cross join lateral unnest(x.indkey) with ordinality k(attnum, n)"
                  + " join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum"
                  + " where s.nspname like 'keyed%' and i.relname in ("
                  + quotedNames()
                  + ") group by i.relname order by 1");
      assertEquals(EXPECTED, found);
    }
  }

  private static String quotedNames() {
    List<String> names = new ArrayList<>();
    for (String e : EXPECTED) {
      names.add("'" + e.substring(0, e.indexOf('(')) + "'");
    }
    return String.join(", ", names);
  }

  /** SQLite's plan for {@code sql} searches {@code table} through {@code index}, and scans none. */
  private static void assertSearches(Connection c, String sql, String table, String index)
      throws Exception {
    List<String> plan = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("explain query plan " + sql);
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        plan.add(rs.getString("detail"));
      }
    }
    assertTrue(
        plan.stream().anyMatch(d -> d.startsWith("SEARCH c USING INDEX " + index + " ")),
        table + " searched through " + index + ": " + plan);
    assertTrue(
        plan.stream().noneMatch(d -> d.startsWith("SCAN c")), "no scan of " + table + ": " + plan);
  }
}
