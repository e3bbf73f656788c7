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
import dev.datajar.runtime.format.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way to write is refused, and the file's bytes never change. */
class WriteRefusalTest {
  @TempDir static Path root;
  static Injector injector;
  static Store<Country> countries;
  static String sha256;

  @BeforeAll
  static void open() throws Exception {
    Path file = Fixtures.geo(root);
    sha256 = Fixtures.sha256(file);
    injector =
        Guice.createInjector(DataSetModule.builder().classLoader(Fixtures.loader(root)).build());
    countries = injector.getInstance(Key.get(new TypeLiteral<Store<Country>>() {}));
  }

  @AfterAll
  static void close() throws Exception {
    injector.getInstance(DataSets.class).close();
    assertEquals(sha256, Fixtures.sha256(Fixtures.sqlite(root, "geo")));
  }

  @Test
  void hqlUpdate_isRefused() {
    ReadOnlyDataSetException e =
        assertThrows(
            ReadOnlyDataSetException.class,
            () -> countries.query("update Country set name = 'X'", Object.class));
    assertEquals(
        "dataset 'geo' is read-only: query() runs select statements only, not 'update"
            + " Country set name = 'X''. Change the dataset's sources and rebuild it instead.",
        e.getMessage());
    assertThrows(
        ReadOnlyDataSetException.class, () -> countries.query("delete from Country", Object.class));
  }

  @Test
  void sqlWrites_areRefused() {
    for (String sql :
        new String[] {
          "update country set name = 'X'",
          "delete from city",
          "insert into country (id, alpha2, area) values (99, 'XX', 1.0)",
          "drop table city",
          "create table t (x)",
          "pragma query_only = 0; delete from city"
        }) {
      ReadOnlyDataSetException e =
          assertThrows(
              ReadOnlyDataSetException.class, () -> countries.sql(sql, Integer.class), sql);
      assertTrue(
          e.getMessage().startsWith("dataset 'geo' is read-only: sql() runs queries only, not '"),
          e.getMessage());
    }
    assertEquals(10, countries.count());
  }

  @Test
  void changedEntities_areNeverWrittenBack() {
    Country fr = countries.get(1L).orElseThrow();
    fr.setName("Changed");
    assertEquals("France", countries.get(1L).orElseThrow().getName());
  }

  @Test
  void readOnlyConnections_refuseWritesAtTheSqliteLevel() throws SQLException {
    Path file = injector.getInstance(DataSets.class).file("geo");
    try (Connection c = SqliteFiles.openReadOnly(file);
        Statement s = c.createStatement()) {
      assertTrue(c.isReadOnly());
      SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("delete from city"));
      assertTrue(e.getMessage().contains("SQLITE_READONLY"), e.getMessage());
    }
  }
}
