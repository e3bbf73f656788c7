package dev.datajar.runtime.bench;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.datajar.runtime.DataSetEngines;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import dev.datajar.runtime.fixture.Fixtures;
import dev.datajar.runtime.format.SchemaModel;
import dev.datajar.runtime.format.TableModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Throwaway: informal read-path timings. Not a benchmark; see the benchmarks module. */
public final class ReadTimer {
  static final int ROWS = 1_000_000;
  static final int PARENTS = 10_000;

  public static void main(String[] args) throws Exception {
    if (args[0].equals("startup")) {
      long t0 = System.nanoTime();
      Injector injector = Guice.createInjector(DataSetModule.builder()
          .classLoader(Fixtures.loader(Path.of(args[1]))).cacheDirectory(Path.of(args[2])).build());
      Store<BItem> items = injector.getInstance(Key.get(new TypeLiteral<Store<BItem>>() {}));
      items.get(1L);
      System.out.printf("startup: injector creation to first result %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      injector.getInstance(DataSetEngines.class).close();
      return;
    }
    Path root = Path.of(args[0]);
    Path file = Fixtures.sqlite(root, "bench");
    if (!Files.exists(file)) {
      build(root);
    }
    String mode = args.length > 1 ? args[1] : "all";
    long t0 = System.nanoTime();
    Injector injector = Guice.createInjector(DataSetModule.builder()
        .classLoader(Fixtures.loader(root)).build());
    Store<BItem> items = injector.getInstance(Key.get(new TypeLiteral<Store<BItem>>() {}));
    items.get(1L);
    System.out.printf("injector to first result: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    if (mode.equals("parts")) {
      Store<BParent> parents = injector.getInstance(Key.get(new TypeLiteral<Store<BParent>>() {}));
      for (int round = 0; round < 3; round++) {
        int m = 3000;
        long s = System.nanoTime();
        for (int i = 0; i < m; i++) {
          parents.count();
        }
        System.out.printf("count %.1f us; ", (System.nanoTime() - s) / 1000.0 / m);
        s = System.nanoTime();
        for (int i = 0; i < m; i++) {
          parents.first(Query.where(Where.eq("id", 1L + i % PARENTS)));
        }
        System.out.printf("parent first %.1f us; ", (System.nanoTime() - s) / 1000.0 / m);
        s = System.nanoTime();
        for (int i = 0; i < m; i++) {
          items.query("select e.id, e.name from BItem e where e.id = ?1", Object[].class, 1L + i * 31);
        }
        System.out.printf("item hql 2 cols %.1f us; ", (System.nanoTime() - s) / 1000.0 / m);
        s = System.nanoTime();
        for (int i = 0; i < m; i++) {
          items.first(Query.where(Where.eq("id", 1L + i * 31)));
        }
        System.out.printf("item first %.1f us; ", (System.nanoTime() - s) / 1000.0 / m);
        s = System.nanoTime();
        for (int i = 0; i < m; i++) {
          items.query("select e from BItem e where e.id = ?1", BItem.class, 1L + i * 31);
        }
        System.out.printf("item hql entity %.1f us%n", (System.nanoTime() - s) / 1000.0 / m);
      }
      return;
    }
    if (mode.equals("hib")) {
      long end = System.nanoTime() + 20_000_000_000L;
      long n = 0;
      while (System.nanoTime() < end) {
        items.first(Query.where(Where.eq("id", 1 + (n * 7919) % ROWS)));
        n++;
      }
      System.out.printf("hib first: %.1f us%n", 20_000_000.0 / n);
      return;
    }
    if (mode.equals("stream")) {
      long n = 0;
      double sum = 0;
      try (Stream<BItem> s = items.stream()) {
        for (var it = s.iterator(); it.hasNext(); ) {
          BItem i = it.next();
          sum += i.getScore() + i.getParent().getId();
          n++;
        }
      }
      System.out.printf("streamed %d rows (%f) max heap %d MB, %d ms%n", n, sum,
          Runtime.getRuntime().maxMemory() >> 20, (System.nanoTime() - t0) / 1_000_000);
      injector.getInstance(DataSetEngines.class).close();
      return;
    }
    long[] ids = new long[1 << 16];
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < ids.length; i++) {
      ids[i] = 1 + r.nextLong(ROWS);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement get = c.prepareStatement("select id, name, note, score, parent_id from item where id = ?");
        PreparedStatement byParent = c.prepareStatement("select id, name, note, score, parent_id from item where parent_id = ?")) {
      for (int round = 0; round < 3; round++) {
        int n = 200_000;
        long s = System.nanoTime();
        long sink = 0;
        for (int i = 0; i < n; i++) {
          get.setLong(1, ids[i & (ids.length - 1)]);
          try (ResultSet rs = get.executeQuery()) {
            rs.next();
            sink += rs.getLong(1) + rs.getString(2).length() + (long) rs.getDouble(4) + rs.getLong(5);
            rs.getString(3);
          }
        }
        double jdbc = (System.nanoTime() - s) / 1000.0 / n;
        s = System.nanoTime();
        for (int i = 0; i < n; i++) {
          BItem it = items.get(ids[(i + 7) & (ids.length - 1)]).orElseThrow();
          sink += it.getId() + it.getParent().getName().length();
        }
        double store = (System.nanoTime() - s) / 1000.0 / n;
        int m = 2000;
        s = System.nanoTime();
        for (int i = 0; i < m; i++) {
          sink += items.first(Query.where(Where.eq("id", ids[i]))).orElseThrow().getId();
        }
        double hib = (System.nanoTime() - s) / 1000.0 / m;
        s = System.nanoTime();
        for (int i = 0; i < m; i++) {
          byParent.setLong(1, 1 + (ids[i] % PARENTS));
          try (ResultSet rs = byParent.executeQuery()) {
            while (rs.next()) {
              sink += rs.getLong(1) + rs.getString(2).length() + (long) rs.getDouble(4) + rs.getLong(5);
              rs.getString(3);
            }
          }
        }
        double jdbcSearch = (System.nanoTime() - s) / 1000.0 / m;
        s = System.nanoTime();
        int rows = 0;
        for (int i = 0; i < m; i++) {
          List<BItem> l = items.search(Query.where(Where.eq("parent.id", 1 + (ids[i] % PARENTS))));
          rows += l.size();
          sink += l.get(0).getParent().getName().length();
        }
        double search = (System.nanoTime() - s) / 1000.0 / m;
        System.out.printf("round %d: get jdbc %.1f us, Store.get %.1f us, Hibernate first(id) %.1f us;"
            + " search jdbc %.1f us, Store.search %.1f us (%d rows/search) %d%n", round, jdbc, store,
            hib, jdbcSearch, search, rows / m, sink & 1);
      }
    }
    injector.getInstance(DataSetEngines.class).close();
  }

