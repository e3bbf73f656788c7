package dev.datajar.runtime.internal.postgres;

import dev.datajar.runtime.internal.core.SqlGuard;
import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.core.Parser;

/**
 * {@code sql()}'s guard on PostgreSQL ({@link SqlGuard} on SQLite): the text is read by
 * PostgreSQL's rules (comments nest; dollar quotes and {@code E'…'} escapes hide a {@code ;}), and
 * the number of statements is the one that matters: how many pgjdbc, which splits the text at
 * {@code ;} on the client and sends each part as a statement of its own, would send. There the text
 * is not what makes a call safe: the one statement runs through the extended protocol (whose parse
 * message refuses a second command), in a transaction that begins {@code READ ONLY} and is rolled
 * back after the call, under a time limit enforced from the client (see {@link
 * PostgresFlavour#beginSqlCall}).
 */
final class PostgresSqlGuard {
  private PostgresSqlGuard() {}

  /**
   * Why {@code sql} may not run on PostgreSQL, or empty if it may: its first word (after
   * PostgreSQL's comments) is {@code select}, {@code with} or {@code values}, and pgjdbc sends it
   * as exactly one statement, whatever the server's {@code standard_conforming_strings}.
   */
  static Optional<String> refusal(String sql) {
    int start = skipPostgresSpaceAndComments(sql, 0);
    int end = start;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    Optional<String> first = SqlGuard.firstWordRefusal(sql, start, end);
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
}
