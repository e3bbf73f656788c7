package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 12: mappings a dataset cannot hold are refused once, before Hibernate boots (so
 * without its stack traces), each with its own reason; ids Hibernate does not need to generate, and
 * {@code @Version}, load like any column.
 */
class MappingCheckTest {
  @TempDir Path dir;

  private Path sources(String dataSet, String... namesAndTexts) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("src").resolve(dataSet));
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      Files.writeString(folder.resolve(namesAndTexts[i]), namesAndTexts[i + 1]);
    }
    return dir.resolve("src");
  }

  /** Hibernate logs through java.util.logging here; its errors are collected while building. */
  private static final Logger HIBERNATE = Logger.getLogger("org.hibernate");

  private String refusal(String dataSet) {
    List<String> errors = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
              errors.add(r.getLevel() + " " + r.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    HIBERNATE.addHandler(handler);
    try {
      DataSetBuildException e =
          assertThrows(
              DataSetBuildException.class,
              () ->
                  new DataSetBuilder()
                      .build(
                          Fixtures.request(dir, dataSet)
                              .sourceDirectory(dir.resolve("src"))
                              .build()));
      assertEquals(List.of(), errors, "Hibernate logged errors");
      return e.getMessage();
    } finally {
      HIBERNATE.removeHandler(handler);
    }
  }

  @Test
  void build_refusesTypesItCannotStore_evenWhenEveryValueIsNull() throws Exception {
    sources("old-types", "legacy.csv", "id\n1\n");
    assertEquals(
        "dataset 'old-types': 4 attributes have types datajar cannot store exactly:\n"
            + "  1) Legacy.created (java.util.Date, stored as TIMESTAMP_TEXT)\n"
            + "  2) Legacy.extra (dev.datajar.builder.fixtures.mapping.Legacy$Extra, stored as"
            + " VARBINARY)\n"
            + "  3) Legacy.updated (java.util.Calendar, stored as TIMESTAMP_TEXT)\n"
            + "  4) Legacy.year (java.time.Year, stored as INTEGER)\n"
            + "Use one of long, int, short, byte, boolean, double, float, String, char, BigDecimal,"
            + " BigInteger, LocalDate, LocalTime, LocalDateTime, Instant, OffsetDateTime,"
            + " ZonedDateTime, Duration, UUID, byte[], enums, or an AttributeConverter to one of"
            + " them (for example java.util.Date -> Instant, Year -> int).",
        refusal("old-types"));
  }

  @Test
  void build_refusesTwoEntitiesOnOneTable() throws Exception {
    sources("shared-table", "thing.csv", "id,name\n1,a\n");
    assertEquals(
        "dataset 'shared-table': 1 problem in its entities:\n"
            + "  1) entities OtherThing and Thing both map to table 'thing': Hibernate would make one"
            + " table of them, and each entity would read the other's rows. Give each entity a table"
            + " of its own with @Table(name = \"...\").\n"
            + "1 problem",
        refusal("shared-table"));
  }

  @Test
  void build_refusesTablePerClassInheritanceWithItsReason() throws Exception {
    sources("per-class", "car.csv", "id,name,doors\n1,a,4\n");
    assertEquals(
        "dataset 'per-class': 1 problem in its entities:\n"
            + "  1) Car extends entity Vehicle (@Inheritance(strategy = TABLE_PER_CLASS)): datajar"
            + " supports no inheritance between entities, and TABLE_PER_CLASS cannot work here"
            + " because it gives each concrete class a table of its own and reads Vehicle through a"
            + " UNION of them, while datajar loads one table per entity from its own source. Put the"
            + " shared attributes in a @MappedSuperclass, so that each entity has a table of its"
            + " own.\n"
            + "1 problem",
        refusal("per-class"));
  }

  @Test
  void build_refusesJoinedInheritanceWithoutHibernateErrors() throws Exception {
    sources("joined", "animal.csv", "id,name\n1,a\n", "dog.csv", "id,breed\n1,pug\n");
    assertEquals(
        "dataset 'joined': 1 problem in its entities:\n"
            + "  1) Dog extends entity Animal (@Inheritance(strategy = JOINED)): datajar supports no"
            + " inheritance between entities, and JOINED cannot work here because it splits each"
            + " row over the tables of its classes, joined by key, while datajar loads one table per"
            + " entity from its own source. Put the shared attributes in a @MappedSuperclass, so"
            + " that each entity has a table of its own.\n"
            + "1 problem",
        refusal("joined"));
  }

  @Test
  void build_refusesSequenceGeneratedIds() throws Exception {
    sources("sequenced", "ticket.csv", "id,title\n1,a\n");
    assertEquals(
        "dataset 'sequenced': 1 problem in its entities:\n"
            + "  1) Ticket.id: @GeneratedValue(strategy = AUTO) makes Hibernate keep a sequence"
            + " table, which datajar does not build: rows carry their keys in the source. Remove"
            + " @GeneratedValue, or use strategy = IDENTITY (its value is then read from the source"
            + " like any column).\n"
            + "1 problem",
        refusal("sequenced"));
  }

  @Test
  void build_loadsIdentityIdsAndVersionsFromTheSource() throws Exception {
    sources(
        "generated", "edition.csv", "id,version,title\n7,3,First\n", "seat.csv", "id,row\n12,A\n");
    new DataSetBuilder()
        .build(Fixtures.request(dir, "generated").sourceDirectory(dir.resolve("src")).build());
    Path file = dir.resolve("out/generated.sqlite");
    assertEquals(
        List.of("7|3|First"), Fixtures.query(file, "select id, version, title from edition"));
    assertEquals(List.of("12|A"), Fixtures.query(file, "select id, row from seat"));
  }
}