  static void build(Path root) throws Exception {
    List<Class<?>> entities = List.of(BItem.class, BParent.class);
    SchemaModel schema = Fixtures.schema("bench", entities);
    Path tmp = Files.createTempDirectory("bench");
    Path raw = tmp.resolve("raw.sqlite");
    List<String> ddl = new ArrayList<>();
    List<String> idx = new ArrayList<>();
    for (TableModel t : schema.tables()) {
      ddl.add(t.createStatement());
      idx.addAll(t.indexStatements());
    }
    // Load the rows with plain JDBC, then hand the DDL+rows to the fixture writer via attach.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + raw); Statement s = c.createStatement()) {
      s.execute("pragma journal_mode = off");
      s.execute("pragma synchronous = off");
      c.setAutoCommit(false);
      s.execute("create table parent (id integer primary key, name text)");
      s.execute("create table item (id integer primary key, name text, note text, score real, parent_id integer)");
      try (PreparedStatement p = c.prepareStatement("insert into parent values (?, ?)")) {
        for (int i = 1; i <= PARENTS; i++) {
          p.setLong(1, i);
          p.setString(2, "parent " + i);
          p.addBatch();
        }
        p.executeBatch();
      }
      SplittableRandom r = new SplittableRandom(1);
      try (PreparedStatement p = c.prepareStatement("insert into item values (?, ?, ?, ?, ?)")) {
        for (int i = 1; i <= ROWS; i++) {
          p.setLong(1, i);
          p.setString(2, "item number " + i);
          p.setString(3, i % 3 == 0 ? null : "note " + Long.toHexString(r.nextLong()));
          p.setDouble(4, r.nextDouble());
          p.setLong(5, 1 + r.nextInt(PARENTS));
          p.addBatch();
          if (i % 10_000 == 0) {
            p.executeBatch();
          }
        }
        p.executeBatch();
      }
      c.commit();
    }
    List<String> rows = new ArrayList<>();
    rows.add("attach database '" + raw + "' as raw");
    rows.add("insert into parent (id, name) select id, name from raw.parent");
    rows.add("insert into item (id, name, note, score, parent_id) select id, name, note, score, parent_id from raw.item");
    ddl.removeIf(d -> d.startsWith("create index") || d.startsWith("create unique index"));
    List<String> after = new ArrayList<>(rows);
    after.addAll(idx);
    after.add("detach database raw");
    Fixtures.write(root, "bench", entities, schema.fingerprint(), ddl, after);
  }
}
