package dev.datajar.tools;

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
}
