package dev.datajar.runtime;

/**
 * A dataset could not be opened at start-up: not found, not the file its manifest describes, not a
 * SQLite file, or built from entities that differ from the ones on the classpath.
 *
 * <p>The message names the dataset, the resource or path, what is wrong and how to fix it.
 */
public class DataSetOpenException extends DataSetException {
  private static final long serialVersionUID = 1L;
  private final String dataSet;

  public DataSetOpenException(String dataSet, String message) {
    super(message);
    this.dataSet = dataSet;
  }

  public DataSetOpenException(String dataSet, String message, Throwable cause) {
    super(message, cause);
    this.dataSet = dataSet;
  }

  /** The name of the dataset that failed to open. */
  public String dataSet() {
    return dataSet;
  }
}
