package dev.datajar.builder.internal.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * What the JSON and JSON Lines sources share: reading one JSON object into the current row, JSON
 * paths of fields, and turning Jackson's errors into our messages.
 *
 * <p>Values keep their exact text: a number is Jackson's token text, never a {@code double}, so
 * {@code 123456789012345.6789} and {@code 1e400} reach the type layer as written.
 */
abstract class JsonObjectRows extends KeyedRows {
  /** Strict JSON (no comments, no NaN); thread-safe, so shared. */
  static final JsonFactory JSON = JsonFactory.builder().build();

  private static final Pattern SOURCE_LOCATION =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

  JsonObjectRows(String source, Problems problems) {
    super(source, problems);
  }

  /** The JSON path of the current row, such as {@code $[3]}. */
  protected abstract String rowPath();

  @Override
  public final String jsonPath(int field) {
    return JsonPaths.member(rowPath(), header().get(field));
  }

  /**
   * Reads the object whose {@code START_OBJECT} is the parser's current token into a new row.
   * Nested objects and arrays become fields of kind OBJECT/ARRAY without text: the loader knows
   * whether the column can take them.
   *
   * @param lineBase added to Jackson's line numbers (JSON Lines parse one line at a time)
   * @return false if the row has a problem (added) and must be skipped
   */
  protected final boolean readObject(JsonParser parser, long lineBase) throws IOException {
    startRow(lineBase + parser.currentTokenLocation().getLineNr());
    String duplicate = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonToken token = parser.nextToken();
      JsonLocation at = parser.currentTokenLocation();
      long line = lineBase + at.getLineNr();
      int column = at.getColumnNr();
      ValueKind kind = kindOf(token);
      String text = kind == ValueKind.NULL ? null : parser.getText();
      if (kind == ValueKind.OBJECT || kind == ValueKind.ARRAY) {
        text = null;
        parser.skipChildren();
      }
      if (duplicate == null) {
        int field = put(key, text, kind, line, column);
        if (field < 0) {
          field = -1 - field;
          duplicate =
              source
                  + ':'
                  + line
                  + ':'
                  + column
                  + ": "
                  + jsonPath(field)
                  + ": duplicate key '"
                  + key
                  + "', first at line "
                  + line(field)
                  + ", column "
                  + column(field)
                  + ". Keep one of them.";
        }
      }
    }
    if (duplicate != null) {
      problems.add(duplicate);
      return false;
    }
    return true;
  }

  static ValueKind kindOf(JsonToken token) {
    switch (token) {
      case VALUE_STRING:
        return ValueKind.STRING;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return ValueKind.NUMBER;
      case VALUE_TRUE:
      case VALUE_FALSE:
        return ValueKind.BOOLEAN;
      case START_OBJECT:
        return ValueKind.OBJECT;
      case START_ARRAY:
        return ValueKind.ARRAY;
      default:
        return ValueKind.NULL;
    }
  }

  /** Reports a value that should have been a row object, and skips it. */
  protected final void notAnObject(JsonParser parser, long lineBase, String path, String hint)
      throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    problems.add(
        source
            + ':'
            + (lineBase + at.getLineNr())
            + ':'
            + at.getColumnNr()
            + ": "
            + path
            + ": expected an object (one row), got "
            + kindOf(parser.currentToken()).noun()
            + ". "
            + hint);
    parser.skipChildren();
  }

  /**
   * Reports malformed JSON (or JSON beyond Jackson's size limits, such as a number of more than
   * 1000 digits) at Jackson's location, in our words around Jackson's reason.
   */
  protected final void malformed(JsonProcessingException e, JsonParser parser, long lineBase) {
    JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
    String reason = e.getOriginalMessage();
    int newline = reason.indexOf('\n');
    if (newline >= 0) {
      reason = reason.substring(0, newline);
    }
    reason = SOURCE_LOCATION.matcher(reason).replaceAll("line $1, column $2");
    String where =
        at == null ? source : source + ':' + (lineBase + at.getLineNr()) + ':' + at.getColumnNr();
    problems.add(
        where
            + (e instanceof StreamReadException
                ? ": malformed JSON: "
                : ": cannot read this JSON: ")
            + reason);
  }
}
