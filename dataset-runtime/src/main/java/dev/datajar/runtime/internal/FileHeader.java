package dev.datajar.runtime.internal;

import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.format.DataSetLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the first 100 bytes of a file: SQLite's header string, datajar's
 * {@code application_id} and the format version in {@code user_version}. Reading them directly
 * gives a clear message before SQLite is asked to open anything.
 */
final class FileHeader {
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private FileHeader() {}

  static void check(String name, Path file) {
    byte[] h = new byte[100];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(h, 0, h.length);
    } catch (IOException e) {
      throw new DataSetOpenException(name, "dataset '" + name + "': cannot read " + file + ": " + e, e);
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (n < h.length || h[i] != MAGIC[i]) {
        throw new DataSetOpenException(name, "dataset '" + name + "': " + file + " is not a SQLite"
            + " database (it does not start with the SQLite header). Point the dataset at the"
            + " .sqlite file the builder wrote, or rebuild it.");
      }
    }
    ByteBuffer b = ByteBuffer.wrap(h); // SQLite's header is big-endian
    int userVersion = b.getInt(60);
    int applicationId = b.getInt(68);
    if (applicationId != DataSetLayout.APPLICATION_ID) {
      throw new DataSetOpenException(name, "dataset '" + name + "': " + file + " is a SQLite"
          + " database but not a datajar dataset (application_id 0x"
          + Integer.toHexString(applicationId) + ", expected 0x"
          + Integer.toHexString(DataSetLayout.APPLICATION_ID) + "). Build it with the datajar"
          + " builder.");
    }
    if (userVersion != DataSetLayout.FORMAT_VERSION) {
      throw new DataSetOpenException(name, "dataset '" + name + "': " + file + " has format"
          + " version " + userVersion + ", this runtime reads version "
          + DataSetLayout.FORMAT_VERSION + ". Use a datajar runtime and builder of the same"
          + " version.");
    }
  }
}
