package dev.datajar.runtime.internal;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.postgresql.core.Parser;

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
 * <p>On PostgreSQL ({@link #refusalOnPostgres}) the text is read by PostgreSQL's rules (comments
 * nest; dollar quotes and {@code E'…'} escapes hide a {@code ;}), and the number of statements is
 * the one that matters: how many pgjdbc, which splits the text at {@code ;} on the client and sends
 * each part as a statement of its own, would send. There the text is not what makes a call safe:
 * the one statement runs through the extended protocol (whose parse message refuses a second
 * command), in a transaction that begins {@code READ ONLY} and is rolled back after the call, under
 * a time limit enforced from the client (see {@code Queries}).
 */
public final class SqlGuard {
  private SqlGuard() {}

  /**
   * Why {@code sql} may not run on PostgreSQL, or empty if it may: its first word (after
   * PostgreSQL's comments) is {@code select}, {@code with} or {@code values}, and pgjdbc sends it
   * as exactly one statement, whatever the server's {@code standard_conforming_strings}.
   */
  public static Optional<String> refusalOnPostgres(String sql) {
    int start = skipPostgresSpaceAndComments(sql, 0);
    int end = start;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    Optional<String> first = firstWordRefusal(sql, start, end);
    if (first.isPresent()) {
      return first;
    }
    for (boolean standardConformingStrings : new boolean[] {true, false}) {
      int statements;
      try {
        statements =
            Parser.parseJdbcSql(
                    Parser.replaceProcessing(sql, true, standardConformingStrings),
                    standardConformingStrings,
                    true,
                    true,
                    false,
                    false)
                .size();
      } catch (SQLException e) {
        return Optional.of("the PostgreSQL driver cannot read it (" + e.getMessage() + ")");
      }
      if (statements != 1) {
        return Optional.of(
            "it holds "
                + statements
                + " statements by PostgreSQL's rules (strings, dollar quotes,"
                + " E'…' escapes and nested comments considered); a call runs one statement");
      }
    }
    return Optional.empty();
  }

  /** Skips white space, {@code --} comments and {@code /* *}{@code /} comments, which nest. */
  private static int skipPostgresSpaceAndComments(String sql, int from) {
    int i = from;
    while (i < sql.length()) {
      if (" \t\n\r\f\u000B".indexOf(sql.charAt(i)) >= 0) { // PostgreSQL's white space
        i++;
      } else if (sql.startsWith("--", i)) {
        while (i < sql.length() && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
          i++; // PostgreSQL ends a line comment at either
        }
      } else if (sql.startsWith("/*", i)) {
        int depth = 0;
        while (i < sql.length()) {
          if (sql.startsWith("/*", i)) {
            depth++;
            i += 2;
          } else if (sql.startsWith("*/", i)) {
            depth--;
            i += 2;
            if (depth == 0) {
              break;
            }
          } else {
            i++;
          }
        }
      } else {
        return i;
      }
    }
    return i;
  }

  private static Optional<String> firstWordRefusal(String sql, int start, int end) {
    String first = sql.substring(start, end).toLowerCase(Locale.ROOT);
    if (!first.equals("select") && !first.equals("with") && !first.equals("values")) {
      return Optional.of(
          first.isEmpty()
              ? "it holds no statement"
              : "a call runs one SELECT (or WITH … SELECT, or VALUES) statement, and '"
                  + sql.substring(start, end)
                  + "' is not one");
    }
    return Optional.empty();
  }

  /** Why {@code sql} may not run on SQLite, or empty if it may. */
  public static Optional<String> refusal(String sql) {
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

  /** The index after the quote that closes a quoted run ({@code ''} inside stays inside). */
  private static int closing(String sql, int from, char quote) {
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

  /** The index after a comment starting at {@code i}, or {@code i} if none starts there. */
  private static int skipComment(String sql, int i) {
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
