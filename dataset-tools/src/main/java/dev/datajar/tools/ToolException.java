package dev.datajar.tools;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A problem with what the tools were given (a path, coordinates, a dataset name, two datasets that
 * cannot be compared) that the user can fix.
 *
 * <p>The message is one complete line: what was given, what was expected, and how to fix it.
 * Command lines print it without a stack trace; the Maven goals fail with it unchanged.
 */
public class ToolException extends Exception {
  private static final long serialVersionUID = 1L;

  public ToolException(String message) {
    super(message);
  }

  public ToolException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * {@code where} cannot be written ({@code what} is being written there): a file where a folder is
   * needed, a folder without permission, a full disk; the message names the path and the reason.
   */
  public static ToolException cannotWrite(String what, Path where, IOException e) {
    String reason;
    if (e instanceof FileAlreadyExistsException) {
      reason = "a file is in the way";
    } else if (e instanceof NoSuchFileException) {
      reason = "it cannot be created there";
    } else if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      reason = f.getReason();
    } else {
      reason = e.getClass().getSimpleName() + (e.getMessage() != null ? " " + e.getMessage() : "");
    }
    if (e instanceof FileSystemException f
        && f.getFile() != null
        && !f.getFile().equals(where.toString())) {
      reason += " (" + f.getFile() + ")";
    }
    return new ToolException(
        "cannot write " + what + " into " + where + ": " + reason + ". Give a folder you can write",
        e);
  }
}
