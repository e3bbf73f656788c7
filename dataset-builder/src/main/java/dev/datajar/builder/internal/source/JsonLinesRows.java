package dev.datajar.builder.internal.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rows of a JSON Lines file ({@code .jsonl}): one JSON object per line; blank lines are skipped.
 *
 * <p>Each line is parsed on its own, so a malformed line spoils only that row: it is reported and
 * reading goes on, and a line holding two values is caught. JSON paths start at the line's object
 * ({@code $.elevation}); the line number says which row.
 */
public final class JsonLinesRows extends JsonObjectRows {
  private final Path file;
  private final BufferedReader lines;
  private long lineNumber;
  private boolean ended;

  private JsonLinesRows(Path file, Problems problems) throws IOException {
    super(DisplayPath.of(file), problems);
    this.file = file;
    this.lines = new BufferedReader(new Utf8Reader(Files.newInputStream(file)), 1 << 16);
  }

  /** Opens a JSON Lines file; reading starts at the first {@link #next()}. */
  public static JsonLinesRows open(Path file, Problems problems) throws IOException {
    return new JsonLinesRows(file, problems);
  }

  @Override
  protected String rowPath() {
    return "$";
  }

  @Override
  public boolean next() throws IOException {
    try {
      String line;
      while (!ended && (line = lines.readLine()) != null) {
        lineNumber++;
        if (!line.isBlank() && readLine(line)) {
          return true;
        }
      }
    } catch (InvalidUtf8Exception e) {
      problems.add(e.problem(file));
    }
    ended = true;
    return false;
  }

  /** Parses one non-blank line into the current row; false if it has a problem (added). */
  private boolean readLine(String line) throws IOException {
    long lineBase = lineNumber - 1;
    try (JsonParser parser = JSON.createParser(line)) {
      try {
        return readOneObject(parser, lineBase);
      } catch (JsonProcessingException e) {
        malformed(e, parser, lineBase);
        return false;
      }
    }
  }

  private boolean readOneObject(JsonParser parser, long lineBase) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      notAnObject(parser, lineBase, "$", "Each line must hold one JSON object.");
      return false;
    }
    if (!readObject(parser, lineBase)) {
      return false;
    }
    if (parser.nextToken() != null) {
      problems.add(
          source
              + ':'
              + lineNumber
              + ':'
              + parser.currentTokenLocation().getColumnNr()
              + ": more than one JSON value on the line. Put each object on its own line.");
      return false;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
