package dev.datajar.runtime;

/**
 * Base of the exceptions datajar throws at run time: a dataset that cannot be opened, a lookup that
 * expected one row, a refused write.
 */
public class DataSetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataSetException(String message) {
    super(message);
  }

  public DataSetException(String message, Throwable cause) {
    super(message, cause);
  }
}
