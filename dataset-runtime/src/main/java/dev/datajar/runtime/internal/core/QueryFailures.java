package dev.datajar.runtime.internal.core;

import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.ReadOnlyDataSetException;
import java.sql.SQLException;

/**
 * How a {@code query()} or {@code sql()} call that did not run reports it: a statement refused as
 * not a query ({@link ReadOnlyDataSetException}), or a failure for another reason ({@link
 * DataSetException} naming the dataset and the statement, the driver's or Hibernate's exception as
 * its cause). One home for both paths: {@code sql()} on the row path ({@code read.SqlCall}) and
 * {@code query()} through Hibernate ({@code hibernate.Queries}).
 */
public final class QueryFailures {
  private QueryFailures() {}

  /** The refusal of a statement given to {@code sql()} that is not a query; {@code why} ends it. */
  public static ReadOnlyDataSetException sqlRefused(
      String dataSet, String sql, String why, Throwable cause) {
    return new ReadOnlyDataSetException(
        "dataset '" + dataSet + "' is read-only: sql() runs queries only, not '" + sql + "'" + why,
        cause);
  }

  /**
   * A {@code query()} or {@code sql()} call that failed for another reason than a refusal (a syntax
   * error, an unknown column, a parameter that does not fit): datajar's exception, naming the
   * dataset and the statement, with the driver's or Hibernate's as its cause; the closed message if
   * the dataset was closed meanwhile.
   */
  public static DataSetException failed(
      String dataSet, boolean closed, String call, String statement, Exception e) {
    if (closed) {
      return ClosedDataSet.exception(dataSet, e);
    }
    return new DataSetException(
        "dataset '" + dataSet + "': " + call + " failed for '" + statement + "': " + rootMessage(e),
        e);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.toString();
  }

  /** True if {@code e} or a cause is the database refusing a write (or a statement not a query). */
  public static boolean isReadOnlyRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && "25006".equals(s.getSQLState())) {
        return true; // PostgreSQL: read_only_sql_transaction
      }
      String m = t.getMessage();
      // sqlite-jdbc says "Query does not return results" for a statement that is not a query,
      // before SQLite would refuse it as a write on a read-only connection; pgjdbc says "No
      // results were returned by the query" (e.g. for a SET, which the next transaction's
      // READ ONLY makes harmless anyway).
      if (m != null
          && (m.contains("SQLITE_READONLY")
              || m.contains("attempt to write a readonly")
              || m.contains("Query does not return results")
              || m.contains("No results were returned by the query"))) {
        return true;
      }
    }
    return false;
  }
}
