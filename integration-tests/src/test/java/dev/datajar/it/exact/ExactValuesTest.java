package dev.datajar.it.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datajar.it.Injectors;
import dev.datajar.it.corpus.CsvValue;
import dev.datajar.it.corpus.JsonValue;
import dev.datajar.it.corpus.ValueRow;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every corpus value read back through the runtime equals what the source file says, from CSV and
 * from JSON alike, whatever the zone and locale of this JVM (the pom runs this class again under
 * other ones).
 */
class ExactValuesTest {
  @BeforeAll
  static void sayWhere() {
    System.out.println(
        "exact values under zone "
            + ZoneId.systemDefault()
            + ", locale "
            + Locale.getDefault()
            + ", file.encoding "
            + System.getProperty("file.encoding"));
  }

  static Store<? extends ValueRow> store(String source) {
    return source.equals("csv")
        ? Injectors.store(CsvValue.class)
        : Injectors.store(JsonValue.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "json"})
  void everyRow_equalsTheSource(String source) {
    List<Values> got = store(source).search().stream().map(Values::of).toList();
    assertEquals(Values.EXPECTED.size(), got.size());
    for (int i = 0; i < got.size(); i++) {
      assertEquals(Values.EXPECTED.get(i), got.get(i), source + " row " + (i + 1));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "json"})
  void everyRowByGet_equalsTheSource(String source) {
    for (Values v : Values.EXPECTED) {
      assertEquals(
          v, Values.of(store(source).get(v.id()).orElseThrow()), source + " row " + v.id());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "json"})
  void everyValue_findsItsOwnRowByEquality(String source) {
    Store<? extends ValueRow> store = store(source);
    for (Values v : Values.EXPECTED) {
      for (String attribute : Attributes.NAMES) {
        Object value = Attributes.get(v, attribute);
        if (value == null) {
          continue;
        }
        List<Long> expected =
            Values.EXPECTED.stream()
                .filter(o -> Attributes.get(o, attribute) != null)
                .filter(
                    o -> Attributes.compare(attribute, Attributes.get(o, attribute), value) == 0)
                .map(Values::id)
                .toList();
        List<Long> got =
            store
                .search(Query.where(Where.eq(attribute, Attributes.param(attribute, value))))
                .stream()
                .map(r -> r.id)
                .toList();
        assertEquals(expected, got, source + ": " + attribute + " = " + value);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "json"})
  void emptyTextAndEmptyBytes_areNotNull(String source) {
    Store<? extends ValueRow> store = store(source);
    assertEquals(
        List.of(1L),
        store.search(Query.where(Where.eq("text", ""))).stream().map(r -> r.id).toList());
    assertEquals(
        List.of(4L),
        store.search(Query.where(Where.isNull("text"))).stream().map(r -> r.id).toList());
    assertEquals(
        List.of(4L),
        store.search(Query.where(Where.isNull("bytes"))).stream().map(r -> r.id).toList());
  }
}
