package dev.datajar.runtime.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Collation;

/**
 * Exact storage of {@code BigDecimal} and {@code BigInteger}: plain decimal text (never exponent
 * notation, the written scale kept) in a column declared {@code text collate decimal}.
 *
 * <p>SQLite's NUMERIC affinity would turn {@code 123456789012345.6789} into a double and lose
 * digits, so the column has TEXT affinity; the {@code decimal} collation then makes {@code =},
 * {@code <}, {@code between}, {@code order by} and indexes compare the numbers by value ({@code 10
 * > 9}, {@code 1.50 = 1.5}). The sqlite3 shell has a collation of the same name and meaning, so the
 * file stays queryable there.
 */
public final class DecimalText {
  /** Name of the collation every datajar connection registers. */
  public static final String COLLATION = "decimal";

  private DecimalText() {}

  /** The stored text of {@code v}: {@code toPlainString()}, with a negative scale made 0. */
  public static String format(BigDecimal v) {
    return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
  }

  public static String format(BigInteger v) {
    return v.toString();
  }

  /** Registers the {@value #COLLATION} collation on a sqlite-jdbc connection. */
  public static void register(Connection connection) throws SQLException {
    Collation.create(connection, COLLATION, new NumericCollation());
  }

  /**
   * Compares two stored texts by numeric value. Text that is not a number (which datajar never
   * writes, but a hand-edited file might hold) sorts after every number, by its characters.
   */
  public static int compare(String a, String b) {
    // Fast path: most decimal columns hold short integers or short fractions. Two plain
    // integers of up to 18 digits fit a long, which avoids two BigDecimal allocations.
    if (a.length() <= 18 && b.length() <= 18 && isPlainInteger(a) && isPlainInteger(b)) {
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    }
    BigDecimal x = parseOrNull(a);
    BigDecimal y = parseOrNull(b);
    if (x != null && y != null) {
      return x.compareTo(y);
    }
    if (x != null) {
      return -1;
    }
    if (y != null) {
      return 1;
    }
    return a.compareTo(b);
  }

  private static boolean isPlainInteger(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    if (s.length() == start) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static BigDecimal parseOrNull(String s) {
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static final class NumericCollation extends Collation {
    @Override
    protected int xCompare(String a, String b) {
      return compare(a, b);
    }
  }
}
