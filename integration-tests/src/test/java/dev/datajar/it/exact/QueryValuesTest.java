package dev.datajar.it.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datajar.it.Injectors;
import dev.datajar.it.corpus.JsonValue;
import dev.datajar.runtime.Store;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Values read into records by {@code query()} (HQL) and {@code sql()} are exact too. */
class QueryValuesTest {
  record Typed(
      Long id,
      Byte byteVal,
      Short shortVal,
      Integer intVal,
      Long longVal,
      Float floatVal,
      Double doubleVal,
      BigDecimal decimalVal,
      BigInteger bigIntVal,
      Boolean boolVal,
      String text,
      LocalDate localDate,
      LocalTime localTime,
      LocalDateTime localDateTime,
      Instant instant,
      OffsetDateTime offsetDateTime,
      ZonedDateTime zonedDateTime,
      Duration duration,
      UUID uuid) {

    static Typed of(Values v) {
      return new Typed(
          v.id(),
          v.byteVal(),
          v.shortVal(),
          v.intVal(),
          v.longVal(),
          v.floatVal(),
          v.doubleVal(),
          v.decimalVal(),
          v.bigIntVal(),
          v.boolVal(),
          v.text(),
          v.localDate(),
          v.localTime(),
          v.localDateTime(),
          v.instant(),
          v.offsetDateTime(),
          v.zonedDateTime(),
          v.duration(),
          v.uuid());
    }
  }

  private static final String ATTRIBUTES =
      "id, byteVal, shortVal, intVal, longVal, floatVal,"
          + " doubleVal, decimalVal, bigIntVal, boolVal, text, localDate, localTime, localDateTime,"
          + " instant, offsetDateTime, zonedDateTime, duration, uuid";

  private final Store<JsonValue> values = Injectors.store(JsonValue.class);
  private final List<Typed> expected = Values.EXPECTED.stream().map(Typed::of).toList();

  @Test
  void hqlRecords_holdTheSourceValues() {
    String select = "select " + ATTRIBUTES.replaceAll("(\\w+)", "v.$1");
    assertEquals(expected, values.query(select + " from JsonValue v order by v.id", Typed.class));
  }

  @Test
  void sqlRecords_holdTheSourceValues() {
    StringBuilder select = new StringBuilder("select ");
    for (String a : ATTRIBUTES.split(", ")) {
      String column = a.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
      select.append(column).append(" as ").append(a).append(", ");
    }
    select.setLength(select.length() - 2);
    assertEquals(expected, values.sql(select + " from json_value order by id", Typed.class));
  }

  @Test
  void sqlParameters_bindInTheStoredForm() {
    assertEquals(
        List.of(5L),
        values.sql(
            "select id from json_value where local_date_time = ?",
            Long.class,
            LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789)));
    assertEquals(
        List.of(5L, 8L),
        values.sql(
            "select id from json_value where decimal_val > ?" + " and decimal_val < ? order by id",
            Long.class,
            new BigDecimal("99.5"),
            new BigDecimal("123456789012345.679")));
    assertEquals(
        List.of(1L, 6L),
        values.sql("select id from json_value where instant < ?", Long.class, Instant.EPOCH));
  }
}
