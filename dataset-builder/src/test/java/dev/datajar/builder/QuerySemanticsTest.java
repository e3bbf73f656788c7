package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.semantics.Code;
import dev.datajar.builder.fixtures.semantics.Device;
import dev.datajar.builder.fixtures.semantics.Land;
import dev.datajar.builder.fixtures.semantics.Price;
import dev.datajar.builder.fixtures.semantics.SemanticsRows;
import dev.datajar.builder.fixtures.semantics.Stamp;
import dev.datajar.builder.fixtures.semantics.Vendor;
import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.HibernateProbe;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import dev.datajar.testing.postgres.TestPostgres;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query semantics of docs/queries.md, each rule checked on the {@code semantics} fixture built
 * into SQLite and into a real PostgreSQL, read through {@code Store} as a service reads it: the
 * same rows in the same order on both engines, on the plain row path and through Hibernate.
 */
class QuerySemanticsTest {
  @TempDir static Path dir;
  private static DataSets sqlite;
  private static DataSets postgres;
  private static String url;

  @BeforeAll
  static void build() throws Exception {
    new DataSetBuilder()
        .build(
            Fixtures.request(dir.resolve("sqlite"), "semantics")
                .outputDirectory(dir.resolve("sqlite/META-INF/datasets"))
                .build());
    url = TestPostgres.get().createDatabase("query_semantics", "");
    new DataSetBuilder()
        .build(
            Fixtures.request(dir.resolve("pg"), "semantics")
                .outputDirectory(dir.resolve("pg/META-INF/datasets"))
                .postgres(new PostgresTarget(url, TestPostgres.get().user(), null, "1"))
                .build());
    sqlite =
        DataSets.builder()
            .classLoader(loader(dir.resolve("sqlite")))
            .cacheDirectory(dir.resolve("cache"))
            .dataSets("semantics")
            .open();
    postgres =
        DataSets.builder()
            .classLoader(loader(dir.resolve("pg")))
            .dataSets("semantics")
            .jdbc("semantics", url + "?user=" + TestPostgres.get().user())
            .open();
  }

  @AfterAll
  static void close() {
    if (postgres != null) {
      postgres.close();
    }
    if (sqlite != null) {
      sqlite.close();
    }
  }

  private static ClassLoader loader(Path root) throws Exception {
    return new URLClassLoader(
        new URL[] {root.toUri().toURL()}, QuerySemanticsTest.class.getClassLoader());
  }

  /** Both engines, named for messages. */
  private static Map<String, DataSets> engines() {
    return Map.of("sqlite", sqlite, "postgres", postgres);
  }

  /** The store of {@code type} on the row path and one reading through Hibernate, by name. */
  private static <T> Map<String, Store<T>> bothPaths(DataSets on, Class<T> type) {
    Map<String, Store<T>> out = new LinkedHashMap<>();
    out.put("row path", on.store(type));
    out.put("Hibernate", HibernateProbe.throughHibernate(on, type));
    return out;
  }

  // S1, S3: an order through a to-one keeps every row; NULL first ascending, last descending,
  // ties broken by the id.
  @Test
  void orderThroughANullableToOne_keepsEveryRow() {
    Query fourPorts = Query.where(Where.eq("ports", 4));
    for (var e : engines().entrySet()) {
      for (var p : bothPaths(e.getValue(), Device.class).entrySet()) {
        Store<Device> devices = p.getValue();
        Query q = Query.where(Where.eq("ports", 4));
        String on = e.getKey() + " " + p.getKey() + " " + q;
        assertEquals(List.of(1L, 3L, 5L, 7L, 9L), ids(devices.search(q)), on);
        assertEquals(5, devices.count(q), on);
        assertEquals(
            List.of(5L, 7L, 1L, 3L, 9L), ids(devices.search(q.orderBy("vendor.name"))), on);
        assertEquals(
            List.of(9L, 3L, 1L, 5L, 7L), ids(devices.search(q.orderByDesc("vendor.name"))), on);
        // vendor.country.name: NULL for no vendor (7), no country (3) and a country with no name
        // (5)
        assertEquals(
            List.of(3L, 5L, 7L, 1L, 9L), ids(devices.search(q.orderBy("vendor.country.name"))), on);
        assertEquals(
            List.of(1L, 9L, 3L, 5L, 7L),
            ids(devices.search(q.orderByDesc("vendor.country.name"))),
            on);
        // By the to-one itself (its key): FR, DE, DE, then no country (3) and no vendor (7)
        assertEquals(
            List.of(5L, 1L, 9L, 3L, 7L), ids(devices.search(q.orderByDesc("vendor.country"))), on);
        assertEquals(
            List.of(3L, 7L, 1L, 9L, 5L), ids(devices.search(q.orderBy("vendor.country"))), on);
        try (Stream<Device> s = devices.stream(q.orderBy("vendor.name"))) {
          assertEquals(List.of(5L, 7L, 1L, 3L, 9L), ids(s.toList()), on);
        }
        assertEquals(
            List.of(7L, 1L), ids(devices.search(q.orderBy("vendor.name").offset(1).limit(2))), on);
        assertEquals(5L, devices.first(q.orderBy("vendor.name")).orElseThrow().id, on);
        assertEquals(5, devices.search(fourPorts.orderBy("vendor.name")).size(), on);
      }
    }
  }

