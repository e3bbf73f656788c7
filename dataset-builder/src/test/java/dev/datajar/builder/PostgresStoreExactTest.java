package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.catalog.Country;
import dev.datajar.builder.fixtures.catalog.Warehouse;
import dev.datajar.builder.fixtures.typed.Value;
import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import dev.datajar.testing.postgres.TestPostgres;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge values of the {@code typed} fixture read through {@code Store} from SQLite and from
 * PostgreSQL, both on the plain read path (SQL and codecs, no Hibernate session): every row reads
 * back identically, and every comparison, range, set, pattern, null test and order over every
 * attribute selects the same rows in the same order on both engines.
 */
class PostgresStoreExactTest {
  /** The attributes that can be compared and ordered (not the byte arrays). */
  private static final List<String> ORDERED = concat("id", Value.COMPARABLE);

  @TempDir static Path dir;
  private static Fixtures.BothEngines engines;
  private static String url;
  private static DataSets sqlite;
  private static DataSets postgres;
  private static Store<Value> onSqlite;
  private static Store<Value> onPostgres;

  @BeforeAll
  static void build() throws Exception {
    // Its default collation orders text case-insensitively ("a" < "B" < "Z"), unlike SQLite's
    // binary one: the text columns' own collation ("C") must decide.
    engines =
        Fixtures.bothEngines(
            dir, "store_exact", "locale_provider icu icu_locale 'en'", "typed", "catalog");
    url = engines.url();
    sqlite = engines.sqlite();
    postgres = engines.postgres();
    onSqlite = sqlite.store(Value.class);
    onPostgres = postgres.store(Value.class);
  }

  @AfterAll
  static void close() {
    if (engines != null) {
      engines.close();
    }
  }

