package dev.datajar.builder.internal.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of a JSON document that is an array of objects, or holds that array at a JSON pointer (the
 * Debian iso-codes files are {@code {"3166-1": [{...}, ...]}}, pointer {@code /3166-1}).
 *
 * <p>Streams with Jackson's parser: memory does not grow with the number of rows. After the array
 * the rest of the document is still read, so malformed JSON anywhere is reported. The line and
 * column of a field are those of its value; columns count characters.
 */
public final class JsonRows extends JsonObjectRows {
  private final Path file;
  private final JsonPointer pointer;
  private final JsonParser parser;
  private String arrayPath = "$";
  private long index = -1;
  private boolean started;
  private boolean ended;

  private JsonRows(Path file, JsonPointer pointer, Problems problems) throws IOException {
    super(DisplayPath.of(file), problems);
    this.file = file;
    this.pointer = pointer;
    this.parser = JSON.createParser(new Utf8Reader(Files.newInputStream(file)));
  }

  /**
   * Opens a JSON file; reading starts at the first {@link #next()}.
   *
   * @param jsonPointer where the array of rows is; {@code null} or empty for the document
   */
  public static JsonRows open(Path file, String jsonPointer, Problems problems) throws IOException {
    return new JsonRows(file, JsonPointer.parse(jsonPointer), problems);
  }

  @Override
  protected String rowPath() {
    return JsonPaths.element(arrayPath, index);
  }

  @Override
  public boolean next() throws IOException {
    try {
      if (!started) {
        started = true;
        ended = !seekArray();
      }
      while (!ended) {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
          readToEnd();
          ended = true;
        } else {
          index++;
          if (token == JsonToken.START_OBJECT) {
            if (readObject(parser, 0)) {
              return true;
            }
          } else {
            notAnObject(parser, 0, rowPath(), "Each element of the array must be an object.");
          }
        }
      }
    } catch (JsonProcessingException e) {
      malformed(e, parser, 0);
      ended = true;
    } catch (InvalidUtf8Exception e) {
      problems.add(e.problem(file));
      ended = true;
    }
    return false;
  }

  /** Walks to the array the pointer names; false (problem added) if there is none. */
  private boolean seekArray() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      problems.add(source + ": the file is empty; expected a JSON array of objects.");
      return false;
    }
    String path = "$";
    for (String name : pointer.tokens()) {
      JsonLocation container = parser.currentTokenLocation();
      int index = JsonPointer.arrayIndex(name);
      JsonToken found = null;
      String missing;
      if (token == JsonToken.START_OBJECT) {
        found = seekMember(name);
        missing = path + " has no key '" + name + "'";
      } else if (token == JsonToken.START_ARRAY) {
        found = index >= 0 ? seekElement(index) : null;
        missing =
            path
                + (index >= 0
                    ? " has no element " + index
                    : " is an array and '" + name + "' is not an index");
      } else {
        missing = path + " is " + kindOf(token).noun() + ", not an object or array";
      }
      if (found == null) {
        problems.add(
            at(container)
                + ": JSON pointer '"
                + pointer.text()
                + "' not found: "
                + missing
                + ". Check the pointer against the file.");
        return false;
      }
      path =
          token == JsonToken.START_ARRAY
              ? JsonPaths.element(path, index)
              : JsonPaths.member(path, name);
      token = found;
    }
    arrayPath = path;
    if (token != JsonToken.START_ARRAY) {
      JsonLocation start = parser.currentTokenLocation();
      String hint = token == JsonToken.START_OBJECT ? arrayHint() : "";
      problems.add(
          at(start)
              + ": expected an array of objects at "
              + path
              + ", got "
              + kindOf(token).noun()
              + "."
              + hint);
      return false;
    }
    return true;
  }

  /**
   * A hint naming the keys of the current object whose values are arrays (at most three), as
   * pointers relative to the configured one: only an array can hold the rows.
   */
  private String arrayHint() throws IOException {
    List<String> arrays = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (parser.nextToken() == JsonToken.START_ARRAY && arrays.size() < 3) {
        arrays.add(pointer.text() + '/' + name.replace("~", "~0").replace("/", "~1"));
      }
      parser.skipChildren();
    }
    if (arrays.isEmpty()) {
      return " None of its keys holds an array: point the JSON pointer at the array of rows.";
    }
    return " Set the JSON pointer to the array of rows: " + String.join(" or ", arrays) + ".";
  }

  private JsonToken seekMember(String name) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      boolean found = name.equals(parser.currentName());
      JsonToken value = parser.nextToken();
      if (found) {
        return value;
      }
      parser.skipChildren();
    }
    return null;
  }

  private JsonToken seekElement(int wanted) throws IOException {
    for (int i = 0; ; i++) {
      JsonToken value = parser.nextToken();
      if (value == JsonToken.END_ARRAY) {
        return null;
      }
      if (i == wanted) {
        return value;
      }
      parser.skipChildren();
    }
  }

  /** Reads what follows the rows, so that malformed JSON or trailing content is reported. */
  private void readToEnd() throws IOException {
    while (!parser.getParsingContext().inRoot()) {
      if (parser.nextToken() == null) {
        return; // not reached: Jackson reports an unclosed document as malformed
      }
    }
    if (parser.nextToken() != null) {
      problems.add(
          at(parser.currentTokenLocation())
              + ": unexpected content after the end of the JSON document. A file holds one document.");
    }
  }

  private String at(JsonLocation location) {
    return source + ':' + location.getLineNr() + ':' + location.getColumnNr();
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
