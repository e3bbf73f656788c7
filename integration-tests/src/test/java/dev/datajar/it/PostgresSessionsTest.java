package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.it.shop.Product;
import dev.datajar.it.shop.Reading;
import dev.datajar.it.shop.ReadingSource;
import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import dev.datajar.runtime.internal.postgres.PostgresOpener;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sessions of the plain reads on PostgreSQL, observed from the server: read-only, a stream
 * reads through a cursor in a read-only transaction that ends with the stream, and a session the
 * server ended (a restart, {@code pg_terminate_backend}) is replaced without a failed read.
 */
class PostgresSessionsTest {
  private static final Query SENSOR = Query.where(Where.eq("sensor", ReadingSource.sensor(7)));
  private static PostgresDataSets.Built built;
  private static DataSets dataSets;
  private static Store<Reading> readings;

  @BeforeAll
  static void open() {
    built = PostgresDataSets.build();
    dataSets =
        DataSets.builder()
            .classLoader(built.classLoader())
            .dataSets("shop")
            .jdbc("shop", built.url())
            .open();
    readings = dataSets.store(Reading.class);
  }

  @AfterAll
  static void close() {
    if (dataSets != null) {
      dataSets.close();
    }
  }

  @Test
  void sessionsTheServerEnded_areReplaced_withoutAFailedRead() throws Exception {
    long expected = readings.count(SENSOR);
    List<Reading> found = readings.search(SENSOR);
    try (Stream<Reading> s = readings.stream(SENSOR)) {
      assertEquals(expected, s.count());
    }
    assertTrue(expected > 0, "readings of the sensor: " + expected);
    int ended = endSessions();
    // At least the one the lookups and the stream shared (one pool per dataset and server).
    assertTrue(ended >= 1, "sessions ended: " + ended);
    assertEquals(expected, readings.count(SENSOR));
    assertEquals(ids(found), ids(readings.search(SENSOR)));
    endSessions();
    try (Stream<Reading> s = readings.stream(SENSOR)) {
      assertEquals(ids(found), s.map(Reading::getId).toList());
    }
  }

  /**
   * Issue 19: with a warm pool (eight streams' connections, plain and Hibernate's, then lookups),
   * ending every session costs no failed call: the retry after a lost connection runs on a new one,
   * not on the next idle one, which went the same way.
   */
  @Test
  void sessionsTheServerEnded_withWarmPools_costNoFailedCall() throws Exception {
    Store<Product> products = dataSets.store(Product.class);
    long perSensor = ReadingSource.ROWS / ReadingSource.SENSORS;
    // Each kind of call, first after every session was ended with the pools warm.
    Map<String, Callable<Object>> calls = new LinkedHashMap<>();
    calls.put("get", () -> readings.get(7L).orElseThrow().getId());
    calls.put("count", () -> readings.count(SENSOR));
    calls.put("search", () -> (long) readings.search(SENSOR).size());
    calls.put("stream", () -> streamCount(readings.stream(SENSOR)));
    calls.put("get through Hibernate", () -> products.get(1L).orElseThrow().getName());
    calls.put("query()", () -> products.query("select p from Product p", Product.class).size());
    calls.put("sql()", () -> products.sql("select count(*) from product", Long.class));
    calls.put("stream through Hibernate", () -> streamCount(products.stream()));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("get", 7L);
    expected.put("count", perSensor);
    expected.put("search", perSensor);
    expected.put("stream", perSensor);
    expected.put("get through Hibernate", "Laptop 13");
    expected.put("query()", 11);
    expected.put("sql()", List.of(11L));
    expected.put("stream through Hibernate", 11L);
    for (Map.Entry<String, Callable<Object>> call : calls.entrySet()) {
      int warm = warmUp(products);
      int ended = endSessions();
      assertTrue(ended >= warm, call.getKey() + ": sessions ended " + ended + " of " + warm);
      for (int i = 0; i < 2; i++) {
        assertEquals(expected.get(call.getKey()), call.getValue().call(), call.getKey());
      }
    }
  }

  private static long streamCount(Stream<?> s) {
    try (s) {
      return s.count();
    }
  }

