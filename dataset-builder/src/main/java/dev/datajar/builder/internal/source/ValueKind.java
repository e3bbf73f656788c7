package dev.datajar.builder.internal.source;

/**
 * What kind of value a source field holds, so the loader can say "expected a number, got a string"
 * for JSON and tell raw text from an already-typed value of a code source.
 *
 * <p>CSV fields are only ever {@link #STRING} or {@link #NULL}.
 */
public enum ValueKind {
  /** Text: a CSV field, a JSON string, or a {@code String} from a code source. */
  STRING("a string"),
  /** A JSON number; the text is exactly as written ({@code 1e400} stays {@code 1e400}). */
  NUMBER("a number"),
  /** A JSON {@code true} or {@code false}; the text is that word. */
  BOOLEAN("a boolean"),
  /** SQL NULL: an unquoted empty CSV field, JSON {@code null}, a {@code null} map value. */
  NULL("null"),
  /** A nested JSON object; it has no text (the reader skips its content). */
  OBJECT("an object"),
  /** A nested JSON array; it has no text (the reader skips its content). */
  ARRAY("an array"),
  /** A typed Java value from a code source (not a {@code String}); see {@link RowCursor#value}. */
  JAVA("a Java value");

  private final String noun;

  ValueKind(String noun) {
    this.noun = noun;
  }

  /** The kind with its article, for messages: "got a string", "got null". */
  public String noun() {
    return noun;
  }
}
