package dev.datajar.datasets.isocodes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.datajar.runtime.source.RowSource;
import dev.datajar.runtime.source.SourceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Build-time source of the {@code subdivision} table: reads {@code row-sources/iso_3166-2.json}
 * (the package's file, unchanged) and adds the two foreign keys the file only implies.
 *
 * <ul>
 *   <li>{@code country}: the alpha-2 prefix of the code, {@code GB-ABC} → {@code GB}.
 *   <li>{@code parent}: always a full code. The file writes it either way, {@code "GB-NIR"} on
 *       {@code GB-ABC} but {@code "NX"} (meaning {@code AZ-NX}) on {@code AZ-BAB}.
 * </ul>
 *
 * <p>The other keys ({@code code}, {@code name}, {@code type}) pass through as text. Rows are read
 * one at a time with a streaming parser, so memory does not grow with the file.
 */
public final class SubdivisionRows implements RowSource {
  // In a subfolder, where the builder's convention (<table>.json beside the others) does not
  // see it: a file named after the table would be a second source for it.
  static final String FILE = "row-sources/iso_3166-2.json";
  private static final String ARRAY = "3166-2";

  @Override
  public String dataSet() {
    return "iso-codes";
  }

  @Override
  public String table() {
    return "subdivision";
  }

  @Override
  public Stream<Map<String, ?>> rows(SourceContext context) throws IOException {
    return read(context.file(FILE));
  }

  /** The rows of one ISO 3166-2 file, with the derived keys; visible for tests. */
  static Stream<Map<String, ?>> read(Path file) throws IOException {
    JsonParser parser = new JsonFactory().createParser(file.toFile());
    try {
      enterArray(parser, file);
    } catch (IOException | RuntimeException e) {
      parser.close();
      throw e;
    }
    // Reads a row only when asked, so that a bad row fails inside the stream, which the
    // builder closes (and with it the parser), not while the stream is being made.
    Iterator<Map<String, ?>> rows =
        new Iterator<>() {
          private Map<String, String> next;
          private boolean end;

          @Override
          public boolean hasNext() {
            if (next == null && !end) {
              next = readRow(parser, file);
              end = next == null;
            }
            return next != null;
          }

          @Override
          public Map<String, ?> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Map<String, String> row = next;
            next = null;
            return row;
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(
            () -> {
              try {
                parser.close();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /** Moves the parser onto the start of the {@code "3166-2"} array. */
  private static void enterArray(JsonParser parser, Path file) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw malformed(parser, file, "a JSON object with a \"" + ARRAY + "\" array");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonToken value = parser.nextToken();
      if (ARRAY.equals(key) && value == JsonToken.START_ARRAY) {
        return;
      }
      parser.skipChildren();
    }
    throw malformed(parser, file, "a \"" + ARRAY + "\" array at the top level");
  }

  /** The next row with its derived keys, or {@code null} after the last one. */
  private static Map<String, String> readRow(JsonParser parser, Path file) {
    try {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_ARRAY) {
        return null;
      }
      if (token != JsonToken.START_OBJECT) {
        throw malformed(parser, file, "an object for each subdivision");
      }
      JsonLocation start = parser.currentTokenLocation();
      Map<String, String> row = new HashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
          throw malformed(parser, file, "a string for \"" + key + "\"");
        }
        row.put(key, parser.getText());
      }
      return derive(row, start, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> derive(Map<String, String> row, JsonLocation at, Path file)
      throws IOException {
    String code = row.get("code");
    int hyphen = code == null ? -1 : code.indexOf('-');
    if (hyphen != 2) {
      throw malformed(
          at,
          file,
          "a \"code\" of the form CC-XXX (country alpha-2, hyphen, subdivision), not "
              + (code == null ? "no code" : "'" + code + "'"));
    }
    String country = code.substring(0, 2);
    row.put("country", country);
    String parent = row.get("parent");
    if (parent != null && parent.indexOf('-') < 0) {
      row.put("parent", country + "-" + parent);
    }
    return row;
  }

  private static IOException malformed(JsonParser parser, Path file, String expected) {
    return malformed(parser.currentTokenLocation(), file, expected);
  }

  private static IOException malformed(JsonLocation at, Path file, String expected) {
    return new IOException(
        file
            + ":"
            + at.getLineNr()
            + ":"
            + at.getColumnNr()
            + ": expected "
            + expected
            + ". Fix the file, or check that it is ISO 3166-2 from iso-codes.");
  }
}
