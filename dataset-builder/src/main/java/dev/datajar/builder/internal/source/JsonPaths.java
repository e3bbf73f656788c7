package dev.datajar.builder.internal.source;

/**
 * Builds JSONPath-style locations for messages: {@code $[3].elevation}, {@code
 * $['3166-1'][0].alpha_2}. Only on error paths, so plain string concatenation.
 */
final class JsonPaths {
  private JsonPaths() {}

  /** {@code parent.key}, or {@code parent['key']} when the key is not a plain identifier. */
  static String member(String parent, String key) {
    if (isIdentifier(key)) {
      return parent + '.' + key;
    }
    return parent + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /** {@code parent[index]}. */
  static String element(String parent, long index) {
    return parent + '[' + index + ']';
  }

  private static boolean isIdentifier(String key) {
    if (key.isEmpty() || !(Character.isLetter(key.charAt(0)) || key.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
