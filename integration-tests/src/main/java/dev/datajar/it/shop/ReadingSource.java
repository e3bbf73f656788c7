package dev.datajar.it.shop;

import dev.datajar.runtime.source.RowSource;
import dev.datajar.runtime.source.SourceContext;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Generates {@value #ROWS} readings, lazily; values follow from the id so tests can check them. */
public class ReadingSource implements RowSource {
  public static final int ROWS = 100_000;
  public static final int SENSORS = 100;

  @Override
  public String dataSet() {
    return "shop";
  }

  @Override
  public String table() {
    return "reading";
  }

  @Override
  public Stream<Map<String, ?>> rows(SourceContext context) {
    return LongStream.rangeClosed(1, ROWS).mapToObj(ReadingSource::row);
  }

  private static Map<String, ?> row(long id) {
    return Map.of("id", id, "sensor", sensor(id), "reading", reading(id));
  }

  public static String sensor(long id) {
    return "s-" + (id % SENSORS);
  }

  public static double reading(long id) {
    return id / 4.0;
  }
}
