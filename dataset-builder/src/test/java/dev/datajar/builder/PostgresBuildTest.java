package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.testing.postgres.TestPostgres;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Builds into a real PostgreSQL server ({@link TestPostgres}) and reads it back with SQL. */
class PostgresBuildTest {
  @TempDir Path dir;
  private String url;
  private int builds;

  @BeforeEach
  void database() {
    url = TestPostgres.get().createDatabase("build");
  }

  private PostgresTarget target(String version) {
    return new PostgresTarget(
        url, TestPostgres.get().user(), TestPostgres.get().password(), version);
  }

  @Test
  void build_loadsEveryTableWithNativeTypesKeysAndForeignKeys() throws Exception {
    BuildResult result =
        new DataSetBuilder()
            .build(Fixtures.request(dir, "catalog").postgres(target("1.2.0")).build());
    BuildResult.DataSetResult r = result.dataSets().get(0);
    Manifest m = manifest();
    String schema = m.postgres().schema();
    assertTrue(schema.matches("catalog_1_2_0_[0-9a-f]{10}"), schema);
    assertEquals(schema, r.postgresSchema());
    assertNull(r.file());
    assertNull(m.file(), "no SQLite file in the jar");
    assertFalse(Files.exists(dir.resolve("out/catalog.sqlite")));
    assertEquals("catalog\n", Files.readString(dir.resolve("out/index")), "the index lists it");
    assertEquals(21, r.rows());

    assertEquals(
        List.of(
            "CH|Switzerland, Confederation|7.7|1848-09-12|f",
            "DE|Germany|19.00|1949-05-23|t",
            "FR|France|20.0|null|t"),
        query(
            "select code, name, vat_rate, founded, eu_member from "
                + schema
                + ".country"
                + " order by code"));
    assertEquals(
        List.of(
            "1|Acme|DE|GOLD|123e4567-e89b-12d3-a456-426614174000",
            "2|Bolt & Co|null|SILVER|null",
            "3|Cogs|CH|null|null"),
        query(
            "select id, name, country_code, rating, ref from "
                + schema
                + ".supplier"
                + " order by id"));
    assertEquals(
        List.of("2|1", "3|1", "3|3", "4|2"),
        query("select * from " + schema + ".part_supplier order by 1, 2"));
    assertEquals(
        List.of("country.vat_rate numeric", "supplier.ref uuid"),
        query(
            "select table_name || '.' || column_name || ' ' || data_type from"
                + " information_schema.columns where table_schema = '"
                + schema
                + "' and"
                + " column_name in ('vat_rate', 'ref') order by 1"));
    assertEquals(
        List.of(
            "part.parent_id -> part",
            "part_supplier.part_id -> part",
            "part_supplier.suppliers_id -> supplier",
            "supplier.country_code -> country",
            "supplier_tags.supplier_id -> supplier",
            "warehouse.country_code -> country"),
        query(
                "select conrelid::regclass::text || '.' || a.attname || ' -> '"
                    + " || confrelid::regclass::text from pg_constraint c join pg_attribute a"
                    + " on a.attrelid = c.conrelid and a.attnum = c.conkey[1]"
                    + " where c.contype = 'f' and c.connamespace = '"
                    + schema
                    + "'::regnamespace"
                    + " order by 1")
            .stream()
            .map(s -> s.replace(schema + ".", ""))
            .toList());
    // Foreign keys the entities leave unnamed are named as PostgreSQL names them, not FK<hash>.
    assertEquals(
        List.of(
            "part_parent_id_fkey",
            "part_supplier_part_id_fkey",
            "part_supplier_suppliers_id_fkey",
            "supplier_country_code_fkey",
            "supplier_tags_supplier_id_fkey",
            "warehouse_country_code_fkey"),
        query(
            "select conname from pg_constraint where contype = 'f' and connamespace = '"
                + schema
                + "'::regnamespace order by 1"));
    assertEquals(
        List.of("part_name", "supplier_tags_supplier_id_tags", "uk_supplier_name"),
        query(
            "select indexname from"
                + " pg_indexes where schemaname = '"
                + schema
                + "' and indexname not like '%pkey'"
                + " order by 1"));
    assertEquals(
        List.of("3"),
        query(
            "select count(distinct attname) from pg_stats where"
                + " schemaname = '"
                + schema
                + "' and tablename = 'country' and attname in"
                + " ('code', 'name', 'vat_rate')"),
        "analyzed");
    assertEquals(
        List.of(
            "dataset|catalog",
            "rows_sha256|" + m.postgres().rowsSha256(),
            "schema_fingerprint|" + m.postgres().schemaFingerprint(),
            "version|1.2.0"),
        query(
            "select key, value from "
                + schema
                + ".datajar_metadata where key <>"
                + " 'datajar_version' order by key"));
    assertEquals(
        List.of(schema + "|catalog|1.2.0"),
        query("select schema_name, dataset, version from datajar.datasets"));
  }

