package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.datajar.it.shop.Product;
import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.ReadOnlyDataSetException;
import dev.datajar.runtime.Store;
import dev.datajar.testing.postgres.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Store.sql()} on PostgreSQL is read-only by construction, tried with the attempts that got
 * past a guard reading the text by SQLite's rules (issue 19): dollar quotes, {@code E'…'} escapes
 * and nested comments hiding a {@code ;}, a second statement that commits, writes or lifts the time
 * limit, {@code COPY … TO} a file or a program, {@code SET ROLE}, {@code set_config}, large
 * objects, {@code dblink} (where the server has it), {@code pg_sleep} past the limit.
 *
 * <p>Each attempt is made by the role that built the dataset and owns its tables, by the server's
 * superuser, and by a role that may only {@code SELECT} (set up with the SQL of docs/scaling.md).
 * After each one, a fresh connection finds every table unchanged, no table or large object added,
 * no file written, no statement of the dataset still running, and the next call's transaction is
 * read-only under the session's read-only default.
 */
class PostgresSqlSafetyTest {
  /**
   * The time limit of one Store call here: the statements of {@link
   * #aStatementPastTheLimit_isStopped_alsoAfterItTriedToLiftTheLimit} and one attempt per role wait
   * it out, so it is short (before, 2 s: 9 s more of waiting).
   */
  private static final String LIMIT_SECONDS = "1";

  private static final String ROLE_SUFFIX = "_" + ProcessHandle.current().pid();
  private static final String OWNER = "datajar_owner" + ROLE_SUFFIX;
  private static final String READER = "datajar_reader" + ROLE_SUFFIX;

  private static TestPostgres pg;
  private static String url;
  private static String schema;
  private static Path file;
  private static boolean dblink;
  private static final List<DataSets> opened = new ArrayList<>();
  private static Store<Product> asOwner;
  private static Store<Product> asSuperuser;
  private static Store<Product> asReader;

  @BeforeAll
  static void build() throws Exception {
    System.setProperty("datajar.query.timeout", LIMIT_SECONDS);
    pg = TestPostgres.get();
    url = pg.createDatabase("sqlsafety");
    String database = url.substring(url.lastIndexOf('/') + 1);
    try (Connection c = pg.connect(url);
        Statement s = c.createStatement()) {
      s.execute("create role " + OWNER + " login");
      s.execute("create role " + READER + " login");
      s.execute("grant create on database " + database + " to " + OWNER);
      try {
        s.execute("create extension dblink");
        dblink = true;
      } catch (SQLException e) {
        dblink = false; // not installed on this server: those attempts are skipped
      }
    }
    PostgresDataSets.Built built = PostgresDataSets.build(url, OWNER);
    schema = query("select nspname from pg_namespace where nspname like 'shop\\_%'").get(0);
    try (Connection c = pg.connect(url);
        Statement s = c.createStatement()) {
      // docs/scaling.md, "A role that can only read": run as the building role.
      s.execute("set role " + OWNER);
      s.execute("grant connect on database " + database + " to " + READER);
      s.execute("grant usage on schema " + schema + " to " + READER);
      s.execute("grant select on all tables in schema " + schema + " to " + READER);
      s.execute("reset role");
    }
    Path dir = Files.createTempDirectory("datajar-sql-safety");
    // Writable by the server's own user, so that a COPY that got through could write here.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    file = dir.resolve("written-by-sql");
    asOwner = open(built, url + "?user=" + OWNER);
    asSuperuser = open(built, url + "?user=" + pg.user());
    asReader = open(built, url + "?user=" + READER);
  }

  private static Store<Product> open(PostgresDataSets.Built built, String jdbc) {
    DataSets d =
        DataSets.builder()
            .classLoader(built.classLoader())
            .dataSets("shop")
            .jdbc("shop", jdbc)
            .open();
    opened.add(d);
    return d.store(Product.class);
  }

  @AfterAll
  static void close() {
    opened.forEach(DataSets::close);
    System.clearProperty("datajar.query.timeout");
  }

