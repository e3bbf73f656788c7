package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.typed.Value;
import dev.datajar.runtime.format.HibernateSetup;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.SqliteFiles;
import dev.datajar.runtime.internal.postgres.PostgresFormat;
import dev.datajar.testing.postgres.TestPostgres;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The same edge values built into SQLite and into PostgreSQL read back identically through
 * Hibernate, and sort the same way on both engines.
 */
class PostgresExactTest {
  @TempDir Path dir;

  @Test
  void everyValue_readsBackTheSameFromBothEngines_andSortsTheSame() throws Exception {
    try (Engines e = buildBoth("exact")) {
      SessionFactoryImplementor onSqlite = e.onSqlite();
      SessionFactoryImplementor onPg = e.onPg();
      List<List<Object>> fromSqlite = read(onSqlite, "from Value order by id");
      List<List<Object>> fromPg = read(onPg, "from Value order by id");
      assertEquals(5, fromSqlite.size());
      assertEquals(
          List.of(
              Arrays.asList(null, null),
              List.of("[0, 1, 127, -128, -2, -1, 0]", "multi\nline \u00fc \uD83D\uDE00 \"q\"")),
          List.of(fromSqlite.get(3).subList(17, 19), fromSqlite.get(1).subList(17, 19)),
          "@Lob values read back from SQLite");
      for (int i = 0; i < fromSqlite.size(); i++) {
        assertEquals(fromSqlite.get(i), fromPg.get(i), "row " + (i + 1));
      }
      List<String> ordered = new ArrayList<>(Value.COMPARABLE);
      ordered.add("lobBytes");
      for (String attribute : ordered) {
        for (String hql :
            List.of(
                "from Value order by " + attribute + ", id",
                "from Value order by " + attribute + " desc, id")) {
          assertEquals(ids(read(onSqlite, hql)), ids(read(onPg, hql)), hql);
        }
      }
    }
  }

  /**
   * HQL with each stored value as a parameter ({@code where clock = :v}) finds the same rows on
   * both engines: parameters are bound as exactly as values are stored (a {@code LocalTime} of
   * 23:59:59.999999 once went through {@code java.sql.Time}, rounded to the millisecond, and
   * matched midnight).
   */
  @Test
  void everyValue_asAParameter_findsTheSameRows() throws Exception {
    try (Engines e = buildBoth("params")) {
      SessionFactoryImplementor onSqlite = e.onSqlite();
      SessionFactoryImplementor onPg = e.onPg();
      List<Value> rows =
          onSqlite.fromSession(
              s -> s.createSelectionQuery("from Value order by id", Value.class).getResultList());
      int checked = 0;
      for (String attribute : Value.COMPARABLE) {
        for (Value row : rows) {
          Object v = Value.class.getField(attribute).get(row);
          if (v == null) {
            continue;
          }
          String hql = "select id from Value where " + attribute + " = :v order by id";
          assertEquals(idsWhere(onSqlite, hql, v), idsWhere(onPg, hql, v), attribute + " = " + v);
          checked++;
        }
      }
      assertTrue(checked > 40, "values checked: " + checked);
    }
  }

  private static List<Long> idsWhere(SessionFactoryImplementor sf, String hql, Object value) {
    return sf.fromSession(
        s -> s.createSelectionQuery(hql, Long.class).setParameter("v", value).getResultList());
  }

  @Test
  void lobs_areByteaAndText_notLargeObjects() throws Exception {
    String url = TestPostgres.get().createDatabase("lobs");
    new DataSetBuilder()
        .build(
            Fixtures.request(dir.resolve("pg"), "typed")
                .postgres(new PostgresTarget(url, TestPostgres.get().user(), null, "1"))
                .build());
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(url);
    pg.setUser(TestPostgres.get().user());
    List<String> types = new ArrayList<>();
    try (Connection c = pg.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select column_name || ' ' || data_type from information_schema.columns"
                    + " where table_name = 'value' and column_name like 'lob%' order by 1")) {
      while (rs.next()) {
        types.add(rs.getString(1));
      }
    }
    assertEquals(List.of("lob_bytes bytea", "lob_text text"), types);
  }

  private static List<Object> ids(List<List<Object>> rows) {
    return rows.stream().map(r -> r.get(0)).toList();
  }

  /** Hibernate over the {@code typed} fixture built into SQLite and into PostgreSQL. */
  private record Engines(SessionFactoryImplementor onSqlite, SessionFactoryImplementor onPg)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        onPg.close();
      } finally {
        onSqlite.close();
      }
    }
  }

  private Engines buildBoth(String database) throws Exception {
    new DataSetBuilder().build(Fixtures.request(dir.resolve("sqlite"), "typed").build());
    String url = TestPostgres.get().createDatabase(database);
    new DataSetBuilder()
        .build(
            Fixtures.request(dir.resolve("pg"), "typed")
                .postgres(new PostgresTarget(url, TestPostgres.get().user(), null, "1"))
                .build());
    Manifest m;
    try (InputStream in = Files.newInputStream(dir.resolve("pg/out/typed.manifest.json"))) {
      m = Manifest.read(in, "manifest");
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(url);
    pg.setUser(TestPostgres.get().user());
    pg.setCurrentSchema(m.postgres().schema());
    DataSource sqlite = SqliteFiles.readOnlyDataSource(dir.resolve("sqlite/out/typed.sqlite"));
    SessionFactoryImplementor onSqlite = factory(sqlite, Map.of());
    try {
      return new Engines(onSqlite, factory(pg, new HashMap<>(PostgresFormat.settings())));
    } catch (RuntimeException ex) {
      onSqlite.close();
      throw ex;
    }
  }

  private SessionFactoryImplementor factory(DataSource ds, Map<String, Object> settings) {
    return HibernateSetup.boot(
            "typed", List.of(Value.class), ds, getClass().getClassLoader(), settings)
        .sessionFactory();
  }

  private static List<List<Object>> read(SessionFactoryImplementor sf, String hql) {
    return sf.fromSession(
        s ->
            s.createSelectionQuery(hql, Value.class).getResultList().stream()
                .map(Value::values)
                .toList());
  }
}
