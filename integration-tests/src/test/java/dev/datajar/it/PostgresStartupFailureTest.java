package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.datajar.it.shop.Product;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.testing.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
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
                    + " -Ddatajar.shop.jdbc=jdbc:postgresql://host:port/database (or DATAJAR_SHOP_JDBC, or"
                    + " DataSetModule.builder().jdbc(\"shop\", url))."),
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

  @Test
  void sqliteDataSet_boundToPostgres() {
    DataSetOpenException e =
        Injectors.startFailure(
            DataSetModule.builder().dataSets("shop").jdbc("shop", built.url()).build());
    assertEquals(
        "dataset 'shop' is bound to PostgreSQL ("
            + built.url()
            + ", from"
            + " DataSetModule.builder().jdbc(\"shop\", ...)), but its manifest names no PostgreSQL"
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