  /** Text that hides a second statement from SQLite's rules, or a first word from our reader. */
  private static List<String> hidden() {
    String f = file.toString();
    String update = "update product set name = 'PWNED by sql()' where id = 5";
    return List.of(
        "select $$'$$; copy (select 'x') to '" + f + "'; --'",
        "select $$'$$; set local statement_timeout = 0; select pg_sleep(6); --'",
        "select $$'$$; commit; begin read write; " + update + "; commit; --'",
        "select $tag$'$tag$; " + update + "; --'",
        "select E'\\''; copy (select 1) to '" + f + "'; --'",
        "select E'\\''; commit; begin read write; " + update + "; commit; --'",
        "/* /* */ select */ copy (select 'x') to '" + f + "'",
        "/* /* */ select */ copy (select 'x') to program 'touch " + f + "'",
        "/* /* */ select */ commit",
        "/* /* */ select */ " + update,
        "--\rcopy (select 'x') to '" + f + "' /*\nselect */",
        "select 1; commit",
        "select 1; " + update,
        "select 1;\n" + update + ";");
  }

  /** Single statements: refused by the text, by the read-only transaction, or harmless. */
  private static List<String> single() {
    String f = file.toString();
    return List.of(
        "copy (select 'x') to '" + f + "'",
        "copy (select 'x') to program 'touch " + f + "'",
        "set role " + pg.user(),
        "commit",
        "begin read write",
        "set session characteristics as transaction read write",
        "with d as (delete from product returning id) select count(*) from d",
        "with u as (update product set name = 'PWNED' returning id) select count(*) from u",
        "select * into pwned from product",
        "select id from product for update",
        "select set_config('default_transaction_read_only', 'off', false)",
        "select set_config('transaction_read_only', 'off', true)",
        "select set_config('statement_timeout', '0', false)",
        "select set_config('role', '" + pg.user() + "', false)",
        "select lo_import('/etc/hostname')",
        "select lo_from_bytea(0, 'x')",
        "select lo_export(lo_from_bytea(0, 'x'), '" + f + "')",
        "select query_to_xml('delete from product', true, true, '')",
        "values (1), (2)");
  }

  @Test
  void everyAttempt_isRefusedOrHarmless_forTheRoleThatOwnsTheTables() throws Exception {
    List<String> attempts = new ArrayList<>(hidden());
    attempts.addAll(single());
    attempts.addAll(dblinkAttempts());
    attemptAll(asOwner, attempts);
  }

  /**
   * A superuser can reach past the session (dblink to a new session, files through large objects of
   * its own): not attempted here; docs/scaling.md says never to read with one.
   */
  @Test
  void everyAttempt_isRefusedOrHarmless_forASuperuser() throws Exception {
    List<String> attempts = new ArrayList<>(hidden());
    attempts.addAll(single());
    attemptAll(asSuperuser, attempts);
  }

  @Test
  void everyAttempt_isRefusedOrHarmless_forARoleThatMayOnlySelect() throws Exception {
    List<String> attempts = new ArrayList<>(hidden());
    attempts.addAll(single());
    attempts.addAll(dblinkAttempts());
    attemptAll(asReader, attempts);
    assertEquals("Laptop 13", asReader.get(1L).orElseThrow().getName());
    assertEquals(
        List.of("Laptop 13"),
        asReader.sql("select name from product where id = ?1", String.class, 1L));
  }

  @Test
  void aStatementPastTheLimit_isStopped_alsoAfterItTriedToLiftTheLimit() throws Exception {
    for (Store<Product> products : List.of(asOwner, asSuperuser, asReader)) {
      for (String sql :
          List.of(
              "select pg_sleep(30)",
              "select set_config('statement_timeout', '0', false), pg_sleep(30)",
              "with s as (select set_config('statement_timeout', '0', true) x)"
                  + " select pg_sleep(30) from s")) {
        products.sql("select set_config('statement_timeout', '0', false)", String.class);
        DataSetException e =
            org.junit.jupiter.api.Assertions.assertThrows(
                DataSetException.class, () -> products.sql(sql, String.class), sql);
        assertTrue(
            e.getMessage()
                .startsWith(
                    "dataset 'shop': sql() stopped after "
                        + LIMIT_SECONDS
                        + " s, the time limit of one Store call: '"
                        + sql
                        + "'."),
            e.getMessage());
        assertEquals(List.of(), running(), "still running on the server after " + sql);
      }
    }
  }

