package dev.datajar.builder;

import java.util.List;

/**
 * A problem the user can fix in their data, entities or configuration: a bad value, a dangling
 * reference, an entity in two datasets, a missing source file.
 *
 * <p>The message is complete and meant to be shown unchanged: it names the dataset, and for data
 * problems the file, line and column, the value and what was expected. Problems of one file are
 * numbered and capped; {@link #problems()} holds each one on its own.
 */
public class DataSetBuildException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  public DataSetBuildException(String message) {
    this(message, List.of(message));
  }

  public DataSetBuildException(String message, List<String> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public DataSetBuildException(String message, Throwable cause) {
    super(message, cause);
    this.problems = List.of(message);
  }

  /** Each problem found, in the order found; at most the cap that the message reports. */
  public List<String> problems() {
    return problems;
  }
}
