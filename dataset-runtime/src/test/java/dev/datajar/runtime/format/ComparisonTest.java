package dev.datajar.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.hibernate.Session;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4, part 2: {@code order by}, {@code <}, {@code =} and {@code between} with bound parameters
 * give, for every attribute type, the order {@link SqlOrder} specifies — decimals by value,
 * date-times by time, enums by name or ordinal as mapped.
 */
@Tag("settings")
@Tag("zone")
class ComparisonTest {
  static List<String> attributes() {
    return Corpus.attributes().stream().filter(Corpus::inScope).toList();
  }

  private static List<Corpus.Entry> present(String attribute) {
    return Corpus.of(attribute).stream().filter(e -> e.expected() != null).toList();
  }

  private static List<Long> ids(List<Corpus.Entry> entries, Predicate<Object> keep) {
    List<Long> out = new ArrayList<>();
    entries.stream().filter(e -> keep.test(e.expected())).forEach(e -> out.add(e.id()));
    return out;
  }

  private static List<Long> query(String hql, Object... params) throws Exception {
    try (Session s = CorpusDb.shared().reader.openSession()) {
      var q = s.createSelectionQuery(hql, Long.class);
      for (int i = 0; i < params.length; i++) {
        q.setParameter("p" + i, params[i]);
      }
      return q.getResultList();
    }
  }

  @ParameterizedTest
  @MethodSource("attributes")
  void orderBy_followsTheStoredOrder(String a) throws Exception {
    Comparator<Object> order = SqlOrder.of(a);
    List<Long> expected =
        present(a).stream()
            .sorted(
                Comparator.comparing(Corpus.Entry::expected, order).thenComparing(Corpus.Entry::id))
            .map(Corpus.Entry::id)
            .toList();
    assertEquals(
        expected,
        query(
            "select e.id from Edge e where e."
                + a
                + " is not null"
                + " order by e."
                + a
                + ", e.id"),
        a);
    List<Long> descending =
        present(a).stream()
            .sorted(
                Comparator.comparing(Corpus.Entry::expected, order.reversed())
                    .thenComparing(Corpus.Entry::id))
            .map(Corpus.Entry::id)
            .toList();
    assertEquals(
        descending,
        query(
            "select e.id from Edge e where e."
                + a
                + " is not null"
                + " order by e."
                + a
                + " desc, e.id"),
        a + " desc");
  }

  @ParameterizedTest
  @MethodSource("attributes")
  void lessThanAndEquals_withParameters(String a) throws Exception {
    Comparator<Object> order = SqlOrder.of(a);
    List<Corpus.Entry> entries = present(a);
    for (Corpus.Entry pivot : entries) {
      Object p = pivot.expected();
      assertEquals(
          ids(entries, v -> order.compare(v, p) < 0),
          query("select e.id from Edge e" + " where e." + a + " < :p0 order by e.id", p),
          a + " < " + pivot);
      assertEquals(
          ids(entries, v -> order.compare(v, p) <= 0),
          query("select e.id from Edge e" + " where :p0 >= e." + a + " order by e.id", p),
          pivot + " >= " + a);
      assertEquals(
          ids(entries, v -> order.compare(v, p) == 0),
          query("select e.id from Edge e" + " where e." + a + " = :p0 order by e.id", p),
          a + " = " + pivot);
      assertEquals(
          ids(entries, v -> order.compare(v, p) != 0),
          query("select e.id from Edge e" + " where e." + a + " <> :p0 order by e.id", p),
          a + " <> " + pivot);
    }
  }

  @ParameterizedTest
  @MethodSource("attributes")
  void between_withParameters(String a) throws Exception {
    Comparator<Object> order = SqlOrder.of(a);
    List<Corpus.Entry> entries = present(a);
    Object min = entries.stream().map(Corpus.Entry::expected).min(order).orElseThrow();
    Object max = entries.stream().map(Corpus.Entry::expected).max(order).orElseThrow();
    String hql = "select e.id from Edge e where e." + a + " between :p0 and :p1 order by e.id";
    for (Corpus.Entry pivot : entries) {
      Object p = pivot.expected();
      assertEquals(
          ids(entries, v -> order.compare(v, p) >= 0),
          query(hql, p, max),
          a + " between " + pivot + " and max");
      assertEquals(
          ids(entries, v -> order.compare(v, p) <= 0),
          query(hql, min, p),
          a + " between min and " + pivot);
      assertEquals(
          ids(entries, v -> order.compare(v, p) == 0),
          query(hql, p, p),
          a + " between " + pivot + " and itself");
    }
  }

  @ParameterizedTest
  @MethodSource("attributes")
  void minAndMax_followTheStoredOrder(String a) throws Exception {
    if (a.equals("someBytes") || a.equals("lobBytes")) {
      return; // HQL refuses min()/max() of byte[]
    }
    if (a.equals("lobText")) {
      // HQL refuses min()/max() of a CLOB, as SQL does; =, <, between and order by work.
      try (Session s = CorpusDb.shared().reader.openSession()) {
        Exception e =
            assertThrows(
                Exception.class,
                () -> s.createSelectionQuery("select min(e.lobText) from Edge e", String.class));
        assertTrue(e.getMessage().contains("has type 'COMPARABLE'"), e.getMessage());
      }
      return;
    }
    Comparator<Object> order = SqlOrder.of(a);
    List<Object> values = present(a).stream().map(Corpus.Entry::expected).toList();
    try (Session s = CorpusDb.shared().reader.openSession()) {
      Object[] row =
          s.createSelectionQuery(
                  "select min(e." + a + "), max(e." + a + ")" + " from Edge e", Object[].class)
              .getSingleResult();
      // Values that compare equal (1.5 and 1.50, -0.0 and 0.0) may come back either way.
      assertEquals(0, order.compare(values.stream().min(order).orElseThrow(), row[0]), a);
      assertEquals(0, order.compare(values.stream().max(order).orElseThrow(), row[1]), a);
    }
  }
}
