package dev.datajar.runtime.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Compares the dataset files that separate test JVMs (one per time zone and locale) built from the
 * same corpus: they must be byte-identical, or the build depends on the machine.
 */
final class BuildDigests {
  private BuildDigests() {}

  /** Where a run stores its build, e.g. {@code <dir>/los-angeles.sqlite}. */
  static Path fileOf(Path dir, String label) {
    return dir.resolve(label + ".sqlite");
  }

  /**
   * The problems found among the builds of {@code labels} in {@code dir}: a missing build, or one
   * whose bytes differ from the first label's. Empty if all are present and identical.
   */
  static List<String> compare(Path dir, List<String> labels) throws IOException {
    List<String> problems = new ArrayList<>();
    String firstLabel = null;
    byte[] first = null;
    for (String label : labels) {
      Path file = fileOf(dir, label);
      if (!Files.isRegularFile(file)) {
        problems.add("run '" + label + "' left no build at " + file);
        continue;
      }
      byte[] bytes = Files.readAllBytes(file);
      if (first == null) {
        firstLabel = label;
        first = bytes;
      } else if (!MessageDigest.isEqual(first, bytes)) {
        problems.add(
            "run '"
                + label
                + "' built different bytes than run '"
                + firstLabel
                + "': sha256 "
                + sha256(bytes)
                + " vs "
                + sha256(first)
                + ", first difference at"
                + " byte "
                + firstDifference(first, bytes));
      }
    }
    return problems;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int firstDifference(byte[] a, byte[] b) {
    int i = java.util.Arrays.mismatch(a, b);
    return i < 0 ? Math.min(a.length, b.length) : i;
  }
}
