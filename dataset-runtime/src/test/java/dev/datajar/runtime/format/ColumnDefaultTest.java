package dev.datajar.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("settings")
class ColumnDefaultTest {
  @Test
  void defaultText_namesTheConstantOfAnOrdinalEnumDefault() {
    TableModel t;
    try (HibernateSetup.Booted b =
        HibernateSetup.boot(
            "defaults",
            List.of(OrdinalDefault.class),
            null,
            getClass().getClassLoader(),
            Map.of())) {
      t = b.schema().table("ordinal_default").orElseThrow();
    }
    ColumnModel level = t.column("level").orElseThrow();
    assertEquals("MEDIUM", level.defaultText().orElseThrow());
    assertEquals(OrdinalDefault.Level.MEDIUM, level.parse(level.defaultText().orElseThrow()));
    assertEquals("HIGH", t.column("named").orElseThrow().defaultText().orElseThrow());
  }
}
