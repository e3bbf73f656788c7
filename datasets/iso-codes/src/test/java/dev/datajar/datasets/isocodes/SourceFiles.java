package dev.datajar.datasets.isocodes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the snapshot files directly, without the builder, so that tests compare the dataset with an
 * independent reading of its source.
 */
final class SourceFiles {
  static final Path DIR = Path.of("src/main/datasets/iso-codes");

  private SourceFiles() {}

  /** The objects of the array under {@code key} in {@code file}, each as key → text. */
  static List<Map<String, String>> rows(String file, String key) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(DIR.resolve(file).toFile())) {
      while (parser.nextToken() != null) {
        if (parser.currentToken() == JsonToken.FIELD_NAME && key.equals(parser.currentName())) {
          parser.nextToken();
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> row = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              String name = parser.currentName();
              parser.nextToken();
              row.put(name, parser.getText());
            }
            rows.add(row);
          }
          return rows;
        }
      }
    }
    throw new IllegalStateException(file + " has no array '" + key + "'");
  }
}
