package dev.datajar.runtime.internal.core;

import dev.datajar.runtime.DataSetException;

/**
 * The one message for a read of a dataset after {@code DataSets.close()}, whichever path met it.
 */
public final class ClosedDataSet {
  private ClosedDataSet() {}

  public static DataSetException exception(String name) {
    return exception(name, null);
  }

  /** The closed message for a read that met the closing: {@code cause} is what it met. */
  public static DataSetException exception(String name, Throwable cause) {
    return new DataSetException(
        "dataset '"
            + name
            + "' is closed: DataSets.close() was"
            + " called; open the datasets again (a new DataSets or injector) to read it",
        cause);
  }
}
