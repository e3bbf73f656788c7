package dev.datajar.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4, part 2, through the Criteria API with {@code cb.literal(value)}: Hibernate writes such
 * values into the SQL with each type's literal formatter instead of binding them, so every corpus
 * value must select exactly the rows that hold an equal value.
 */
@Tag("settings")
@Tag("zone")
class CriteriaLiteralTest {
  static List<Corpus.Entry> entries() {
    List<Corpus.Entry> out = new ArrayList<>();
    for (Corpus.Entry e : Corpus.UNDER_TEST) {
      if (e.expected() != null) {
        out.add(e);
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void criteriaLiteral_selectsEqualValues(Corpus.Entry e) throws Exception {
    Comparator<Object> order = SqlOrder.of(e.attribute());
    List<Long> expected =
        Corpus.of(e.attribute()).stream()
            .filter(x -> x.expected() != null && order.compare(x.expected(), e.expected()) == 0)
            .map(Corpus.Entry::id)
            .toList();
    try (Session s = CorpusDb.shared().reader.openSession()) {
      CriteriaBuilder cb = s.getCriteriaBuilder();
      CriteriaQuery<Long> q = cb.createQuery(Long.class);
      Root<Edge> root = q.from(Edge.class);
      q.select(root.get("id"))
          .where(cb.equal(root.get(e.attribute()), cb.literal(e.expected())))
          .orderBy(cb.asc(root.get("id")));
      assertEquals(expected, s.createQuery(q).getResultList(), e.toString());
    }
  }
}
