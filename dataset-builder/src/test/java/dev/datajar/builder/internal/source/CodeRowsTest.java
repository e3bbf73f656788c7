package dev.datajar.builder.internal.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.DataSetBuildException;
import dev.datajar.runtime.source.RowSource;
import dev.datajar.runtime.source.SourceContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CodeRowsTest {
  private static final SourceContext CONTEXT =
      new SourceContext() {
        @Override
        public Path sourceDirectory() {
          return Path.of("src/main/datasets/geo");
        }

        @Override
        public Path file(String relativePath) {
          return sourceDirectory().resolve(relativePath);
        }
      };

  static final BigDecimal ELEVATION = new BigDecimal("12.50");
  static final AtomicBoolean CLOSED = new AtomicBoolean();

  /** A code source as a user would write one. */
  public static final class AirportRows implements RowSource {
    @Override
    public String dataSet() {
      return "geo";
    }

    @Override
    public String table() {
      return "airport";
    }

    @Override
    public Stream<Map<String, ?>> rows(SourceContext context) {
      Map<String, Object> first = new LinkedHashMap<>();
      first.put("code", "AMS");
      first.put("elevation", ELEVATION);
      first.put("opened", LocalDate.of(1916, 9, 19));
      Map<String, Object> second = new LinkedHashMap<>();
      second.put("code", "TXL");
      second.put("closed", null);
      return Stream.<Map<String, ?>>of(first, second).onClose(() -> CLOSED.set(true));
    }
  }

  /** A code source that fails on its third row. */
  public static final class BrokenRows implements RowSource {
    @Override
    public String dataSet() {
      return "geo";
    }

    @Override
    public String table() {
      return "airport";
    }

    @Override
    public Stream<Map<String, ?>> rows(SourceContext context) {
      return Stream.iterate(1, i -> i + 1)
          .limit(5)
          .map(
              i -> {
                if (i == 3) {
                  throw new IllegalStateException("no code for row " + i);
                }
                return Map.of("code", "X" + i);
              });
    }
  }

  @Test
  void next_passesTypedValuesThroughUnchanged() throws Exception {
    Problems problems = new Problems("geo", AirportRows.class.getName());
    CLOSED.set(false);
    try (RowCursor rows = CodeRows.open(new AirportRows(), CONTEXT, problems)) {
      assertTrue(rows.next());
      assertEquals(List.of("code", "elevation", "opened"), rows.header());
      assertEquals("AMS", rows.text(0));
      assertEquals(ValueKind.STRING, rows.kind(0));
      assertSame(ELEVATION, rows.value(1));
      assertEquals(ValueKind.JAVA, rows.kind(1));
      assertNull(rows.text(1));
      assertEquals(LocalDate.of(1916, 9, 19), rows.value(2));
      assertEquals(AirportRows.class.getName() + " row 1", rows.where(1));
      assertTrue(rows.next());
      assertEquals(List.of("code", "elevation", "opened", "closed"), rows.header());
      assertFalse(rows.has(1));
      assertTrue(rows.has(3));
      assertEquals(ValueKind.NULL, rows.kind(3));
      assertEquals(2, rows.line());
      assertFalse(rows.next());
    }
    assertTrue(CLOSED.get());
    assertTrue(problems.isEmpty());
  }

  @Test
  void next_reportsExceptionOfUserCodeWithRowAndKeepsCause() throws Exception {
    Problems problems = new Problems("geo", BrokenRows.class.getName());
    List<String> codes = new ArrayList<>();
    try (RowCursor rows = CodeRows.open(new BrokenRows(), CONTEXT, problems)) {
      while (rows.next()) {
        codes.add(rows.text(0));
      }
    }
    assertEquals(List.of("X1", "X2"), codes);
    DataSetBuildException e = problems.exception();
    String name = BrokenRows.class.getName();
    assertEquals(
        "dataset 'geo': 1 problem in "
            + name
            + ":\n"
            + "  1) "
            + name
            + " row 2: the row source failed: "
            + "java.lang.IllegalStateException: no code for row 3\n"
            + "1 problem",
        e.getMessage());
    assertTrue(e.getCause() instanceof IllegalStateException);
  }
}
