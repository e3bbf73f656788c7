package dev.datajar.runtime.format;

import static dev.datajar.runtime.format.Exact.assertExact;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Issue 4, part 1: every edge value of the {@link Corpus}, parsed from its source text and bound as
 * the builder binds it, comes back through a read-only Hibernate session exactly.
 */
@Tag("settings")
@Tag("zone")
class RoundTripTest {
  /** Attributes whose source text is the converter's database-side value. */
  private static final Set<String> CONVERTED = Set.of("shout", "aYearMonth", "labelCode");

  static final List<Corpus.Entry> ENTRIES = Corpus.UNDER_TEST;

  @ParameterizedTest(name = "{0}")
  @FieldSource("ENTRIES")
  void parse_givesTheExpectedValue(Corpus.Entry e) throws Exception {
    if (e.text() == null || CONVERTED.contains(e.attribute())) {
      return;
    }
    Object parsed = CorpusDb.shared().column(e.attribute()).parse(e.text());
    assertExact(e.expected(), parsed, e.toString());
  }

  /** Every row, each loaded by id in one read-only session, as a service would load it. */
  private static Map<Long, Edge> rows;

  @BeforeAll
  static void load() throws Exception {
    rows = new HashMap<>();
    try (Session session = CorpusDb.shared().reader.openSession()) {
      session.setDefaultReadOnly(true);
      for (Corpus.Entry e : ENTRIES) {
        rows.put(e.id(), session.find(Edge.class, e.id()));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("ENTRIES")
  void readBack_isExactlyTheSourceValue(Corpus.Entry e) throws Exception {
    Edge edge = rows.get(e.id());
    assertNotNull(edge, e.toString());
    for (Field f : Edge.class.getFields()) {
      if (f.getName().equals("id")) {
        continue;
      }
      Object expected = f.getName().equals(e.attribute()) ? e.expected() : null;
      assertExact(expected, f.get(edge), e + ": attribute " + f.getName());
    }
  }
}