  @Test
  void build_sameRowsFindTheirSchema_changedRowsGoBesideTheOldOne() throws Exception {
    new DataSetBuilder().build(Fixtures.request(dir, "catalog").postgres(target("1.0")).build());
    String first = manifest().postgres().schema();
    new DataSetBuilder().build(Fixtures.request(dir, "catalog").postgres(target("1.0")).build());
    assertEquals(first, manifest().postgres().schema(), "same rows, same schema");

    Path sources = copyCatalog();
    Files.writeString(
        sources.resolve("catalog/country.csv"),
        Files.readString(sources.resolve("catalog/country.csv")).replace("Germany", "Deutschland"));
    new DataSetBuilder()
        .build(
            Fixtures.request(dir, "catalog")
                .sourceDirectory(sources)
                .postgres(target("1.0"))
                .build());
    String second = manifest().postgres().schema();
    assertNotEquals(first, second);
    assertEquals(
        List.of("Germany"),
        query("select name from " + first + ".country" + " where code = 'DE'"),
        "the previous version stays until removed");
    assertEquals(
        List.of("Deutschland"),
        query("select name from " + second + ".country" + " where code = 'DE'"));
    assertEquals(2, query("select * from datajar.datasets").size());
  }

  /**
   * Issue 19: the same rows under another mapping (a column renamed, an index added) at the same
   * version get a schema of their own, which the runtime opens with the new classes; the first
   * schema stays for the jar built with the old ones.
   */
  @Test
  void build_sameRowsWithAnotherMappingGetASchemaTheRuntimeOpens() throws Exception {
    Path v1 = relabel("v1", "id,title\n1,Amsterdam\n2,Eindhoven\n");
    String first = manifestIn(v1).postgres().schema();
    Path v2 = relabel("v2", "id,name\n1,Amsterdam\n2,Eindhoven\n");
    Manifest second = manifestIn(v2);
    assertEquals(
        manifestIn(v1).postgres().rowsSha256(), second.postgres().rowsSha256(), "the same rows");
    assertNotEquals(first, second.postgres().schema(), "another mapping, another schema");
    assertTrue(second.postgres().schema().matches("relabel_1_0_[0-9a-f]{10}"));
    assertEquals(
        List.of("name"),
        query(
            "select column_name from information_schema.columns where table_schema = '"
                + second.postgres().schema()
                + "' and table_name = 'place' and column_name <> 'id'"));
    String jdbc = url + "?user=" + TestPostgres.get().user();
    try (DataSets sets =
        DataSets.builder()
            .classLoader(new URLClassLoader(new URL[] {v2.toUri().toURL()}, loader()))
            .dataSets("relabel")
            .jdbc("relabel", jdbc)
            .open()) {
      Store<dev.datajar.builder.fixtures.relabel.v2.Place> places =
          sets.store(dev.datajar.builder.fixtures.relabel.v2.Place.class);
      assertEquals("Eindhoven", places.get(2L).orElseThrow().name);
      assertEquals(2, places.count(Query.all()));
    }
    try (DataSets sets =
        DataSets.builder()
            .classLoader(new URLClassLoader(new URL[] {v1.toUri().toURL()}, loader()))
            .dataSets("relabel")
            .jdbc("relabel", jdbc)
            .open()) {
      assertEquals(
          "Amsterdam",
          sets.store(dev.datajar.builder.fixtures.relabel.v1.Place.class)
              .get(1L)
              .orElseThrow()
              .title,
          "the jar built with the first mapping still opens its own schema");
    }

    // The same rows and mapping again: the schema is found (and its metadata checked), not loaded
    // a second time.
    relabel("v2", "id,name\n1,Amsterdam\n2,Eindhoven\n");
    assertEquals(second.postgres().schema(), manifestIn(v2).postgres().schema());
    assertEquals(2, query("select * from datajar.datasets").size());
  }

