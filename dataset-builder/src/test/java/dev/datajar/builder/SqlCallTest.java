package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.catalog.Country;
import dev.datajar.builder.fixtures.keyed.Runway;
import dev.datajar.builder.fixtures.typed.Value;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.HibernateProbe;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, item 2: {@code sql()} reads on the row path (plain JDBC and the dataset's codecs) on
 * SQLite and on PostgreSQL. Records, basic values and entities hold the values the entity's own
 * reads give (every stored type of the {@code typed} fixture), parameters bind in the stored form,
 * a collection parameter expands to a list; and none of it starts Hibernate for the dataset, which
 * {@code query()} still does afterwards. An entity result the row path does not build (a composite
 * id) is read through Hibernate for that call.
 */
class SqlCallTest {
  /** Every column of {@code value}, by its attribute's name. */
  @SuppressWarnings("ArrayRecordComponent") // compared through values()
  record Row(
      long id,
      BigDecimal amount,
      BigInteger big,
      Double real,
      Float small,
      Boolean flag,
      String text,
      byte[] bytes,
      UUID ref,
      LocalDate day,
      LocalTime clock,
      LocalDateTime stamp,
      Instant instant,
      OffsetDateTime offsetStamp,
      Duration duration,
      byte[] lobBytes,
      String lobText) {
    /** Comparable with equals (bytes as text); the offset time as its instant, see below. */
    List<Object> values() {
      return Arrays.asList(
          id,
          amount,
          big,
          real,
          small,
          flag,
          text,
          bytes == null ? null : Arrays.toString(bytes),
          ref,
          day,
          clock,
          stamp,
          instant,
          offsetStamp == null ? null : offsetStamp.toInstant(),
          duration,
          lobBytes == null ? null : Arrays.toString(lobBytes),
          lobText);
    }
  }

  record Levels(Value.Level named, Value.Level ordinal) {}

  private static final String SELECT =
      "select \"id\", \"amount\", \"big\", \"real\", \"small\", \"flag\", \"text\", \"bytes\","
          + " \"ref\", \"day\", \"clock\", \"stamp\", \"instant\", \"offset_stamp\" as"
          + " \"offsetStamp\", \"duration\", \"lob_bytes\" as \"lobBytes\", \"lob_text\" as"
          + " \"lobText\" from \"value\"";

  @TempDir static Path dir;
  private static Fixtures.BothEngines engines;

  @BeforeAll
  static void build() throws Exception {
    engines = Fixtures.bothEngines(dir, "sql_call", "", "typed", "catalog", "keyed");
  }

  @AfterAll
  static void close() {
    if (engines != null) {
      engines.close();
    }
  }

  @Test
  void sqlite_readsRecordsValuesAndEntities_withoutHibernate() {
    readsWithoutHibernate(engines.sqlite(), false);
  }

  @Test
  void postgres_readsRecordsValuesAndEntities_withoutHibernate() {
    readsWithoutHibernate(engines.postgres(), true);
  }

  private static void readsWithoutHibernate(DataSets d, boolean postgres) {
    Store<Value> values = d.store(Value.class);
    List<Value> all = values.search(Query.all().orderBy("id"));
    assertEquals(5, all.size());
    assertFalse(HibernateProbe.started(d, "typed"), "the entity's reads started Hibernate");

    // Records: each component from the column labelled with its name, read with its codec.
    List<Row> rows = values.sql(SELECT + " order by \"id\"", Row.class);
    assertEquals(
        all.stream().map(SqlCallTest::expected).toList(), rows.stream().map(Row::values).toList());
    // On SQLite an OffsetDateTime keeps its offset (its text holds it); on PostgreSQL a
    // timestamptz column alone reads at offset 0, as Hibernate's addScalar read it.
    for (int i = 0; i < all.size(); i++) {
      OffsetDateTime stored = all.get(i).offsetStamp;
      OffsetDateTime read = rows.get(i).offsetStamp();
      if (stored != null) {
        assertEquals(postgres ? stored.withOffsetSameInstant(ZoneOffset.UTC) : stored, read);
      }
    }

    // Basic values, with parameters bound in the stored form and a collection expanded.
    Value first = all.get(0);
    Value last = all.get(all.size() - 1);
    if (first.day != null) {
      assertEquals(
          List.of(first.id),
          values.sql("select \"id\" from \"value\" where \"day\" = ?", Long.class, first.day));
      assertEquals(
          List.of(first.id),
          values.sql(
              "select \"id\" from \"value\" where \"id\" = ?2 and \"day\" = ?1",
              Long.class,
              first.day,
              first.id));
    }
    assertEquals(
        List.of(first.id, last.id),
        values.sql(
            "select \"id\" from \"value\" where \"id\" in (?) order by \"id\"",
            Long.class,
            List.of(last.id, first.id)));
    assertEquals(
        List.of((long) all.size()), values.sql("select count(*) from \"value\"", Long.class));

    // Enums: a name (text) or an ordinal (a number).
    assertEquals(
        all.stream().map(v -> new Levels(v.named, v.ordinal)).toList(),
        values.sql("select \"named\", \"ordinal\" from \"value\" order by \"id\"", Levels.class));

    // Entities: the row path's objects for the rows' ids.
    List<Value> entities =
        values.sql("select * from \"value\" where \"id\" >= ? order by \"id\"", Value.class, 0L);
    assertEquals(
        all.stream().map(Value::values).toList(), entities.stream().map(Value::values).toList());
    assertEquals(
        List.of("Germany"),
        d
            .store(Country.class)
            .sql("select * from country where code = ?", Country.class, "DE")
            .stream()
            .map(c -> c.name)
            .toList());

    assertFalse(HibernateProbe.started(d, "typed"), "sql() started Hibernate");
    assertFalse(HibernateProbe.started(d, "catalog"), "sql() started Hibernate");

    // An entity whose rows the row path does not build from an sql() result (a composite id) is
    // read through Hibernate for that call, the same objects as the entity's own reads.
    Store<Runway> runways = d.store(Runway.class);
    assertFalse(HibernateProbe.started(d, "keyed"));
    assertEquals(
        runways.search(Query.all().orderBy("airport").orderBy("number")).stream()
            .map(Runway::toString)
            .toList(),
        runways
            .sql(
                "select * from runway where number > ? order by airport, number",
                Runway.class,
                -1000)
            .stream()
            .map(Runway::toString)
            .toList());
    assertTrue(HibernateProbe.started(d, "keyed"));
    assertFalse(HibernateProbe.started(d, "typed"));

    // query() still runs through Hibernate, which it starts.
    assertEquals(
        List.of((long) all.size()), values.query("select count(v) from Value v", Long.class));
    assertTrue(HibernateProbe.started(d, "typed"));
  }

  private static List<Object> expected(Value v) {
    List<Object> e = new ArrayList<>(v.values());
    e.remove(16); // ordinal
    e.remove(15); // named
    e.set(13, v.offsetStamp == null ? null : v.offsetStamp.toInstant());
    return e;
  }
}
