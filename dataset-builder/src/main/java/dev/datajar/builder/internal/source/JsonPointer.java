package dev.datajar.builder.internal.source;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 6901 JSON pointer such as {@code /3166-1}, split into its unescaped reference tokens
 * ({@code ~1} is {@code /}, {@code ~0} is {@code ~}). The empty pointer is the whole document.
 */
record JsonPointer(String text, List<String> tokens) {
  static JsonPointer parse(String text) {
    if (text == null || text.isEmpty()) {
      return new JsonPointer("", List.of());
    }
    if (text.charAt(0) != '/') {
      throw new IllegalArgumentException(
          "JSON pointer '" + text + "' must start with '/' (e.g. /" + text + ")");
    }
    List<String> tokens = new ArrayList<>();
    for (String raw : text.substring(1).split("/", -1)) {
      if (raw.matches(".*~(?![01]).*")) {
        throw new IllegalArgumentException(
            "JSON pointer '"
                + text
                + "' has a '~' not followed by 0 or 1; write '~0' for '~' and '~1' for '/'");
      }
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return new JsonPointer(text, List.copyOf(tokens));
  }

  /** The token as an array index, or -1 if it is not one (RFC 6901: digits, no leading 0). */
  static int arrayIndex(String token) {
    if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
      return -1;
    }
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) < '0' || token.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(token);
  }
}
