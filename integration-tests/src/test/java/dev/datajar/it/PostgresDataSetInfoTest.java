package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.it.shop.Product;
import dev.datajar.runtime.DataSetInfo;
import dev.datajar.runtime.DataSets;
import dev.datajar.testing.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link DataSets#info} of a dataset read from PostgreSQL: its schema, the checksum of its rows,
 * rows per table as the server has them, and the JDBC URL it was opened from without its password.
 */
class PostgresDataSetInfoTest {

  @Test
  void info_namesTheSchemaRowsAndUrlWithoutPassword() throws Exception {
    TestPostgres pg = TestPostgres.get();
    String url = pg.createDatabase("datasetinfo");
    PostgresDataSets.Built built = PostgresDataSets.build(url, pg.user());
    String password = pg.password() == null ? "never-shown" : pg.password();
    Instant before = Instant.now();
    try (DataSets dataSets =
        DataSets.builder()
            .classLoader(built.classLoader())
            .dataSets("shop")
            .jdbc("shop", built.url() + "&password=" + password)
            .open()) {
      assertTrue(dataSets.store(Product.class).count() > 0);
      DataSetInfo info = dataSets.info("shop");
      assertEquals("shop", info.name());
      assertNull(info.file());
      assertNull(info.artifact(), "manifests of this build are read from a folder");
      assertTrue(info.schema() != null && info.schema().startsWith("shop"), info.schema());
      assertEquals(64, info.sha256().length(), info.sha256());
      assertTrue(info.source().startsWith(url), info.source());
      assertFalse(info.source().contains(password), info.source());
      assertFalse(info.servedSince().isBefore(before));
      assertFalse(info.datajarVersion().isEmpty());
      // Rows per table are what the server holds in that schema.
      try (Connection c = pg.connect(url);
          Statement s = c.createStatement()) {
        for (Map.Entry<String, Long> table : info.tables().entrySet()) {
          try (ResultSet rs =
              s.executeQuery(
                  "select count(*) from \"" + info.schema() + "\".\"" + table.getKey() + "\"")) {
            rs.next();
            assertEquals(rs.getLong(1), table.getValue(), table.getKey());
          }
        }
      }
      assertTrue(info.tables().containsKey("product"), info.tables().toString());
      assertTrue(info.totalRows() > 0);
    }
  }
}