  /** A schema of the build's name that records other rows was changed by hand: never reused. */
  @Test
  void build_refusesASchemaOfItsNameThatRecordsSomethingElse() throws Exception {
    String csv = "id,name\n1,Amsterdam\n";
    String schema = manifestIn(relabel("v2", csv)).postgres().schema();
    try (Connection c = TestPostgres.get().connect(url);
        Statement s = c.createStatement()) {
      s.execute(
          "update "
              + schema
              + ".datajar_metadata set value = 'edited' where key = 'schema_fingerprint'");
    }
    DataSetBuildException e = assertThrows(DataSetBuildException.class, () -> relabel("v2", csv));
    assertTrue(
        e.getMessage()
            .startsWith(
                "dataset 'relabel': PostgreSQL schema "
                    + schema
                    + " already exists but does not record this build's rows and tables"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                "It was not made by datajar, or was changed since. Drop it (drop schema "
                    + schema
                    + " cascade) and build again."),
        e.getMessage());
  }

  /**
   * Builds dataset 'relabel' from the classes of fixture package {@code relabel.<variant>} alone
   * (copied to a class folder of their own) and {@code csv} as place.csv, into PostgreSQL at
   * version 1.0; returns the class-path root whose META-INF/datasets has the manifest.
   */
  private Path relabel(String variant, String csv) throws Exception {
    String pkg = "dev/datajar/builder/fixtures/relabel/" + variant;
    Path classes = dir.resolve("classes-" + variant);
    Files.createDirectories(classes.resolve(pkg));
    try (var files = Files.list(Fixtures.CLASSES.resolve(pkg))) {
      for (Path f : files.toList()) {
        Files.copy(
            f, classes.resolve(pkg).resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path sources = dir.resolve("sources-" + variant);
    Files.createDirectories(sources.resolve("relabel"));
    Files.writeString(sources.resolve("relabel/place.csv"), csv);
    Path root = dir.resolve("jar-" + variant);
    new DataSetBuilder()
        .build(
            Fixtures.request(dir, "relabel")
                .classesDirectory(classes)
                .sourceDirectory(sources)
                .outputDirectory(root.resolve("META-INF/datasets"))
                .workDirectory(dir.resolve("work-" + ++builds)) // never up to date: always built
                .postgres(target("1.0"))
                .build());
    return root;
  }

  private static Manifest manifestIn(Path root) throws Exception {
    try (InputStream in =
        Files.newInputStream(root.resolve("META-INF/datasets/relabel.manifest.json"))) {
      return Manifest.read(in, "manifest");
    }
  }

  private static ClassLoader loader() {
    return PostgresBuildTest.class.getClassLoader();
  }

  @Test
  void build_thatFailsAtTheLastStepLeavesNoSchemaBehind() throws Exception {
    try (Connection c = TestPostgres.get().connect(url);
        Statement s = c.createStatement()) {
      // A registry that refuses every row: the load fails after everything else is done.
      s.execute("create schema datajar");
      s.execute(
          "create table datajar.datasets (schema_name text primary key, dataset text,"
              + " version text, rows_sha256 text, loaded_at timestamptz, check (false))");
    }
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new DataSetBuilder()
                    .build(Fixtures.request(dir, "catalog").postgres(target("1.0")).build()));
    assertTrue(e.getMessage().startsWith("dataset 'catalog': PostgreSQL failed: "), e.getMessage());
    assertEquals(
        List.of("datajar", "public"),
        query(
            "select nspname from pg_namespace where"
                + " nspname not like 'pg_%' and nspname <> 'information_schema' order by 1"));
    assertFalse(Files.exists(dir.resolve("out/catalog.manifest.json")));
  }

  @Test
  void build_refusesAZonedPartOfACompositeKey_andLeavesNothingBehind() throws Exception {
    DataSetBuildException e =
        assertThrows(
            DataSetBuildException.class,
            () ->
                new DataSetBuilder()
                    .build(Fixtures.request(dir, "zonedkeys").postgres(target("1")).build()));
    assertEquals(
        "dataset 'zonedkeys', entity Slot: the composite key's part Slot.starts is of type"
            + " OffsetDateTime, which PostgreSQL keeps as two columns (the instant and its offset"
            + " or zone); datajar cannot read such a key from PostgreSQL. Fix: make that key part"
            + " an Instant (and keep the offset or zone in an attribute outside the key), or build"
            + " this dataset for SQLite (no dataset.jdbc.url)",
        e.getMessage());
    assertEquals(List.of(e.getMessage()), e.problems());
    try (Connection c =
        java.sql.DriverManager.getConnection(
            url, TestPostgres.get().user(), TestPostgres.get().password())) {
      assertEquals(
          List.of("0"),
          Fixtures.query(
              c,
              "select count(*) from information_schema.schemata"
                  + " where schema_name like 'zonedkeys%'"));
    }
  }

  @Test
  void build_namesTheServerWhenItCannotConnect() {
    PostgresTarget nowhere =
        new PostgresTarget(
            TestPostgres.get().url("no_such_db"), TestPostgres.get().user(), null, "1");
    DataSetBuildException e =
        assertThrows(
            DataSetBuildException.class,
            () ->
                new DataSetBuilder()
                    .build(Fixtures.request(dir, "catalog").postgres(nowhere).build()));
    assertTrue(
        e.getMessage()
            .startsWith(
                "dataset 'catalog': cannot connect to "
                    + TestPostgres.get().url("no_such_db")
                    + " as '"
                    + TestPostgres.get().user()
                    + "': "),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                ". Check the URL (dataset.jdbc.url) and the credentials"
                    + " (DATAJAR_JDBC_USER/DATAJAR_JDBC_PASSWORD, or a <server> in settings.xml named by"
                    + " dataset.jdbc.server)"),
        e.getMessage());
  }

  @Test
  void build_namesTheServerWhenNothingListensOnThePort_inSentencesWithOnePeriod() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    PostgresTarget closed =
        new PostgresTarget(
            "jdbc:postgresql://127.0.0.1:" + port + "/db", TestPostgres.get().user(), null, "1");
    DataSetBuildException e =
        assertThrows(
            DataSetBuildException.class,
            () ->
                new DataSetBuilder()
                    .build(Fixtures.request(dir, "catalog").postgres(closed).build()));
    assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    assertTrue(e.getMessage().contains("refused"), e.getMessage());
    assertFalse(e.getMessage().contains(".."), e.getMessage()); // pgjdbc's sentence ends in one
  }

