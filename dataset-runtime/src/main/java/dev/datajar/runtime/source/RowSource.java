package dev.datajar.runtime.source;

import java.util.Map;
import java.util.stream.Stream;

/**
 * Code that produces the rows of one table at build time, for data that needs a transform (deriving
 * a foreign key from a code, joining two files, generating rows).
 *
 * <p>The builder finds every concrete implementation with a public no-argument constructor in the
 * dataset module's classes, and streams its rows into {@link #table()} of {@link #dataSet()}. It is
 * never loaded at run time.
 *
 * <p>Each row maps a column name (or an entity attribute name) to its value: either a {@code
 * String}, parsed exactly as a CSV field would be, or a value of the attribute's Java type. A
 * missing key means the column's default; a {@code null} value means SQL NULL.
 */
public interface RowSource {
  /** The dataset whose table this fills. */
  String dataSet();

  /** The table, as Hibernate names it. */
  String table();

  /**
   * The rows, read lazily; the builder closes the stream.
   *
   * @param context gives access to the dataset's source files
   */
  Stream<Map<String, ?>> rows(SourceContext context) throws Exception;
}
