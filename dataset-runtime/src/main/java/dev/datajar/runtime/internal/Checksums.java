package dev.datajar.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files, and the message for a file that does not match its manifest. */
final class Checksums {
  private Checksums() {}

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  static String sha256(Path file) throws IOException {
    MessageDigest md = newSha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        md.update(buf, 0, n);
      }
    }
    return hex(md.digest());
  }

  static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  static String mismatch(String name, String where, String actual, long actualBytes,
      String expected, long expectedBytes) {
    return "dataset '" + name + "': " + where + " has sha256 " + actual + " (" + actualBytes
        + " bytes), but its manifest says " + expected + " (" + expectedBytes + " bytes)."
        + " The file was changed after it was built, or the jar is corrupt: rebuild the dataset.";
  }
}
