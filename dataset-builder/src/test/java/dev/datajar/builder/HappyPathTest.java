package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.catalog.Country;
import dev.datajar.builder.fixtures.catalog.Part;
import dev.datajar.builder.fixtures.catalog.Supplier;
import dev.datajar.builder.fixtures.catalog.Warehouse;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.HibernateSetup;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.SqliteFiles;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HappyPathTest {
  @TempDir Path dir;

  /**
   * A collection table without any source is refused (NestedMappingsTest); one whose file has only
   * a header line is loaded empty.
   */
  @Test
  void build_loadsHeaderOnlyCollectionFilesAsEmptyTables() throws Exception {
    Path sources = dir.resolve("src/catalog");
    Files.createDirectories(sources);
    try (var files = Files.list(Fixtures.SOURCES.resolve("catalog"))) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (!name.equals("part_supplier.csv") && !name.equals("supplier_tags.jsonl")) {
          Files.copy(f, sources.resolve(name));
        }
      }
    }
    Files.writeString(sources.resolve("part_supplier.csv"), "part_id,suppliers_id\n");
    Files.writeString(sources.resolve("supplier_tags.jsonl"), "");
    BuildResult result =
        new DataSetBuilder()
            .build(Fixtures.request(dir, "catalog").sourceDirectory(dir.resolve("src")).build());
    assertEquals(6 + 3 + 3 + 2, result.dataSets().get(0).rows());
    assertEquals(
        List.of("0|0"),
        Fixtures.query(
            dir.resolve("out/catalog.sqlite"),
            "select (select count(*) from part_supplier), (select count(*) from supplier_tags)"));
  }

  @Test
  void build_givesAFileHibernateReadsBack() throws Exception {
    new DataSetBuilder().build(Fixtures.request(dir, "catalog").build());
    Path file = dir.resolve("out/catalog.sqlite");
    List<Class<?>> entities = List.of(Country.class, Part.class, Supplier.class, Warehouse.class);
    HibernateSetup.Booted booted =
        HibernateSetup.boot(
            "catalog",
            entities,
            SqliteFiles.readOnlyDataSource(file),
            getClass().getClassLoader(),
            Map.of());
    SessionFactoryImplementor sf = booted.sessionFactory();
    try (booted;
        Connection c = SqliteFiles.openReadOnly(file)) {
      assertEquals(List.of(), booted.schema().differencesFrom(c));
      sf.inTransaction(
          session -> {
            Part bell = session.find(Part.class, 5L);
            assertEquals("handlebar", bell.parent.name);
            assertEquals("bike", bell.parent.parent.parent.name);
            Part spoke = session.find(Part.class, 3L);
            assertEquals(
                List.of("Acme", "Cogs"),
                spoke.suppliers.stream().map(x -> x.name).sorted().toList());
            Supplier acme = session.find(Supplier.class, 1L);
            assertEquals(java.util.Set.of("fast", "metal"), acme.tags);
            assertEquals(Supplier.Rating.GOLD, acme.rating);
            assertEquals(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), acme.ref);
            assertEquals(new BigDecimal("19.00"), acme.country.vatRate);
            assertEquals(LocalDate.of(1949, 5, 23), acme.country.founded);
            assertTrue(acme.country.euMember);
            assertEquals("EUR", acme.country.currency, "from @ColumnDefault");
            assertEquals("CH", session.find(Warehouse.class, 2).country.code);
          });
    }
  }

  @Test
  void build_loadsEverySourceKindAndRelationship() throws Exception {
    Fixtures.RecordingLog log = new Fixtures.RecordingLog();
    BuildResult result =
        new DataSetBuilder().build(Fixtures.request(dir, "catalog").log(log).build());

    Path file = dir.resolve("out/catalog.sqlite");
    assertEquals(1, result.dataSets().size());
    BuildResult.DataSetResult r = result.dataSets().get(0);
    assertEquals("catalog", r.name());
    assertEquals(file, r.file());
    assertFalse(r.upToDate());
    assertEquals(6, r.tables());
    assertEquals(3 + 6 + 4 + 3 + 3 + 2, r.rows());

    assertEquals(
        List.of(
            "CH|Switzerland, Confederation|7.7|1848-09-12|0",
            "DE|Germany|19.00|1949-05-23|1",
            "FR|France|20.0|null|1"),
        Fixtures.query(
            file,
            "select code, name, vat_rate, founded, eu_member from country" + " order by code"));
    assertEquals(
        List.of(
            "1|Acme|DE|GOLD|123e4567-e89b-12d3-a456-426614174000",
            "2|Bolt & Co|null|SILVER|null",
            "3|Cogs|CH|null|null"),
        Fixtures.query(file, "select id, name, country_code, rating, ref from supplier"));
    assertEquals(
        List.of("1|fast", "1|metal", "3|cheap"),
        Fixtures.query(file, "select * from supplier_tags order by 1, 2"));
    assertEquals(
        List.of("1|null", "2|1", "3|2", "4|1", "5|6", "6|4"),
        Fixtures.query(file, "select id, parent_id from part order by id"));
    assertEquals(
        List.of("2|1", "3|1", "3|3", "4|2"),
        Fixtures.query(file, "select * from part_supplier order by 1, 2"));
    assertEquals(
        List.of("1|Hamburg|DE", "2|Geneva|CH"),
        Fixtures.query(file, "select id, city, country_code from warehouse order by id"));

    assertEquals(
        List.of(Integer.toString(DataSetLayout.APPLICATION_ID)),
        Fixtures.query(file, "pragma application_id"));
    assertEquals(List.of("1"), Fixtures.query(file, "pragma user_version"));
    assertEquals(List.of("delete"), Fixtures.query(file, "pragma journal_mode"));
    assertEquals(
        List.of("datajarVersion|0.1.0-SNAPSHOT", "formatVersion|1", "name|catalog"),
        Fixtures.query(
            file,
            "select key, value from datajar_metadata"
                + " where key <> 'schemaFingerprint' order by key"));
    // supplier_tags' unique key (a Set's element collection) is unnamed in the entities: named
    // <table>_<columns>, not Hibernate's UK and a hash (issue 21); the same in PostgresBuildTest.
    assertEquals(
        List.of("part_name", "supplier_tags_supplier_id_tags", "uk_supplier_name"),
        Fixtures.query(
            file,
            "select name from sqlite_schema where type = 'index' and name not like 'sqlite_%'"
                + " order by name"));
    assertFalse(Fixtures.query(file, "select * from sqlite_stat1").isEmpty(), "analyzed");

    Manifest m;
    try (InputStream in = Files.newInputStream(dir.resolve("out/catalog.manifest.json"))) {
      m = Manifest.read(in, "manifest");
    }
    assertEquals(Files.size(file), m.bytes());
    assertEquals(
        List.of(
            "country.csv",
            "part.csv",
            "part_supplier.csv",
            "supplier.json",
            "supplier_tags.jsonl",
            "warehouses.txt"),
        m.sources().stream().map(s -> s.path()).toList());
    assertEquals(
        List.of("country", "part", "part_supplier", "supplier", "supplier_tags", "warehouse"),
        m.tables().stream().map(t -> t.name()).toList());
    assertEquals(Part.class.getPackageName() + ".Country", m.entities().get(0));
    assertEquals("catalog\n", Files.readString(dir.resolve("out/index"), StandardCharsets.UTF_8));
    assertTrue(
        log.lines.stream()
            .anyMatch(l -> l.startsWith("DEBUG dataset 'catalog': 6 table(s)," + " 21 rows, ")),
        log.lines.toString());
    try (var files = Files.list(dir.resolve("work"))) {
      assertEquals(
          List.of("catalog.inputs", "catalog.lock"),
          files.map(f -> f.getFileName().toString()).sorted().toList(),
          "no temporary files left");
    }
  }
}
