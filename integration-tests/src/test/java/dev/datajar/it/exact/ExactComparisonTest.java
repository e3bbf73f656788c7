package dev.datajar.it.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datajar.it.corpus.ValueRow;
import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Store criteria and ordering per type compare values as Java does, not as their stored text or
 * bytes would by accident.
 */
class ExactComparisonTest {
  static Stream<Arguments> attributes() {
    List<Arguments> out = new ArrayList<>();
    for (String source : List.of("csv", "json")) {
      for (String attribute : Attributes.NAMES) {
        out.add(Arguments.of(source, attribute));
      }
    }
    return out.stream();
  }

  private static List<Long> ids(Store<? extends ValueRow> store, Query q) {
    return store.search(q).stream().map(r -> r.id).toList();
  }

  private static List<Long> expected(String attribute, Predicate<Object> keep, boolean descending) {
    Comparator<Values> byValue =
        (x, y) ->
            Attributes.compare(
                attribute, Attributes.get(x, attribute), Attributes.get(y, attribute));
    if (descending) {
      byValue = byValue.reversed();
    }
    return Values.EXPECTED.stream()
        .filter(v -> Attributes.get(v, attribute) != null)
        .filter(v -> keep.test(Attributes.get(v, attribute)))
        .sorted(byValue.thenComparing(Values::id))
        .map(Values::id)
        .toList();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("attributes")
  void orderBy(String source, String attribute) {
    Store<? extends ValueRow> store = ExactValuesTest.store(source);
    Query notNull = Query.where(Where.isNotNull(attribute));
    assertEquals(
        expected(attribute, v -> true, false), ids(store, notNull.orderBy(attribute)), "asc");
    assertEquals(
        expected(attribute, v -> true, true), ids(store, notNull.orderByDesc(attribute)), "desc");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("attributes")
  void rangeCriteria(String source, String attribute) {
    Store<? extends ValueRow> store = ExactValuesTest.store(source);
    Object pivot = Attributes.get(Values.EXPECTED.get(4), attribute); // row 5
    Object other = Attributes.get(Values.EXPECTED.get(5), attribute); // row 6
    Object p = Attributes.param(attribute, pivot);
    check(
        store,
        attribute,
        Where.lt(attribute, p),
        v -> Attributes.compare(attribute, v, pivot) < 0,
        "<");
    check(
        store,
        attribute,
        Where.le(attribute, p),
        v -> Attributes.compare(attribute, v, pivot) <= 0,
        "<=");
    check(
        store,
        attribute,
        Where.gt(attribute, p),
        v -> Attributes.compare(attribute, v, pivot) > 0,
        ">");
    check(
        store,
        attribute,
        Where.ge(attribute, p),
        v -> Attributes.compare(attribute, v, pivot) >= 0,
        ">=");
    check(
        store,
        attribute,
        Where.ne(attribute, p),
        v -> Attributes.compare(attribute, v, pivot) != 0,
        "<>");
    boolean ordered = Attributes.compare(attribute, other, pivot) <= 0;
    Object low = ordered ? other : pivot;
    Object high = ordered ? pivot : other;
    check(
        store,
        attribute,
        Where.between(
            attribute, Attributes.param(attribute, low), Attributes.param(attribute, high)),
        v ->
            Attributes.compare(attribute, v, low) >= 0
                && Attributes.compare(attribute, v, high) <= 0,
        "between");
  }

  private static void check(
      Store<? extends ValueRow> store,
      String attribute,
      Criterion c,
      Predicate<Object> keep,
      String what) {
    List<Long> want = new ArrayList<>(expected(attribute, keep, false));
    want.sort(null);
    assertEquals(want, ids(store, Query.where(c).orderBy("id")), attribute + " " + what);
  }
}
