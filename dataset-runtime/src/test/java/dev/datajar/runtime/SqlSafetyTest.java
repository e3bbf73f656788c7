package dev.datajar.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.datajar.runtime.fixture.Country;
import dev.datajar.runtime.fixture.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 3: a statement {@code sql()} refuses never reaches SQLite (SQLite carries out a
 * pragma while preparing it, so refusing it afterwards left the connection, or the process,
 * changed), and every {@code sql()}/{@code query()} call stops at a time limit.
 */
class SqlSafetyTest {
  @TempDir static Path root;
  static Injector injector;
  static Store<Country> countries;

  @BeforeAll
  static void open() throws Exception {
    Fixtures.geo(root);
    injector =
        Guice.createInjector(DataSetModule.builder().classLoader(Fixtures.loader(root)).build());
    countries = injector.getInstance(Key.get(new TypeLiteral<Store<Country>>() {}));
  }

  @AfterAll
  static void close() {
    injector.getInstance(DataSets.class).close();
  }

  @AfterEach
  void noLimitLeftSet() {
    System.clearProperty("datajar.query.timeout");
  }

  @Test
  void sql_refusesPragmasBeforeSqliteSeesThem() {
    ReadOnlyDataSetException e =
        assertThrows(
            ReadOnlyDataSetException.class,
            () -> countries.sql("pragma query_only=0", Integer.class));
    assertEquals(
        "dataset 'geo' is read-only: sql() runs queries only, not 'pragma"
            + " query_only=0': a call runs one SELECT (or WITH … SELECT, or VALUES) statement, and"
            + " 'pragma' is not one (a pragma that reads is a table-valued function: select *"
            + " from pragma_table_info('<table>')). Nothing was run; to change the data, change"
            + " the dataset's sources and rebuild it.",
        e.getMessage());
    for (String sql :
        List.of(
            "PRAGMA case_sensitive_like = 1",
            "/* a comment */ pragma hard_heap_limit = 100000",
            "-- line\n pragma query_only = 0",
            "explain pragma query_only = 0",
            "attach database ':memory:' as other",
            "  ",
            "vacuum")) {
      assertThrows(ReadOnlyDataSetException.class, () -> countries.sql(sql, Integer.class), sql);
    }
    e =
        assertThrows(
            ReadOnlyDataSetException.class,
            () -> countries.sql("select 1; pragma query_only = 0", Integer.class));
    assertEquals(
        "dataset 'geo' is read-only: sql() runs queries only, not 'select 1; pragma"
            + " query_only = 0': it holds a second statement after ';'; a call runs one statement."
            + " Nothing was run; to change the data, change the dataset's sources and rebuild it.",
        e.getMessage());

    // Nothing took effect: the connection is still query-only, LIKE still ignores case (as
    // Where.like and HQL like expect), and the process has no heap limit.
    assertEquals(List.of(1), countries.sql("select * from pragma_query_only", Integer.class));
    assertEquals(
        List.of(1L),
        countries.sql("select count(*) from country where name like 'FRANCE'", Long.class));
    assertEquals(List.of(0L), countries.sql("select * from pragma_hard_heap_limit", Long.class));
  }

  @Test
  void sql_runsOneQueryWithCommentsStringsAndPragmaFunctions() {
    assertEquals(
        List.of(10L),
        countries.sql(
            "-- all of them\nselect count(*) from country"
                + " where name <> 'a;b' /* ; */;  -- done",
            Long.class));
    assertEquals(
        List.of(2), countries.sql("with x(n) as (values (2)) select n from x", Integer.class));
    assertEquals(List.of(7), countries.sql("values (7)", Integer.class));
    assertEquals(
        1,
        countries
            .sql(
                "select count(*) from pragma_table_info('country')" + " where name = 'name'",
                Integer.class)
            .get(0));
  }

  @Test
  void sqlAndQuery_stopAtTheTimeLimit() {
    System.setProperty("datajar.query.timeout", "0.2");
    String sql =
        "with recursive c(x) as (select 1 union all select x + 1 from c"
            + " where x < 30000000) select count(*) from c";
    DataSetException e = assertThrows(DataSetException.class, () -> countries.sql(sql, Long.class));
    assertEquals(
        "dataset 'geo': sql() stopped after 200 ms, the time limit of one Store"
            + " call: '"
            + sql
            + "'. Narrow the query, or raise the limit with"
            + " -Ddatajar.query.timeout=<seconds> (or DATAJAR_QUERY_TIMEOUT; 0 for none; default"
            + " 30).",
        e.getMessage());
    String hql =
        "select count(*) from Country a, Country b, Country c, Country d, Country e,"
            + " Country f, Country g, Country h, Country i";
    e = assertThrows(DataSetException.class, () -> countries.query(hql, Long.class));
    assertEquals(
        "dataset 'geo': query() stopped after 200 ms, the time limit of one Store"
            + " call: '"
            + hql
            + "'. Narrow the query, or raise the limit with"
            + " -Ddatajar.query.timeout=<seconds> (or DATAJAR_QUERY_TIMEOUT; 0 for none; default"
            + " 30).",
        e.getMessage());

    // The handler goes with the call: the same thread's next calls run normally.
    System.clearProperty("datajar.query.timeout");
    assertEquals(List.of(10L), countries.sql("select count(*) from country", Long.class));
    assertEquals(List.of(10L), countries.query("select count(*) from Country", Long.class));
    assertEquals(10, countries.count());
  }

  /**
   * Issue 18, item 5: a query() or sql() that fails (a syntax error, an unknown name, a parameter
   * that does not fit) fails with datajar's exception, naming the statement, the cause kept.
   */
  @Test
  void failingQueries_throwDataSetException_withTheCause() {
    for (String hql :
        List.of(
            "select x from Nowhere x",
            "select c from Country c where c.nosuch = 1",
            "select c from Country c where c.name = ?1")) {
      DataSetException e =
          assertThrows(DataSetException.class, () -> countries.query(hql, Country.class), hql);
      assertEquals(DataSetException.class, e.getClass(), hql);
      assertTrue(
          e.getMessage().startsWith("dataset 'geo': query() failed for '" + hql + "': "),
          e.getMessage());
      assertTrue(e.getCause() != null, hql);
    }
    for (String sql :
        List.of(
            "select nosuch from country",
            "select * from nowhere",
            "select name from country where alpha2 = ?2")) {
      DataSetException e =
          assertThrows(DataSetException.class, () -> countries.sql(sql, String.class, "FR"), sql);
      assertEquals(DataSetException.class, e.getClass(), sql);
      assertTrue(
          e.getMessage().startsWith("dataset 'geo': sql() failed for '" + sql + "': "),
          e.getMessage());
      assertTrue(e.getCause() != null, sql);
    }
  }

  @Test
  void timeLimit_refusesAMalformedSetting() {
    System.setProperty("datajar.query.timeout", "soon");
    DataSetException e =
        assertThrows(DataSetException.class, () -> countries.sql("select 1", Integer.class));
    assertEquals(
        "-Ddatajar.query.timeout='soon' is not a time limit: give seconds (e.g. 30 or"
            + " 0.5), an ISO-8601 duration (e.g. PT2M), or 0 for none.",
        e.getMessage());
  }
}
