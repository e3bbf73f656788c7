package dev.datajar.runtime;

/**
 * An attempt to change a dataset. Datasets are built at build time and never change at run time;
 * change the source files and rebuild instead.
 */
public class ReadOnlyDataSetException extends DataSetException {
  private static final long serialVersionUID = 1L;

  public ReadOnlyDataSetException(String message, Throwable cause) {
    super(message, cause);
  }
}