  /**
   * Opens four connections on each path (lookups, streams, Hibernate's pool; each holds at least
   * max(4, 2 x CPUs)) and gives them back: streams held open at once by four threads, each of which
   * then looks rows up. Returns how many connections were held at once.
   */
  private static int warmUp(Store<Product> products) throws Exception {
    int threads = 4;
    CyclicBarrier together = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> warm = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        warm.add(
            pool.submit(
                () -> {
                  try (Stream<Reading> r = readings.stream(SENSOR);
                      Stream<Product> p = products.stream()) {
                    r.iterator().next();
                    p.iterator().next();
                    together.await(60, TimeUnit.SECONDS);
                  }
                  for (long id = 1; id <= 100; id++) {
                    assertEquals(id, readings.get(id).orElseThrow().getId());
                  }
                  return null;
                }));
      }
      for (Future<?> f : warm) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return 2 * threads;
  }

  /**
   * Issue 19, item 8: opening a dataset in PostgreSQL checks it as a SQLite file is checked (the
   * classes' recorded shape, the schema's recorded fingerprint), without starting Hibernate; the
   * first read that needs Hibernate starts it.
   */
  @Test
  void opening_startsNoHibernate_untilAReadNeedsIt() throws Exception {
    try (DataSets own =
        DataSets.builder()
            .classLoader(built.classLoader())
            .dataSets("shop")
            .jdbc("shop", built.url())
            .open()) {
      Method started = DataSets.class.getDeclaredMethod("hibernateStarted", String.class);
      started.setAccessible(true);
      assertEquals(false, started.invoke(own, "shop"));
      assertEquals(7L, own.store(Reading.class).get(7L).orElseThrow().getId());
      assertEquals(
          ReadingSource.ROWS / ReadingSource.SENSORS, own.store(Reading.class).count(SENSOR));
      assertEquals(false, started.invoke(own, "shop"));
      // Product has collections (tags, aliases) and Category a one-to-many: the row path too
      assertEquals("Laptop 13", own.store(Product.class).get(1L).orElseThrow().getName());
      assertEquals(false, started.invoke(own, "shop"));
      assertEquals(
          List.of(1L),
          own.store(Product.class).query("select p.id from Product p where p.id = 1", Long.class));
      assertEquals(true, started.invoke(own, "shop"));
    }
  }

  /**
   * Issue 19, item 8: one pool per dataset and server. A dataset read by get, stream, query() and
   * sql() one after the other holds one session, as the server sees it (two while the session
   * query() or sql() ran on is replaced) (before, three: one each for lookups, streams and
   * Hibernate's HikariCP pool); read by several threads at once, each holding a plain stream and
   * one through Hibernate while they look rows up and query, it holds no more than the documented
   * maximum, 3 x max(4, 2 x CPUs).
   */
  @Test
  void everyKindOfRead_sharesOnePool_ofTheDocumentedSize() throws Exception {
    try (DataSets own =
        DataSets.builder()
            .classLoader(built.classLoader())
            .dataSets("shop")
            .jdbc("shop", built.url())
            .open()) {
      Store<Reading> r = own.store(Reading.class);
      Store<Product> p = own.store(Product.class);
      List<String> before = pids();
      assertEquals(11, p.query("select p from Product p", Product.class).size());
      assertEquals(7L, r.get(7L).orElseThrow().getId());
      long perSensor = ReadingSource.ROWS / ReadingSource.SENSORS;
      assertEquals(perSensor, streamCount(r.stream(SENSOR)));
      assertEquals(List.of(11L), p.sql("select count(*) from product", Long.class));
      assertEquals("Laptop 13", p.get(1L).orElseThrow().getName());
      assertEquals(11L, streamCount(p.stream()));
      // The sessions query() and sql() ran on are replaced, not lent again (their text may leave
      // state in them): one more may be opening or ending meanwhile. Waits only while there are
      // more than that (before, it waited for one, which the pool's replacement session usually
      // kept from coming: 30 s of waiting in most runs, for the same assertion).
      List<String> opened = new ArrayList<>(pids());
      opened.removeAll(before);
      for (int i = 0; i < 300 && opened.size() > 2; i++) {
        Thread.sleep(100);
        opened = new ArrayList<>(pids());
        opened.removeAll(before);
      }
      assertTrue(opened.size() <= 2, "sessions the reads hold: " + opened);

      int threads = 4; // streams: two each, as many as they may hold with max(4, 2 x CPUs) >= 4
      CyclicBarrier together = new CyclicBarrier(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Integer>> held = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          held.add(
              pool.submit(
                  () -> {
                    try (Stream<Reading> rs = r.stream(SENSOR);
                        Stream<Product> ps = p.stream()) {
                      rs.iterator().next();
                      ps.iterator().next();
                      together.await(60, TimeUnit.SECONDS);
                      for (long id = 1; id <= 20; id++) {
                        assertEquals(id, r.get(id).orElseThrow().getId());
                      }
                      assertEquals(List.of(11L), p.sql("select count(*) from product", Long.class));
                      assertEquals(11, p.query("select p from Product p", Product.class).size());
                      together.await(60, TimeUnit.SECONDS);
                      List<String> now = new ArrayList<>(pids());
                      now.removeAll(before);
                      return now.size();
                    }
                  }));
        }
        int max = 3 * Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        for (Future<Integer> f : held) {
          int sessions = f.get();
          assertTrue(
              sessions >= 2 * threads && sessions <= max,
              "sessions with " + 2 * threads + " streams open: " + sessions + ", at most " + max);
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  /**
   * A stream open when the datasets close gets the closed message at its next row, though its
   * session, borrowed from the dataset's pool, is closed only when the stream gives it back.
   */
  @Test
  void aStreamOpenAtClose_getsTheClosedMessage() throws Exception {
    DataSets own =
        DataSets.builder()
            .classLoader(built.classLoader())
            .dataSets("shop")
            .jdbc("shop", built.url())
            .open();
    try (Stream<Product> p = own.store(Product.class).stream()) {
      Iterator<Product> it = p.iterator();
      it.next();
      own.close();
      DataSetException e = assertThrows(DataSetException.class, it::next);
      assertTrue(e.getMessage().contains("dataset 'shop' is closed"), e.getMessage());
    } finally {
      own.close();
    }
  }

  /** The server processes of the dataset's sessions. */
  private static List<String> pids() throws SQLException {
    return query(
        "select pid::text from pg_stat_activity where application_name = 'datajar shop'"
            + " and backend_type = 'client backend'");
  }

  @Test
  void aStream_readsInAReadOnlyTransaction_thatEndsWithIt() throws Exception {
    try (Stream<Reading> s = readings.stream(Query.all().orderBy("id"))) {
      Iterator<Reading> it = s.iterator();
      assertEquals(1L, it.next().getId());
      assertEquals(
          List.of(
              "idle in transaction: select \"id\", \"reading\", \"sensor\" from \"reading\""
                  + " order by \"id\" asc nulls first"),
          sessions("state = 'idle in transaction'"));
    }
    assertEquals(List.of(), sessions("state = 'idle in transaction'"));
  }

  /**
   * A search without an order returns its rows by id, also when the server finds them in another
   * order: here the table is rewritten in sensor order ({@code CLUSTER}, as the server's
   * superuser), so the server returns the rows of two sensors sensor by sensor, and the search
   * sorts them by id after reading them (or asks the server to, with a limit).
   */
  @Test
  void aSearchWithoutAnOrder_returnsItsRowsById_whateverOrderTheServerFindsThemIn()
      throws Exception {
    Query two = Query.where(Where.in("sensor", ReadingSource.sensor(3), ReadingSource.sensor(1)));
    List<Long> expected = new ArrayList<>();
    for (long id = 1; id <= ReadingSource.ROWS; id++) {
      if (id % ReadingSource.SENSORS == 1 || id % ReadingSource.SENSORS == 3) {
        expected.add(id);
      }
    }
    try (Connection c = DriverManager.getConnection(built.url());
        Statement s = c.createStatement()) {
      s.execute("cluster " + schema() + ".reading using reading_by_sensor");
    }
    assertEquals(
        List.of("101", "3"), // sensor s-1 before s-3
        query("select id from " + schema() + ".reading where id in (3, 101) order by ctid"),
        "the rows are stored by sensor now");
    sameIds(expected, ids(readings.search(two)), "search");
    assertEquals(expected.subList(10, 15), ids(readings.search(two.offset(10).limit(5))));
    try (Stream<Reading> s = readings.stream(two)) {
      sameIds(expected, s.map(Reading::getId).toList(), "stream");
    }
  }

  @Test
  void theSessions_cannotWrite_inAutoCommitOrInATransaction() throws Exception {
    try (Connection c = PostgresOpener.connect("shop", built.url(), null, null, schema());
        Statement s = c.createStatement()) {
      assertEquals(ReadingSource.ROWS, count(s));
      SQLException e =
          assertThrows(SQLException.class, () -> s.execute("delete from reading where id = 1"));
      assertEquals("25006", e.getSQLState(), e.getMessage()); // read_only_sql_transaction
      c.setAutoCommit(false);
      e = assertThrows(SQLException.class, () -> s.execute("create table x (i int)"));
      assertEquals("25006", e.getSQLState(), e.getMessage());
      c.rollback();
      assertEquals(ReadingSource.ROWS, count(s));
    }
  }

  /** Equal lists of 2,000 ids, or a message that shows how they start. */
  private static void sameIds(List<Long> expected, List<Long> actual, String what) {
    assertTrue(
        expected.equals(actual),
        what
            + ": expected "
            + expected.size()
            + " ids starting "
            + expected.subList(0, 5)
            + ", got "
            + actual.size()
            + " starting "
            + actual.subList(0, Math.min(5, actual.size())));
  }

  private static long count(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("select count(*) from reading")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Long> ids(List<Reading> rows) {
    return rows.stream().map(Reading::getId).toList();
  }

  /** Ends every session of the dataset's plain reads and pool, as a server restart would. */
  private static int endSessions() throws SQLException {
    return query(
            "select pg_terminate_backend(pid) from pg_stat_activity"
                + " where application_name = 'datajar shop'")
        .size();
  }

  /** The dataset's sessions that match {@code condition}: "state: last query". */
  private static List<String> sessions(String condition) throws SQLException {
    return query(
        "select state || ': ' || query from pg_stat_activity where application_name ="
            + " 'datajar shop' and "
            + condition);
  }

  private static String schema() throws SQLException {
    return query("select nspname from pg_namespace where nspname like 'shop\\_%'").get(0);
  }

  private static List<String> query(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(built.url());
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
