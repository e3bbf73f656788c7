package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.it.shop.Product;
import dev.datajar.runtime.DataSetInfo;
import dev.datajar.runtime.DataSets;
import dev.datajar.testing.postgres.TestPostgres;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
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

  /**
   * A dataset built into PostgreSQL whose manifest comes from a jar: the jar's coordinates and
   * build time, as for a SQLite dataset in a jar (they say which version's schema is served).
   */
  @Test
  void info_ofAJarBuiltIntoPostgres_namesItsArtifactAndBuildTime() throws Exception {
    TestPostgres pg = TestPostgres.get();
    String url = pg.createDatabase("datasetinfojar");
    PostgresDataSets.Built built = PostgresDataSets.build(url, pg.user());
    Path jar = Files.createTempFile("shop-in-postgres", ".jar");
    Instant stamp = Instant.parse("2026-01-02T03:04:05Z");
    try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(built.folder().resolve("META-INF"))) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        JarEntry e = new JarEntry(built.folder().relativize(f).toString().replace('\\', '/'));
        e.setLastModifiedTime(FileTime.from(stamp)); // as project.build.outputTimestamp sets it
        j.putNextEntry(e);
        Files.copy(f, j);
        j.closeEntry();
      }
      j.putNextEntry(new JarEntry("META-INF/maven/com.example/shop-data/pom.properties"));
      j.write(
          "groupId=com.example\nartifactId=shop-data\nversion=2.0.1\n"
              .getBytes(StandardCharsets.UTF_8));
      j.closeEntry();
    }
    try (URLClassLoader inJar = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        DataSets dataSets =
            DataSets.builder()
                .classLoader(
                    new PostgresDataSets.ManifestsFirst(
                        inJar::findResource, getClass().getClassLoader()))
                .dataSets("shop")
                .jdbc("shop", built.url())
                .open()) {
      DataSetInfo info = dataSets.info("shop");
      assertEquals(new DataSetInfo.Artifact("com.example", "shop-data", "2.0.1"), info.artifact());
      assertEquals(stamp, info.builtAt());
      assertTrue(info.schema() != null && info.schema().startsWith("shop"), info.schema());
      assertTrue(dataSets.store(Product.class).count() > 0);
    }
  }
}
