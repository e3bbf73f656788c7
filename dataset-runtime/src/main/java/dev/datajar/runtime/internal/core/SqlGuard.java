package dev.datajar.runtime.internal.core;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides, from its text alone, whether a {@code Store.sql()} statement may reach the database: one
 * {@code SELECT}, {@code WITH} or {@code VALUES} statement, nothing after it.
 *
 * <p>Why a guard on the text: SQLite carries out many pragmas while it <em>prepares</em> them
 * ({@code pragma query_only=0} turns the connection writable before any step), and some act on the
 * whole process ({@code pragma hard_heap_limit}). sqlite-jdbc 3.54.1.0 offers no authorizer
 * callback, and a refusal after preparing would come too late, so nothing that is not a query is
 * handed to the driver at all. A {@code WITH … DELETE} passes the guard and is then refused by the
 * read-only connection, which is harmless: writes, unlike pragmas, take effect only when run. The
 * pragma table-valued functions ({@code pragma_table_info(…)}) stay usable: SQLite offers them only
 * for pragmas that read, and they take no value to set.
 *
 * <p>The scan follows SQLite's lexical rules for what can hide a keyword or a {@code ;}: {@code
 * '…'} strings, {@code "…"}, {@code `…`} and {@code […]} identifiers, {@code --} and {@code /*
 * *}{@code /} comments.
 *
 * <p>On PostgreSQL the text is read by PostgreSQL's rules instead ({@code PostgresSqlGuard}).
 */
public final class SqlGuard {
  private SqlGuard() {}

  /**
   * Why a statement whose first word is {@code sql}'s characters {@code start} to {@code end} may
   * not run, or empty if it may (a {@code select}, {@code with} or {@code values}).
   */
  public static Optional<String> firstWordRefusal(String sql, int start, int end) {
    String first = sql.substring(start, end).toLowerCase(Locale.ROOT);
    if (!first.equals("select") && !first.equals("with") && !first.equals("values")) {
      return Optional.of(
          first.isEmpty()
              ? "it holds no statement"
              : "a call runs one SELECT (or WITH … SELECT, or VALUES) statement, and '"
                  + sql.substring(start, end)
                  + "' is not one"
                  + (first.equals("pragma")
                      ? " (a pragma that reads is a table-valued function: select * from"
                          + " pragma_table_info('<table>'))"
                      : ""));
    }
    return Optional.empty();
  }

  /** Why {@code sql} may not run on SQLite, or empty if it may. */
  static Optional<String> refusal(String sql) {
    int start = skipSpaceAndComments(sql, 0);
    int end = start;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    Optional<String> first = firstWordRefusal(sql, start, end);
    if (first.isPresent()) {
      return first;
    }
    int semicolon = endOfStatement(sql, end);
    if (semicolon >= 0 && skipSpaceAndComments(sql, semicolon + 1) < sql.length()) {
      return Optional.of("it holds a second statement after ';'; a call runs one statement");
    }
    return Optional.empty();
  }

  /** Index of the first {@code ;} outside strings, identifiers and comments, or -1. */
  private static int endOfStatement(String sql, int from) {
    int i = from;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      switch (c) {
        case '\'', '"', '`' -> i = closing(sql, i + 1, c);
        case '[' -> i = closing(sql, i + 1, ']');
        case '-', '/' -> {
          int after = skipComment(sql, i);
          i = after == i ? i + 1 : after;
        }
        case ';' -> {
          return i;
        }
        default -> i++;
      }
    }
    return -1;
  }

  /**
   * The index after the quote that closes a quoted run ({@code ''} inside stays inside); {@code
   * from} is the index after the opening quote.
   */
  public static int closing(String sql, int from, char quote) {
    int i = from;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (quote != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2; // a doubled quote is the quote character itself
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return i; // unterminated: SQLite would refuse it; nothing after it can be a statement
  }

  private static int skipSpaceAndComments(String sql, int from) {
    int i = from;
    while (i < sql.length()) {
      if (Character.isWhitespace(sql.charAt(i))) {
        i++;
        continue;
      }
      int after = skipComment(sql, i);
      if (after == i) {
        return i;
      }
      i = after;
    }
    return i;
  }

  /**
   * The index after a comment starting at {@code i}, or {@code i} if none starts there ({@code
   * sql()}'s placeholders are found outside comments too).
   */
  public static int skipComment(String sql, int i) {
    if (sql.startsWith("--", i)) {
      int end = sql.indexOf('\n', i);
      return end < 0 ? sql.length() : end + 1;
    }
    if (sql.startsWith("/*", i)) {
      int end = sql.indexOf("*/", i + 2);
      return end < 0 ? sql.length() : end + 2;
    }
    return i;
  }
}
