package dev.datajar.runtime.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The text {@code sql()} hands the driver and the values in its placeholders' order, as Hibernate's
 * native queries made them: {@code ?} in order, JPA's {@code ?N} by number, a collection as one
 * placeholder per element, quoted text and comments left alone.
 */
class SqlCallBoundTest {
  @Test
  void placeholders_takeValuesInOrder_orByNumber() {
    assertEquals(
        new SqlCall.Bound("select ? , ?", List.of(1, "a")),
        SqlCall.Bound.of("select ? , ?", new Object[] {1, "a"}));
    assertEquals(
        new SqlCall.Bound("select ?, ?, ?", List.of("b", 1, "b")),
        SqlCall.Bound.of("select ?2, ?1, ?2", new Object[] {1, "b"}));
  }

  @Test
  void collections_expandToOnePlaceholderPerElement() {
    assertEquals(
        new SqlCall.Bound("select x from t where x in (?, ?, ?) and y = ?", List.of(3, 1, 2, "y")),
        SqlCall.Bound.of(
            "select x from t where x in (?) and y = ?", new Object[] {List.of(3, 1, 2), "y"}));
    assertEquals(
        new SqlCall.Bound("select x from t where x in (?)", List.of(7)),
        SqlCall.Bound.of("select x from t where x in (?1)", new Object[] {Set.of(7)}));
    // An empty collection: one NULL, which no value equals.
    assertEquals(
        new SqlCall.Bound("select x from t where x in (?)", Arrays.asList((Object) null)),
        SqlCall.Bound.of("select x from t where x in (?)", new Object[] {List.of()}));
  }

  @Test
  void quotedTextAndComments_holdNoPlaceholders() {
    String sql = "select '?', 'it''s ?', \"col?\" -- why?\n, /* ?1 */ ? from t where a = ?";
    assertEquals(new SqlCall.Bound(sql, List.of(1, 2)), SqlCall.Bound.of(sql, new Object[] {1, 2}));
  }

  @Test
  void aValueWithoutPlaceholder_orAPlaceholderWithoutValue_fails() {
    assertEquals(
        "no value for parameter 2 ('?'): the call gave 1",
        assertThrows(
                IllegalArgumentException.class,
                () -> SqlCall.Bound.of("select ?, ?", new Object[] {1}))
            .getMessage());
    assertEquals(
        "no value for parameter 2 ('?2'): the call gave 1",
        assertThrows(
                IllegalArgumentException.class,
                () -> SqlCall.Bound.of("select ?2", new Object[] {1}))
            .getMessage());
    assertEquals(
        "parameter 2 of 2 has no placeholder in the text",
        assertThrows(
                IllegalArgumentException.class,
                () -> SqlCall.Bound.of("select ?", new Object[] {1, 2}))
            .getMessage());
  }
}