  /** Bad data fails exactly as it does for a SQLite build, and creates no schema. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-an-integer",
        "duplicate-primary-key",
        "unique-violation",
        "dangling-foreign-key",
        "null-in-not-null"
      })
  void build_reportsBadDataAsForSqlite(String name) throws Exception {
    Path cases = Path.of("src/test/resources/bad");
    DataSetBuildException e =
        assertThrows(
            DataSetBuildException.class,
            () ->
                new DataSetBuilder()
                    .build(
                        Fixtures.request(dir, "broken")
                            .sourceDirectory(cases.resolve(name))
                            .postgres(target("1"))
                            .build()));
    assertEquals(
        Files.readString(cases.resolve(name).resolve("expected.txt"), StandardCharsets.UTF_8)
            .stripTrailing(),
        e.getMessage());
    assertEquals(
        List.of("public"),
        query(
            "select nspname from pg_namespace where"
                + " nspname not like 'pg_%' and nspname <> 'information_schema'"));
  }

  @Test
  void build_refusesTimesPostgresCannotHold_andCreatesNoSchema() throws Exception {
    Path sources = dir.resolve("src");
    Files.createDirectories(sources.resolve("typed"));
    Files.writeString(
        sources.resolve("typed/value.csv"),
        "id,clock,instant\n"
            + "1,12:00:00.5,\n7,23:59:59.999999999,2024-01-02T03:04:05.123456789Z\n");
    DataSetBuildException e =
        assertThrows(
            DataSetBuildException.class,
            () ->
                new DataSetBuilder()
                    .build(
                        Fixtures.request(dir, "typed")
                            .sourceDirectory(sources)
                            .postgres(target("1"))
                            .build()));
    assertEquals(
        "dataset 'typed': 2 problems in the rows for PostgreSQL:\n"
            + "  1) table 'value', row id = 7: column 'clock' (Value.clock): '23:59:59.999999999' has"
            + " nanoseconds, and PostgreSQL keeps times to the microsecond. Round the value to"
            + " microseconds, or keep this dataset in SQLite.\n"
            + "  2) table 'value', row id = 7: column 'instant' (Value.instant):"
            + " '2024-01-02T03:04:05.123456789Z' has nanoseconds, and PostgreSQL keeps times to the"
            + " microsecond. Round the value to microseconds, or keep this dataset in SQLite.\n"
            + "2 problems",
        e.getMessage());
    assertEquals(
        List.of("public"),
        query(
            "select nspname from pg_namespace where"
                + " nspname not like 'pg_%' and nspname <> 'information_schema'"));
  }

  /**
   * Rows reach COPY in batches while SQLite loads them, and the batch arrays are reused: a table of
   * many batches must arrive whole, each row once and with its own values.
   */
  @Test
  void build_streamsManyBatchesIntoCopy_eachRowOnceWithItsValues() throws Exception {
    Path sources = dir.resolve("src");
    Files.createDirectories(sources.resolve("typed"));
    StringBuilder csv = new StringBuilder("id,text,amount\n");
    int rows = 10_000; // about ten of the loader's batches
    for (int i = 1; i <= rows; i++) {
      csv.append(i).append(",row ").append(i).append(',').append(i).append(".50\n");
    }
    Files.writeString(sources.resolve("typed/value.csv"), csv);
    new DataSetBuilder()
        .build(
            Fixtures.request(dir, "typed").sourceDirectory(sources).postgres(target("1")).build());
    String schema;
    try (InputStream in = Files.newInputStream(dir.resolve("out/typed.manifest.json"))) {
      schema = Manifest.read(in, "manifest").postgres().schema();
    }
    assertEquals(
        List.of(rows + "|" + rows + "|" + ((long) rows * (rows + 1) / 2) + "|0"),
        query(
            "select count(*), count(distinct id), sum(id), count(*) filter (where text <> 'row '"
                + " || id or amount <> id + 0.5) from "
                + schema
                + ".value"));
    assertEquals(
        List.of("9999|row 9999|9999.50"),
        query("select id, text, amount from " + schema + ".value where id = 9999"));
  }

  private Path copyCatalog() throws Exception {
    Path sources = dir.resolve("src");
    Files.createDirectories(sources.resolve("catalog"));
    try (var files = Files.list(Fixtures.SOURCES.resolve("catalog"))) {
      for (Path f : files.toList()) {
        Files.copy(f, sources.resolve("catalog").resolve(f.getFileName()));
      }
    }
    return sources;
  }

  private Manifest manifest() throws Exception {
    try (InputStream in = Files.newInputStream(dir.resolve("out/catalog.manifest.json"))) {
      return Manifest.read(in, "manifest");
    }
  }

  private List<String> query(String sql) throws SQLException {
    try (Connection c = TestPostgres.get().connect(url)) {
      return Fixtures.query(c, sql);
    }
  }
}
