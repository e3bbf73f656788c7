package dev.datajar.builder.internal.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPointerTest {
  @Test
  void parse_unescapesTokens() {
    assertEquals(List.of("a/b", "c~d", "", "0"), JsonPointer.parse("/a~1b/c~0d//0").tokens());
    assertEquals(List.of(), JsonPointer.parse("").tokens());
    assertEquals(List.of(), JsonPointer.parse(null).tokens());
  }

  @Test
  void parse_rejectsPointerWithoutLeadingSlashOrWithBadEscape() {
    assertEquals(
        "JSON pointer '3166-1' must start with '/' (e.g. /3166-1)",
        assertThrows(IllegalArgumentException.class, () -> JsonPointer.parse("3166-1"))
            .getMessage());
    assertEquals(
        "JSON pointer '/a~2' has a '~' not followed by 0 or 1; write '~0' for '~' and"
            + " '~1' for '/'",
        assertThrows(IllegalArgumentException.class, () -> JsonPointer.parse("/a~2")).getMessage());
  }

  @Test
  void arrayIndex_acceptsOnlyPlainDecimal() {
    assertEquals(0, JsonPointer.arrayIndex("0"));
    assertEquals(12, JsonPointer.arrayIndex("12"));
    assertEquals(-1, JsonPointer.arrayIndex("012"));
    assertEquals(-1, JsonPointer.arrayIndex("-1"));
    assertEquals(-1, JsonPointer.arrayIndex(""));
  }
}
