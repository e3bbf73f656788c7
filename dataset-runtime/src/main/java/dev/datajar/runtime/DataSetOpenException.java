package dev.datajar.runtime;

/**
 * A dataset could not be opened at start-up: not found, not the file its manifest describes, not a
 * SQLite file, or built from entities that differ from the ones on the classpath.
 *
 * <p>The message names the dataset, the resource or path, what is wrong and how to fix it. It
 * starts with {@code dataset '<name>': }, which the constructors add, unless it is about no single
 * dataset's contents ({@link #withMessage}).
 */
public class DataSetOpenException extends DataSetException {
  private static final long serialVersionUID = 1L;
  private final String dataSet;

  /**
   * @param problem what is wrong and how to fix it; the message is {@code dataset '<dataSet>': }
   *     followed by it
   */
  public DataSetOpenException(String dataSet, String problem) {
    this(dataSet, problem, null);
  }

  /** As {@link #DataSetOpenException(String, String)}, with the failure that caused it. */
  public DataSetOpenException(String dataSet, String problem, Throwable cause) {
    this(dataSet, cause, "dataset '" + dataSet + "': " + problem);
  }

  private DataSetOpenException(String dataSet, Throwable cause, String message) {
    super(message, cause);
    this.dataSet = dataSet;
  }

  /**
   * An exception with exactly {@code message}, for a problem the prefix does not fit: one about the
   * class path as a whole (no dataset found, a jar there twice) or a message that names the dataset
   * in its own words.
   *
   * @param dataSet the dataset that failed, or {@code "*"} for none in particular
   * @param cause the failure behind it, or {@code null}
   */
  public static DataSetOpenException withMessage(String dataSet, String message, Throwable cause) {
    return new DataSetOpenException(dataSet, cause, message);
  }

  /** The name of the dataset that failed to open. */
  public String dataSet() {
    return dataSet;
  }
}