  /**
   * Conditions and orders through to-ones, and on a to-one's key, are SQL datajar writes (the plain
   * row path, no Hibernate): on PostgreSQL the server saw datajar's own statement, with its {@code
   * t0}/{@code t1} aliases and outside a transaction (Hibernate aliases {@code d1_0} and runs in a
   * {@code READ ONLY} transaction).
   */
  @Test
  void pathsThroughToOnes_areReadByTheRowPath() throws Exception {
    for (var e : engines().entrySet()) {
      Store<Device> devices = e.getValue().store(Device.class);
      Query q = Query.where(Where.eq("ports", 4));
      for (int twice = 0; twice < 2; twice++) { // the second time, every vendor is cached
        assertEquals(
            List.of(5L, 1L, 9L, 3L, 7L),
            ids(devices.search(q.and(Where.isNotNull("id")).orderByDesc("vendor.country"))),
            e.getKey());
      }
      if (e.getKey().equals("postgres")) {
        List<String> all = serverQueries();
        List<String> seen =
            all.stream()
                .filter(x -> x.contains("\"id\" is not null") && x.contains("desc nulls last"))
                .toList();
        assertEquals(1, seen.size(), all.toString());
        assertTrue(
            seen.get(0).contains(" left join \"vendor\" t1 on t1.\"id\" = t0.\"vendor_id\""),
            seen.get(0));
        assertTrue(seen.get(0).endsWith(" | true"), seen.get(0));
      }
      assertEquals(List.of(7L), ids(devices.search(q.and(Where.isNull("vendor")))), e.getKey());
      assertEquals(4, devices.count(q.and(Where.isNotNull("vendor"))), e.getKey());
      try (Stream<Device> s = devices.stream(q.orderBy("vendor.country.name"))) {
        assertEquals(List.of(3L, 5L, 7L, 1L, 9L), ids(s.toList()), e.getKey());
      }
    }
  }

  /**
   * A service opening the SQLite build as its own, fresh {@code DataSets}: the entity shape the
   * builder recorded matches (decimal id, date-time with an offset, nullable to-ones and all), so
   * opening and plain reads leave Hibernate off; only an HQL-path query starts it. The shared
   * {@code sqlite} above cannot show this: other tests start its Hibernate through the HQL path,
   * and the PostgreSQL build and engine always boot Hibernate.
   */
  @Test
  void sqliteBuild_opensAndReadsPlainRows_withoutHibernate() throws Exception {
    try (DataSets fresh =
        DataSets.builder()
            .classLoader(loader(dir.resolve("sqlite")))
            .cacheDirectory(dir.resolve("fresh-cache"))
            .dataSets("semantics")
            .open()) {
      assertFalse(HibernateProbe.started(fresh, "semantics"), "started at opening");
      Query q = Query.where(Where.eq("ports", 4));
      assertEquals(
          List.of(5L, 1L, 9L, 3L, 7L),
          ids(fresh.store(Device.class).search(q.orderByDesc("vendor.country"))));
      assertEquals(
          "1.50",
          fresh.store(Price.class).get(new BigDecimal("1.5")).orElseThrow().amount.toString());
      assertEquals(3, fresh.store(Stamp.class).count(Query.where(Where.isNotNull("at"))));
      // An entity as a value is its key: S1, on the row path too.
      Store<Device> devices = fresh.store(Device.class);
      Vendor acme = fresh.store(Vendor.class).get(1L).orElseThrow();
      Vendor globex = fresh.store(Vendor.class).get(2L).orElseThrow();
      assertEquals(List.of(1L, 2L), ids(devices.search(Query.where(Where.eq("vendor", acme)))));
      assertEquals(
          List.of(1L, 2L, 3L, 4L, 11L),
          ids(devices.search(Query.where(Where.in("vendor", List.of(acme, globex))))));
      assertFalse(HibernateProbe.started(fresh, "semantics"), "started by a plain read");
      assertEquals(
          List.of(1L, 3L, 5L, 7L, 9L),
          ids(HibernateProbe.throughHibernate(fresh, Device.class).search(q)));
      assertTrue(HibernateProbe.started(fresh, "semantics"), "a read through Hibernate");
    }
  }

