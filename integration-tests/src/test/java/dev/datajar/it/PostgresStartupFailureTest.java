package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.datajar.it.shop.Product;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.testing.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Start-up checks of a dataset read from PostgreSQL, each with its message pinned. */
class PostgresStartupFailureTest {
  private static PostgresDataSets.Built built;

  @BeforeAll
  static void build() {
    built = PostgresDataSets.build();
  }

  private static DataSetModule.Builder module() {
    return DataSetModule.builder().classLoader(built.classLoader()).dataSets("shop");
  }

  @Test
  void opens_andReads() {
    Injector i = Guice.createInjector(module().jdbc("shop", built.url()).build());
    assertEquals(11, Injectors.store(i, Product.class).count());
  }

  @Test
  void builtIntoPostgres_butNoDatabaseGiven() {
    DataSetOpenException e = Injectors.startFailure(module().build());
    assertTrue(
        e.getMessage().startsWith("dataset 'shop' was built into PostgreSQL (schema shop_1_0_"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                "and no database is given for it. Set"
                    + " -Ddatajar.shop.jdbc=jdbc:postgresql://host:port/database (or DATAJAR_SHOP_JDBC, jdbc(\"shop\","
                    + " url) on DataSets.builder() or DataSetModule.builder(), or datajar.jdbc.shop"
                    + " in Spring Boot)."),
        e.getMessage());
  }

  @Test
  void boundToAnotherDatabase_findsNoSchema() {
    String other =
        TestPostgres.get().createDatabase("other") + "?user=" + TestPostgres.get().user();
    DataSetOpenException e = Injectors.startFailure(module().jdbc("shop", other).build());
    assertTrue(
        e.getMessage()
            .matches(
                "dataset 'shop': schema shop_1_0_[0-9a-f]{10} \\(named by"
                    + " its manifest\\) does not exist in \\Q"
                    + other
                    + "\\E\\. Build the dataset into this"
                    + " database \\(mvn package -Ddataset.jdbc.url=\\.\\.\\.\\), or bind the dataset to the"
                    + " database it was built into\\."),
        e.getMessage());
  }

  /**
   * Issue 19: a password in the URL appears in no message and no log record, whatever fails: no
   * schema in the database, a database that does not exist, a server that does not answer.
   */
  @Test
  void aPasswordInTheUrl_isInNoMessageAndNoLog() throws Exception {
    String secret = "s3cret-pw";
    TestPostgres pg = TestPostgres.get();
    List<String> urls =
        List.of(
            pg.createDatabase("other") + "?user=" + pg.user() + "&password=" + secret,
            pg.url("no_such_database") + "?password=" + secret + "&user=" + pg.user(),
            "jdbc:postgresql://127.0.0.1:1/x?password=" + secret);
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    java.util.logging.Level level = root.getLevel();
    List<String> records = new ArrayList<>();
    java.util.logging.Handler handler =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord r) {
            records.add(
                r.getMessage()
                    + " "
                    + java.util.Arrays.toString(r.getParameters())
                    + " "
                    + r.getThrown());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    root.setLevel(java.util.logging.Level.ALL);
    root.addHandler(handler);
    try {
      for (String url : urls) {
        DataSetOpenException e = Injectors.startFailure(module().jdbc("shop", url).build());
        for (Throwable t = e; t != null; t = t.getCause()) {
          assertFalse(String.valueOf(t.getMessage()).contains(secret), t.toString());
        }
        assertFalse(e.getMessage().contains("password="), e.getMessage());
      }
    } finally {
      root.removeHandler(handler);
      root.setLevel(level);
    }
    for (String r : records) {
      assertFalse(r.contains(secret), r);
    }
  }

  @Test
  void sqliteDataSet_boundToPostgres() {
    DataSetOpenException e =
        Injectors.startFailure(
            DataSetModule.builder().dataSets("shop").jdbc("shop", built.url()).build());
    assertEquals(
        "dataset 'shop' is bound to PostgreSQL ("
            + built.url()
            + ", from"
            + " jdbc(\"shop\", ...) on the builder, or datajar.jdbc.shop in Spring Boot), but its manifest names no PostgreSQL"
            + " schema: the dataset was built into a SQLite file. Build it into that database (mvn"
            + " package -Ddataset.jdbc.url="
            + built.url()
            + "), or remove the binding to read the"
            + " file.",
        e.getMessage());
  }

  @Test
  void rowsChangedInTheDatabase_areRefused() throws Exception {
    String url = PostgresDataSets.build().url(); // a database of its own: it gets changed
    String schema;
    try (Connection c = TestPostgres.get().connect(url);
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("select schema_name from datajar.datasets where dataset = 'shop'");
      rs.next();
      schema = rs.getString(1);
      s.execute("update " + schema + ".datajar_metadata set value = 'x' where key = 'rows_sha256'");
    }
    DataSetOpenException e = Injectors.startFailure(module().jdbc("shop", url).build());
    assertTrue(
        e.getMessage()
            .startsWith(
                "dataset 'shop': schema "
                    + schema
                    + " in "
                    + url
                    + " records rows with sha256 x, but the manifest says "),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                ": the schema does not hold the rows this jar was built"
                    + " with. Build the dataset again, or drop the schema and build it again."),
        e.getMessage());
  }
}
