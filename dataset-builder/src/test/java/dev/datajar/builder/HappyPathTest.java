package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.catalog.Part;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.Manifest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HappyPathTest {
  @TempDir Path dir;

  @Test
  void build_loadsEverySourceKindAndRelationship() throws Exception {
    Fixtures.RecordingLog log = new Fixtures.RecordingLog();
    BuildResult result = new DataSetBuilder().build(Fixtures.request(dir, "catalog").log(log)
        .build());

    Path file = dir.resolve("out/catalog.sqlite");
    assertEquals(1, result.dataSets().size());
    BuildResult.DataSetResult r = result.dataSets().get(0);
    assertEquals("catalog", r.name());
    assertEquals(file, r.file());
    assertFalse(r.upToDate());
    assertEquals(6, r.tables());
    assertEquals(3 + 6 + 4 + 3 + 3 + 2, r.rows());

    assertEquals(List.of("CH|Switzerland, Confederation|7.7|1848-09-12|0",
            "DE|Germany|19.00|1949-05-23|1", "FR|France|20.0|null|1"),
        Fixtures.query(file, "select code, name, vat_rate, founded, eu_member from country"
            + " order by code"));
    assertEquals(List.of("1|Acme|DE|GOLD|123e4567-e89b-12d3-a456-426614174000",
            "2|Bolt & Co|null|SILVER|null", "3|Cogs|CH|null|null"),
        Fixtures.query(file, "select id, name, country_code, rating, ref from supplier"));
    assertEquals(List.of("1|fast", "1|metal", "3|cheap"),
        Fixtures.query(file, "select * from supplier_tags order by 1, 2"));
    assertEquals(List.of("1|null", "2|1", "3|2", "4|1", "5|6", "6|4"),
        Fixtures.query(file, "select id, parent_id from part order by id"));
    assertEquals(List.of("2|1", "3|1", "3|3", "4|2"),
        Fixtures.query(file, "select * from part_supplier order by 1, 2"));
    assertEquals(List.of("1|Hamburg|DE", "2|Geneva|CH"),
        Fixtures.query(file, "select id, city, country_code from warehouse order by id"));

    assertEquals(List.of(Integer.toString(DataSetLayout.APPLICATION_ID)),
        Fixtures.query(file, "pragma application_id"));
    assertEquals(List.of("1"), Fixtures.query(file, "pragma user_version"));
    assertEquals(List.of("delete"), Fixtures.query(file, "pragma journal_mode"));
    assertEquals(List.of("datajarVersion|0.1.0-SNAPSHOT", "formatVersion|1", "name|catalog"),
        Fixtures.query(file, "select key, value from datajar_metadata"
            + " where key <> 'schemaFingerprint' order by key"));
    assertEquals(List.of("part_name", "uk_supplier_name"), Fixtures.query(file,
        "select name from sqlite_schema where type = 'index' and name not like 'sqlite_%'"
            + " and name not glob 'UK*' order by name"));
    assertFalse(Fixtures.query(file, "select * from sqlite_stat1").isEmpty(), "analyzed");

    Manifest m;
    try (InputStream in = Files.newInputStream(dir.resolve("out/catalog.manifest.json"))) {
      m = Manifest.read(in, "manifest");
    }
    assertEquals(Files.size(file), m.bytes());
    assertEquals(List.of("country.csv", "part.csv", "part_supplier.csv", "supplier.json",
        "supplier_tags.jsonl", "warehouses.txt"), m.sources().stream().map(s -> s.path())
        .toList());
    assertEquals(List.of("country", "part", "part_supplier", "supplier", "supplier_tags",
        "warehouse"), m.tables().stream().map(t -> t.name()).toList());
    assertEquals(Part.class.getPackageName() + ".Country", m.entities().get(0));
    assertEquals("catalog\n", Files.readString(dir.resolve("out/index"),
        StandardCharsets.UTF_8));
    assertTrue(log.lines.stream().anyMatch(l -> l.startsWith("INFO dataset 'catalog': 6 tables,"
        + " 21 rows, ")), log.lines.toString());
    try (var files = Files.list(dir.resolve("work"))) {
      assertEquals(List.of("catalog.inputs"), files.map(f -> f.getFileName().toString())
          .toList(), "no temporary files left");
    }
  }
}