  /** The last query of each session of the dataset, and whether it is outside a transaction. */
  private static List<String> serverQueries() throws Exception {
    List<String> seen = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url + "?user=" + TestPostgres.get().user());
        PreparedStatement ps =
            c.prepareStatement(
                "select query, xact_start is null from pg_stat_activity"
                    + " where application_name like 'datajar semantics%'")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          seen.add(rs.getString(1) + " | " + rs.getBoolean(2));
        }
      }
    }
    return seen;
  }

  // S1, S2: p, not p and isNull partition the table, through to-ones as well.
  @Test
  void aComparisonItsNegationAndIsNull_partitionTheTable() {
    record Case(Criterion p, String attribute, List<Long> yes, List<Long> no, List<Long> unknown) {}
    List<Long> noName = List.of(5L, 6L, 7L, 8L, 12L);
    List<Case> cases =
        List.of(
            new Case(
                Where.eq("vendor.name", "Acme"),
                "vendor.name",
                List.of(1L, 2L),
                List.of(3L, 4L, 9L, 10L, 11L),
                noName),
            new Case(
                Where.ne("vendor.name", "Acme"),
                "vendor.name",
                List.of(3L, 4L, 9L, 10L, 11L),
                List.of(1L, 2L),
                noName),
            new Case(
                Where.in("vendor.name", List.of("Acme", "Initech")),
                "vendor.name",
                List.of(1L, 2L, 9L, 10L),
                List.of(3L, 4L, 11L),
                noName),
            new Case(
                Where.like("vendor.name", "%E%"),
                "vendor.name",
                List.of(1L, 2L, 3L, 4L, 9L, 10L, 11L),
                List.of(),
                noName),
            new Case(
                Where.startsWith("vendor.name", "G"),
                "vendor.name",
                List.of(3L, 4L, 11L),
                List.of(1L, 2L, 9L, 10L),
                noName),
            new Case(
                Where.between("vendor.name", "B", "H"),
                "vendor.name",
                List.of(3L, 4L, 11L),
                List.of(1L, 2L, 9L, 10L),
                noName),
            new Case(
                Where.eq("vendor.country.name", "Germany"),
                "vendor.country.name",
                List.of(1L, 2L, 9L, 10L),
                List.of(),
                List.of(3L, 4L, 5L, 6L, 7L, 8L, 11L, 12L)),
            new Case(
                Where.eq("vendor.country.code", "FR"),
                "vendor.country.code",
                List.of(5L, 6L),
                List.of(1L, 2L, 9L, 10L),
                List.of(3L, 4L, 7L, 8L, 11L, 12L)),
            new Case(
                Where.eq("vendor.id", 2L),
                "vendor.id",
                List.of(3L, 4L, 11L),
                List.of(1L, 2L, 5L, 6L, 9L, 10L),
                List.of(7L, 8L, 12L)));
    for (var e : engines().entrySet()) {
      Store<Device> devices = e.getValue().store(Device.class);
      for (Case c : cases) {
        for (var p : bothPaths(e.getValue(), Device.class).entrySet()) {
          Store<Device> byPath = p.getValue();
          String on = e.getKey() + " " + p.getKey() + " " + c.p();
          assertEquals(c.yes(), ids(byPath.search(Query.where(c.p()))), on);
          assertEquals(c.no(), ids(byPath.search(Query.where(Where.not(c.p())))), "not " + on);
          assertEquals(
              c.unknown(),
              ids(byPath.search(Query.where(Where.isNull(c.attribute())))),
              "isNull " + on);
          long total =
              byPath.count(Query.where(c.p()))
                  + byPath.count(Query.where(Where.not(c.p())))
                  + byPath.count(Query.where(Where.isNull(c.attribute())));
          assertEquals(12, total, on);
        }
      }
      // An entity as a value compares keys; a device with no vendor is UNKNOWN (S1, S2).
      Vendor acmeVendor = e.getValue().store(Vendor.class).get(1L).orElseThrow();
      Vendor globex = e.getValue().store(Vendor.class).get(2L).orElseThrow();
      for (var p : bothPaths(e.getValue(), Device.class).entrySet()) {
        String on = e.getKey() + " " + p.getKey();
        Function<Criterion, List<Long>> rows = x -> ids(p.getValue().search(Query.where(x)));
        assertEquals(List.of(1L, 2L), rows.apply(Where.eq("vendor", acmeVendor)), on);
        assertEquals(
            List.of(3L, 4L, 5L, 6L, 9L, 10L, 11L),
            rows.apply(Where.not(Where.eq("vendor", acmeVendor))),
            on);
        assertEquals(
            List.of(3L, 4L, 5L, 6L, 9L, 10L, 11L), rows.apply(Where.ne("vendor", acmeVendor)), on);
        assertEquals(List.of(7L, 8L, 12L), rows.apply(Where.isNull("vendor")), on);
        assertEquals(
            List.of(1L, 2L, 3L, 4L, 11L),
            rows.apply(Where.in("vendor", List.of(acmeVendor, globex))),
            on);
        assertEquals(
            List.of(5L, 6L, 9L, 10L),
            rows.apply(Where.not(Where.in("vendor", List.of(acmeVendor, globex)))),
            on);
        assertEquals(List.of(), rows.apply(Where.in("vendor", List.of())), on);
        Land de = e.getValue().store(Land.class).get("DE").orElseThrow();
        assertEquals(List.of(1L, 2L, 9L, 10L), rows.apply(Where.eq("vendor.country", de)), on);
      }
      // Three-valued and/or: FALSE and UNKNOWN is FALSE, TRUE or UNKNOWN is TRUE.
      Criterion acme = Where.eq("vendor.name", "Acme");
      Criterion four = Where.eq("ports", 4);
      assertEquals(
          List.of(2L, 3L, 4L, 6L, 8L, 9L, 10L, 11L, 12L),
          ids(devices.search(Query.where(Where.not(Where.and(four, acme))))),
          e.getKey());
      assertEquals(
          List.of(1L, 2L, 3L, 5L, 7L, 9L),
          ids(devices.search(Query.where(Where.or(four, acme)))),
          e.getKey());
    }
  }

  // S5: an OffsetDateTime compares and sorts by its instant; the entity keeps its offset.
  @Test
  void offsetDateTimes_compareByInstant_onBothEnginesAndPaths() {
    OffsetDateTime sameInstant = OffsetDateTime.parse("2024-01-02T04:04:05+01:00");
    OffsetDateTime earlier = OffsetDateTime.parse("2024-01-02T03:00:00Z");
    for (var e : engines().entrySet()) {
      for (var p : bothPaths(e.getValue(), Stamp.class).entrySet()) {
        Store<Stamp> stamps = p.getValue();
        String on = e.getKey() + " " + p.getKey();
        Function<Criterion, List<Long>> rows = c -> ids(stamps.search(Query.where(c)));
        assertEquals(List.of(1L, 2L), rows.apply(Where.eq("at", sameInstant)), on);
        assertEquals(List.of(3L), rows.apply(Where.ne("at", sameInstant)), on);
        assertEquals(List.of(3L), rows.apply(Where.lt("at", sameInstant)), on);
        assertEquals(List.of(1L, 2L, 3L), rows.apply(Where.le("at", sameInstant)), on);
        assertEquals(List.of(), rows.apply(Where.gt("at", sameInstant)), on);
        assertEquals(List.of(1L, 2L), rows.apply(Where.ge("at", sameInstant)), on);
        assertEquals(List.of(1L, 2L, 3L), rows.apply(Where.gt("at", earlier.minusSeconds(1))), on);
        assertEquals(
            List.of(1L, 2L, 3L), rows.apply(Where.between("at", earlier, sameInstant)), on);
        assertEquals(
            List.of(1L, 2L),
            rows.apply(Where.in("at", List.of(sameInstant, earlier.plusDays(1)))),
            on);
        assertEquals(List.of(4L), rows.apply(Where.isNull("at")), on);
        assertEquals(1, stamps.count(Query.where(Where.not(Where.ge("at", sameInstant)))), on);
        Query all = Query.where(Where.isNotNull("id"));
        assertEquals(List.of(4L, 3L, 1L, 2L), ids(stamps.search(all.orderBy("at"))), on);
        assertEquals(List.of(1L, 2L, 3L, 4L), ids(stamps.search(all.orderByDesc("at"))), on);
        assertEquals(
            OffsetDateTime.parse("2024-01-02T08:49:05+05:45"),
            stamps.search(all.orderBy("id")).get(0).at,
            on);
      }
      assertEquals(
          OffsetDateTime.parse("2024-01-02T08:49:05+05:45"),
          e.getValue().store(Stamp.class).get(1L).orElseThrow().at,
          e.getKey());
    }
  }

  /** A store of prices with a default filter, as a service would write it. */
  public static class LabelledPrices extends Store<Price> {
    @Override
    protected Criterion defaultFilter() {
      return Where.isNotNull("label");
    }
  }

  // S6: a decimal id finds its row at any scale, and the entity carries the stored id.
  @Test
  void decimalIds_findTheStoredRow_atAnyScale() {
    for (var e : engines().entrySet()) {
      String on = e.getKey();
      Store<Price> prices = e.getValue().store(Price.class);
      assertEquals("1.50", prices.get(new BigDecimal("1.5")).orElseThrow().amount.toString(), on);
      assertEquals("1.50", prices.get(new BigDecimal("1.500")).orElseThrow().amount.toString(), on);
      assertEquals("10.0", prices.get(BigDecimal.TEN).orElseThrow().amount.toString(), on);
      assertEquals(
          List.of("1.50", "2", "missing"),
          prices
              .getAll(List.of(new BigDecimal("1.5"), new BigDecimal("2.0"), BigDecimal.ONE))
              .stream()
              .map(p -> p.map(x -> x.amount.toString()).orElse("missing"))
              .toList(),
          on);
      LabelledPrices labelled = e.getValue().attach(new LabelledPrices());
      assertEquals("1.50", labelled.get(new BigDecimal("1.5")).orElseThrow().amount.toString(), on);
      assertEquals(
          List.of("1.50", "10.0", "missing"),
          labelled
              .getAll(List.of(new BigDecimal("1.5"), new BigDecimal("10"), BigDecimal.ONE))
              .stream()
              .map(p -> p.map(x -> x.amount.toString()).orElse("missing"))
              .toList(),
          on);
      assertEquals(
          List.of("1.50"),
          prices.search(Query.where(Where.eq("amount", new BigDecimal("1.5")))).stream()
              .map(p -> p.amount.toString())
              .toList(),
          on);
    }
  }

  // A lookup of a missing id never empties the whole-table cache of a to-one target.
  @Test
  void missingIds_doNotEmptyAWholeTableCache() throws Exception {
    for (var e : engines().entrySet()) {
      Store<Code> codes = e.getValue().store(Code.class);
      assertEquals(SemanticsRows.CODES, codes.search().size(), e.getKey());
      Map<?, ?> cache = rowCache(codes);
      assertEquals(SemanticsRows.CODES, cache.size(), e.getKey() + ": every row cached");
      for (long missing = -1; missing > -50; missing--) {
        assertEquals(Optional.empty(), codes.get(missing), e.getKey());
      }
      assertEquals(SemanticsRows.CODES, cache.size(), e.getKey() + ": after 49 misses");
      assertEquals("code 77", codes.get(77L).orElseThrow().label, e.getKey());
    }
  }

  /**
   * The rows' cache of the store's plain read path on the version served now (runtime internals,
   * read reflectively: the store's reader finds the served version's engine at each call).
   */
  private static Map<?, ?> rowCache(Store<Code> store) throws Exception {
    Object served = field(field(store, "reader"), "served");
    Object version = served.getClass().getMethod("current").invoke(served);
    Object engine = version.getClass().getMethod("engine").invoke(version);
    Object reader = engine.getClass().getMethod("reader", Class.class).invoke(engine, Code.class);
    Object path = field(reader, "path");
    Object mapper = field(path, "mapper");
    return (Map<?, ?>) field(mapper, "cache");
  }

  private static Object field(Object o, String name) throws Exception {
    Field f = (o instanceof Store<?> ? Store.class : o.getClass()).getDeclaredField(name);
    f.setAccessible(true);
    return f.get(o);
  }

  // API edges: a large set, and criteria too deep or too large, the same on both engines.
  @Test
  void aHundredThousandValues_inOneSet() {
    List<Long> ids = LongStream.rangeClosed(1, 100_000).boxed().toList();
    List<String> texts = LongStream.rangeClosed(1, 100_000).mapToObj(i -> "L" + i).toList();
    List<String> withFrance = new ArrayList<>(texts);
    withFrance.add("FR");
    OffsetDateTime start = OffsetDateTime.parse("2024-01-02T08:49:05+05:45");
    List<OffsetDateTime> times =
        LongStream.range(0, 100_000).mapToObj(i -> start.plusSeconds(i * 7)).toList();
    for (var e : engines().entrySet()) {
      assertEquals(
          SemanticsRows.CODES,
          e.getValue().store(Code.class).count(Query.where(Where.in("id", ids))),
          e.getKey());
      assertEquals(
          List.of("FR"),
          e.getValue().store(Land.class).search(Query.where(Where.in("code", withFrance))).stream()
              .map(l -> l.code)
              .toList(),
          e.getKey());
      assertEquals(
          List.of(1L, 2L),
          ids(e.getValue().store(Stamp.class).search(Query.where(Where.in("at", times)))),
          e.getKey());
      assertEquals(
          12 - 5,
          e.getValue()
              .store(Device.class)
              .count(Query.where(Where.not(Where.in("vendor.name", texts)))),
          e.getKey());
    }
  }

  @Test
  void criteriaTooDeepOrTooLarge_areRefusedClearly() {
    Criterion deep = Where.eq("ports", 4);
    for (int i = 0; i < 10_000; i++) {
      deep = i % 2 == 0 ? Where.not(deep) : Where.and(deep, Where.isNotNull("id"));
    }
    Criterion[] parts = new Criterion[10_000];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = Where.ne("ports", i);
    }
    Criterion wide = Where.and(parts);
    Criterion[] most = new Criterion[1000];
    for (int i = 0; i < most.length; i++) {
      most[i] = Where.ne("ports", 100 + i);
    }
    for (var e : engines().entrySet()) {
      Store<Device> devices = e.getValue().store(Device.class);
      for (Criterion c : List.of(deep, wide)) {
        DataSetException x =
            assertThrows(DataSetException.class, () -> devices.search(Query.where(c)), e.getKey());
        assertTrue(x.getMessage().startsWith("search of Device: the criterion"), x.getMessage());
        assertThrows(DataSetException.class, () -> devices.count(Query.where(c)), e.getKey());
        assertThrows(DataSetException.class, () -> devices.stream(Query.where(c)), e.getKey());
      }
      // At the limits: 1,000 conditions in one and, 32 levels of not.
      assertEquals(12, devices.count(Query.where(Where.and(most))), e.getKey());
      Criterion nested = Where.eq("ports", 4);
      for (int i = 0; i < 32; i++) {
        nested = Where.not(nested);
      }
      assertEquals(5, devices.count(Query.where(nested)), e.getKey());
    }
  }

  private static List<Long> ids(List<?> rows) {
    List<Long> out = new ArrayList<>();
    for (Object r : rows) {
      if (r instanceof Device d) {
        out.add(d.id);
      } else if (r instanceof Stamp s) {
        out.add(s.id);
      } else {
        throw new IllegalArgumentException(r.toString());
      }
    }
    return out;
  }
}
