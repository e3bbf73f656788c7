package dev.datajar.datasets.oui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the snapshot CSV files directly, without the builder or its CSV parser, so that tests
 * compare the dataset with an independent reading of its source.
 */
final class SourceFiles {
  static final Path DIR = Path.of("src/main/datasets/ieee-oui");

  private SourceFiles() {}

  /**
   * The number of data records in {@code file}: line breaks outside quotes, less the header.
   * A doubled quote inside a quoted field toggles twice, which leaves the state as it was.
   */
  static int records(String file) throws IOException {
    String text = Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
    boolean quoted = false;
    int lines = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n' && !quoted) {
        lines++;
      }
    }
    boolean lastLineEnded = text.endsWith("\n");
    return (lastLineEnded ? lines : lines + 1) - 1;
  }
}
