package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.FileIdentity;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.Sha256;
import dev.datajar.runtime.internal.core.FastConnections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The checks of a dataset's SQLite file against its manifest before the first read: the header says
 * datajar, the sha256 is the manifest's (when its {@link FileSource} says it must be hashed), and
 * the schema fingerprint recorded in the file is the manifest's.
 *
 * <p>A file that fails is refused with a {@link DataSetOpenException}, except a cached copy, which
 * was verified when it was copied: there a failure means the copy was damaged since, and {@link
 * DamagedCopy} tells {@link EngineOpener} to discard it and copy again.
 */
public final class FileChecks {
  private FileChecks() {}

  /** A cached copy turned out damaged: it is discarded and copied again. */
  static final class DamagedCopy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DamagedCopy(String why) {
      super(why, null, false, false);
    }
  }

  /** Refuses a file whose header is not a datajar dataset's. */
  static void checkHeader(String name, FileSource source) {
    Path file = source.file();
    Optional<String> header;
    try {
      header = FileIdentity.headerProblem(file);
    } catch (IOException e) {
      throw new DataSetOpenException(name, "cannot read " + file + ": " + e, e);
    }
    if (header.isPresent()) {
      if (source.cachedCopy()) {
        throw new DamagedCopy("its header is damaged");
      }
      throw new DataSetOpenException(name, header.get());
    }
  }

  /** Compares the file's sha256 with the manifest's, if the source says it must be hashed. */
  static void checkHash(String name, FileSource source, Manifest m) {
    if (!source.hash()) {
      return;
    }
    Path file = source.file();
    String actual;
    long size;
    try {
      actual = Sha256.of(file);
      size = Files.size(file);
    } catch (IOException e) {
      throw new DataSetOpenException(name, "cannot read " + file + ": " + e, e);
    }
    if (actual.equals(m.sha256())) {
      return;
    }
    if (source.cachedCopy()) {
      throw new DamagedCopy("its sha256 is " + actual);
    }
    throw new DataSetOpenException(
        name, mismatch(file.toString(), actual, size, m.sha256(), m.bytes()));
  }

  /**
   * Reads the identity recorded in the file and compares its schema fingerprint with the
   * manifest's; returns the file's fingerprint.
   */
  static String checkIdentity(String name, FileSource source, Manifest m, FastConnections lookups) {
    Path file = source.file();
    FileIdentity id;
    FastConnections.Slot slot = lookups.borrow();
    try {
      id = FileIdentity.readFrom(slot.connection());
    } catch (SQLException e) {
      if (source.cachedCopy()) {
        throw new DamagedCopy("SQLite cannot read it: " + e.getMessage());
      }
      throw unreadable(name, file, DataSetLayout.METADATA_TABLE, e);
    } finally {
      lookups.giveBack(slot);
    }
    if (m.schemaFingerprint() != null && !m.schemaFingerprint().equals(id.schemaFingerprint())) {
      throw new DataSetOpenException(
          name,
          file
              + " has schema"
              + " fingerprint "
              + id.schemaFingerprint()
              + ", but its manifest says "
              + m.schemaFingerprint()
              + ": the file and the manifest come from different builds."
              + " Rebuild the dataset.");
    }
    return id.schemaFingerprint();
  }

  /** A file SQLite opened but whose {@code what} it cannot read. */
  static DataSetOpenException unreadable(String name, Path file, String what, SQLException e) {
    return new DataSetOpenException(
        name,
        file
            + " is not a readable datajar dataset ("
            + what
            + " cannot be read: "
            + e.getMessage()
            + "). Rebuild it.",
        e);
  }

  /** The message for a file that does not match its manifest. */
  static String mismatch(
      String where, String actual, long actualBytes, String expected, long expectedBytes) {
    return where
        + " has sha256 "
        + actual
        + " ("
        + actualBytes
        + " bytes), but its manifest says "
        + expected
        + " ("
        + expectedBytes
        + " bytes)."
        + " The file was changed after it was built, or the jar is corrupt: rebuild the dataset.";
  }
}