  @Test
  void aSingleQuery_withDollarQuotesAndComments_runs() {
    assertEquals(
        List.of("a;b"),
        asOwner.sql(
            "/* one /* nested */ comment */ select $x$a;b$x$ -- ; not a statement", String.class));
    assertEquals(List.of("it's"), asOwner.sql("select E'it\\'s'", String.class));
  }

  private static List<String> dblinkAttempts() {
    if (!dblink) {
      return List.of();
    }
    String host = url.substring(url.indexOf("//") + 2, url.lastIndexOf(':'));
    String target =
        "host="
            + host
            + " port="
            + pg.port()
            + " dbname="
            + url.substring(url.lastIndexOf('/') + 1)
            + " user="
            + pg.user();
    return List.of(
        "select public.dblink_exec('"
            + target
            + "', 'update "
            + schema
            + ".product set name = ''PWNED'' where id = 5')",
        "select * from public.dblink('"
            + target
            + "', 'with d as (delete from "
            + schema
            + ".product returning id) select count(*) from d') as t(n bigint)");
  }

  private static void attemptAll(Store<Product> products, List<String> attempts) throws Exception {
    String before = state();
    for (String sql : attempts) {
      String outcome;
      try {
        outcome = "ran, giving " + products.sql(sql, Object.class);
      } catch (ReadOnlyDataSetException e) {
        outcome = "refused as a write: " + e.getMessage();
      } catch (DataSetException e) {
        outcome = "failed: " + e.getMessage();
      } catch (RuntimeException e) {
        fail("sql() threw " + e + " (not datajar's own exception) for " + sql, e);
        return;
      }
      String what = sql + "\n  -> " + outcome;
      assertEquals(before, state(), "the dataset changed: " + what);
      assertFalse(Files.exists(file), "a file was written: " + what);
      assertEquals(List.of(), running(), "still running: " + what);
      assertEquals(
          List.of("on/on"),
          products.sql(
              "select current_setting('transaction_read_only') || '/'"
                  + " || current_setting('default_transaction_read_only')",
              String.class),
          "the next call is not read-only: " + what);
    }
  }

  /**
   * Every row of the dataset's tables, the tables of the database and its large objects, read on
   * one fresh connection (one per table cost ~13 connection start-ups per attempt, ~100 attempts).
   */
  private static String state() throws SQLException {
    try (Connection c = pg.connect(url)) {
      StringBuilder sb = new StringBuilder();
      for (String table :
          query(
              c,
              "select tablename from pg_tables where schemaname = '" + schema + "' order by 1")) {
        sb.append(table)
            .append(
                query(
                    c,
                    "select coalesce(string_agg(t::text, '|' order by t::text), '') from "
                        + schema
                        + "."
                        + table
                        + " t"))
            .append('\n');
      }
      sb.append(
          query(
              c,
              "select string_agg(schemaname || '.' || tablename, ',' order by 1, 2)"
                  + " from pg_tables where schemaname not in ('pg_catalog', 'information_schema')"));
      sb.append(query(c, "select count(*) from pg_largeobject_metadata"));
      return sb.toString();
    }
  }

  /**
   * Statements of the dataset's sessions still running on the server. A session the pool is just
   * opening in the background (to replace one it closed after a stopped or refused statement) runs
   * its set-up: pgjdbc's {@code SET application_name = 'datajar shop'} and the runtime's {@code set
   * default_transaction_read_only = on} (PostgresOpener.connect). Those are no statement of an
   * attempt, so they are not counted; both were seen "still running" on a loaded machine, once the
   * checks had become faster.
   */
  private static List<String> running() throws SQLException {
    return query(
        "select query from pg_stat_activity where application_name = 'datajar shop'"
            + " and state = 'active' and query not in ("
            + "'SET application_name = ''datajar shop''',"
            + " 'set default_transaction_read_only = on')");
  }

  private static List<String> query(String sql) throws SQLException {
    try (Connection c = pg.connect(url)) {
      return query(c, sql);
    }
  }

  private static List<String> query(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