  @Test
  void everyRow_readsBackTheSame_bySearchGetGetAllAndStream() {
    List<List<Object>> expected = values(onSqlite.search(Query.all().orderBy("id")));
    assertEquals(5, expected.size());
    assertEquals(expected, values(onPostgres.search(Query.all().orderBy("id"))));
    List<Object> ids = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      Object id = expected.get(i).get(0);
      ids.add(id);
      assertEquals(expected.get(i), onPostgres.get(id).orElseThrow().values(), "get " + id);
    }
    ids.add(99L);
    assertEquals(
        onSqlite.getAll(ids).stream().map(o -> o.map(Value::values)).toList(),
        onPostgres.getAll(ids).stream().map(o -> o.map(Value::values)).toList());
    assertEquals(Optional.empty(), onPostgres.get(99L));
    try (Stream<Value> rows = onPostgres.stream(Query.all().orderBy("id"))) {
      assertEquals(expected, rows.map(Value::values).toList());
    }
  }

  /**
   * A plain read is one statement datajar wrote, in auto-commit mode: the server saw it as the
   * session's last query, with no transaction left open (Hibernate would alias the table, {@code
   * value v1_0}, and run in a {@code READ ONLY} transaction).
   */
  @Test
  void plainReads_areOneStatementEach_outsideATransaction() throws Exception {
    assertEquals(1, onPostgres.count(Query.where(Where.eq("named", Value.Level.HIGH))));
    assertEquals(
        List.of("select count(*) from \"value\" where \"named\" = $1 | idle | true"),
        serverQueries("datajar typed", "%count(*)%"));
  }

  /**
   * A to-one's target is read in the same statement as its entity on PostgreSQL (a join) and by a
   * lookup of its own on SQLite: the same objects, and conditions through it select the same rows.
   */
  @Test
  void toOnes_readTheSame_joinedOrLookedUp() throws Exception {
    List<String> expected = warehouses(sqlite.store(Warehouse.class).search(Query.all()));
    assertEquals(
        List.of(
            "1 Hamburg DE Germany 19.00 1949-05-23 true EUR",
            "2 Geneva CH Switzerland, Confederation 7.7 1848-09-12 false EUR"),
        expected);
    Store<Warehouse> pg = postgres.store(Warehouse.class);
    assertEquals(expected, warehouses(List.of(pg.get(1).orElseThrow(), pg.get(2).orElseThrow())));
    // What the server ran for get: the warehouse (t0) and its country (t1) in one statement.
    assertEquals(
        List.of(
            "select t0.\"id\", t0.\"city\", t0.\"country_code\", t1.\"code\","
                + " t1.\"currency\", t1.\"eu_member\", t1.\"founded\", t1.\"name\","
                + " t1.\"vat_rate\" from \"warehouse\" t0 left join \"country\" t1 on"
                + " t1.\"code\" = t0.\"country_code\" where t0.\"id\" = $1 | idle | true"),
        serverQueries("datajar catalog", "%left join%"));
    assertEquals(expected, warehouses(pg.search(Query.all())));
    assertEquals(
        List.of(expected.get(1)),
        warehouses(pg.search(Query.where(Where.like("country.name", "%LAND%")))));
    assertEquals(1, pg.count(Query.where(Where.eq("country.euMember", true))));
    Query byCity = Query.all().orderByDesc("city");
    assertEquals(
        warehouseIds(sqlite.store(Warehouse.class).search(byCity)),
        warehouseIds(pg.search(byCity)),
        "desc city");
    assertEquals(List.of(2), warehouseIds(pg.search(byCity.offset(1).limit(1))), "limit");
    try (Stream<Warehouse> rows = pg.stream(Query.all())) {
      assertEquals(expected, warehouses(rows.toList()));
    }
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }

  private static List<Integer> warehouseIds(List<Warehouse> rows) {
    return rows.stream().map(w -> w.id).toList();
  }

  private static List<String> warehouses(List<Warehouse> rows) {
    List<String> out = new ArrayList<>();
    for (Warehouse w : rows) {
      Country c = w.country;
      out.add(
          String.join(
              " ",
              String.valueOf(w.id),
              w.city,
              c.code,
              c.name,
              String.valueOf(c.vatRate),
              String.valueOf(c.founded),
              String.valueOf(c.euMember),
              c.currency));
    }
    out.sort(null);
    return out;
  }

  /**
   * The last query of each session of {@code application} that matches {@code like}, with its state
   * and whether it is outside a transaction: {@code "select … | idle | true"}.
   */
  private static List<String> serverQueries(String application, String like) throws Exception {
    List<String> seen = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url + "?user=" + TestPostgres.get().user());
        PreparedStatement ps =
            c.prepareStatement(
                "select query, state, xact_start is null from pg_stat_activity"
                    + " where application_name = ? and query like ?")) {
      ps.setString(1, application);
      ps.setString(2, like);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          seen.add(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getBoolean(3));
        }
      }
    }
    return seen;
  }

  @Test
  void everyOrder_agrees() {
    for (String attribute : ORDERED) {
      for (Query q :
          List.of(
              Query.all().orderBy(attribute).orderBy("id"),
              Query.all().orderByDesc(attribute).orderBy("id"),
              Query.all().orderBy(attribute).orderBy("id").offset(1).limit(3))) {
        assertEquals(ids(onSqlite.search(q)), ids(onPostgres.search(q)), attribute + ": " + q);
      }
    }
  }

  /** Every stored value against every attribute's comparisons: the same rows on both engines. */
  @Test
  void everyComparison_agrees() throws Exception {
    List<Value> rows = onSqlite.search(Query.all().orderBy("id"));
    int checked = 0;
    for (String attribute : ORDERED) {
      Field f = Value.class.getField(attribute);
      for (Value row : rows) {
        Object v = f.get(row);
        if (v == null) {
          continue;
        }
        for (BiFunction<String, Object, Criterion> op :
            List.<BiFunction<String, Object, Criterion>>of(
                Where::eq, Where::ne, Where::lt, Where::le, Where::gt, Where::ge)) {
          same(Query.where(op.apply(attribute, v)));
          checked++;
        }
        same(Query.where(Where.between(attribute, v, v)));
        same(Query.where(Where.in(attribute, List.of(v))));
      }
      same(Query.where(Where.isNull(attribute)));
      same(Query.where(Where.not(Where.isNull(attribute))));
    }
    assertTrue(checked > 300, "comparisons checked: " + checked);
  }

  /**
   * Patterns ignore the case of ASCII letters only and have no escape character on both engines: a
   * backslash is an ordinary character, '_' and '%' are always wildcards, and "Ü" does not match
   * "ü".
   */
  @Test
  void patterns_agree() {
    for (String pattern :
        List.of(
            "%\\%", "%\\ q%", "%\\_%", "z", "Z", "%Q%", "_", "%", "", "tab%", "%ü%", "%Ü%", "A")) {
      same(Query.where(Where.like("text", pattern)));
      same(Query.where(Where.like("lobText", pattern)));
      same(Query.where(Where.startsWith("text", pattern)));
    }
    assertEquals(
        List.of(2L), ids(onPostgres.search(Query.where(Where.like("text", "%slash\\ q%")))));
  }

  private static void same(Query q) {
    List<Object> expected = ids(onSqlite.search(q.orderBy("id")));
    assertEquals(expected, ids(onPostgres.search(q.orderBy("id"))), q.toString());
    assertEquals(expected.size(), onPostgres.count(q), "count " + q);
  }

  private static List<Object> ids(List<Value> rows) {
    return rows.stream().map(v -> (Object) v.id).toList();
  }

  private static List<List<Object>> values(List<Value> rows) {
    return rows.stream().map(Value::values).toList();
  }
}
