package dev.datajar.builder.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Failures of a build that are not problems in the user's data (a full disk, a missing or
 * unwritable folder), as exceptions whose messages say what happened and where, in words: the JDK's
 * own messages are often just a path, and an exception's {@code toString()} starts with its class
 * name.
 */
final class BuildFailures {
  private BuildFailures() {}

  /** An I/O failure of a dataset's build; the cause is kept. */
  static UncheckedIOException io(String dataSet, IOException e) {
    String text = describe(e);
    boolean full = text.contains("No space left on device");
    return new UncheckedIOException(
        "dataset '"
            + dataSet
            + "': I/O failure: "
            + text
            + (full ? ". Free space on that disk, or build into folders on another one." : "."),
        e);
  }

  /**
   * A failure SQLite reported while writing the dataset's file in {@code workDirectory};
   * SQLITE_FULL (disk full) names the folder and how to get around it.
   */
  static IllegalStateException sqlite(String dataSet, SQLException e, Path workDirectory) {
    if (isFull(e)) {
      return new IllegalStateException(
          "dataset '"
              + dataSet
              + "': the disk is full: SQLite"
              + " could not write the dataset's file in "
              + workDirectory.toAbsolutePath()
              + " (SQLITE_FULL). Free space there, or set <workDirectory> (-Ddataset.workDirectory)"
              + " to a folder on a disk with room.",
          e);
    }
    return new IllegalStateException(
        "dataset '"
            + dataSet
            + "': SQLite failed while writing"
            + " the dataset's file in "
            + workDirectory.toAbsolutePath()
            + ": "
            + e.getMessage(),
        e);
  }

  private static boolean isFull(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException s
          && s.getResultCode().code == SQLiteErrorCode.SQLITE_FULL.code) {
        return true;
      }
      if (t.getMessage() != null && t.getMessage().contains("SQLITE_FULL")) {
        return true;
      }
    }
    return false;
  }

  /** What an I/O exception says, in words and with its path. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException x) {
      return "no such file or folder: " + x.getFile();
    }
    if (e instanceof AccessDeniedException x) {
      return "permission denied: " + x.getFile();
    }
    if (e instanceof FileAlreadyExistsException x) {
      return x.getFile()
          + " is in the way (it exists, but a folder or a new file is needed"
          + " there)";
    }
    if (e instanceof NotDirectoryException x) {
      return x.getFile() + " is not a folder";
    }
    if (e instanceof DirectoryNotEmptyException x) {
      return x.getFile() + " is a folder that is not empty";
    }
    if (e instanceof FileSystemException x) {
      return (x.getReason() != null ? x.getReason() : "failed")
          + ": "
          + x.getFile()
          + (x.getOtherFile() != null ? " (and " + x.getOtherFile() + ")" : "");
    }
    if (e.getMessage() != null && !e.getMessage().isBlank()) {
      return e.getMessage();
    }
    return e.getCause() instanceof IOException cause ? describe(cause) : "an unnamed I/O error";
  }
}
