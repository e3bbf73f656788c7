package dev.datajar.runtime.internal;

import dev.datajar.runtime.format.Codec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.OptionalInt;

/**
 * Where the plain reads' SQL and connections differ between the engines. SQLite's behaviour is the
 * reference; on PostgreSQL the same results come from native column types ({@link
 * Codec#onPostgres()}), {@code ilike} with no escape character (SQLite's {@code like} ignores the
 * case of ASCII letters and has none), NULL sorted as the smallest value, and streams read through
 * a server-side cursor. Hibernate's PostgreSQL dialect makes the same choices ({@code
 * DataJarPostgresDialect}), so both paths agree.
 */
enum SqlFlavour {
  SQLITE,
  POSTGRES;

  /** Rows a PostgreSQL stream fetches per round trip. */
  static final int STREAM_FETCH_SIZE = 500;

  /** How {@code codec}'s attribute is stored in a table of this engine. */
  Codec codec(Codec codec) {
    return this == POSTGRES ? codec.onPostgres() : codec;
  }

  /**
   * Whether a lookup by id reads the row's to-one targets in the same statement: on PostgreSQL,
   * where every statement is a round trip to the server; SQLite reads them from the file in a few
   * microseconds, mostly from the targets' cache, so a join would only add work.
   */
  boolean joinsToOnes() {
    return this == POSTGRES;
  }

  /**
   * Whether a search that reads every row and is ordered by {@code m}'s id alone may sort in memory
   * instead of asking the server to: on PostgreSQL, for an integer id, whose order is the same in
   * Java and in SQL. SQLite reads a rowid table in id order anyway; PostgreSQL would sort the rows
   * it found through another index, which costs it more than sorting them here (see
   * docs/benchmarks.md).
   */
  boolean sortsInMemory(RowMapper<?> m) {
    if (m.key != null) {
      return false;
    }
    Class<?> id = m.idCodec.javaType();
    return this == POSTGRES
        && (id == Long.class || id == Integer.class || id == Short.class || id == Byte.class);
  }

  /** The operator of a case-insensitive pattern match, before its parameter. */
  String like() {
    return this == POSTGRES ? " ilike " : " like ";
  }

  /** What follows the pattern parameter: PostgreSQL's {@code like} would escape with '\'. */
  String afterPattern() {
    return this == POSTGRES ? " escape ''" : "";
  }

  /** An order's direction, NULL first ascending and last descending, as SQLite sorts it. */
  String direction(boolean descending) {
    if (this == POSTGRES) {
      return descending ? " desc nulls last" : " asc nulls first";
    }
    return descending ? " desc" : " asc";
  }

  /** The {@code limit}/{@code offset} clause ({@code ""} when there is neither). */
  String limit(OptionalInt limit, long offset) {
    if (limit.isEmpty() && offset <= 0) {
      return "";
    }
    String max =
        limit.isPresent() ? String.valueOf(limit.getAsInt()) : this == POSTGRES ? "all" : "-1";
    return " limit " + max + " offset " + offset;
  }

  /**
   * Prepares {@code ps} to be read row by row: on PostgreSQL in a (read-only) transaction with a
   * fetch size, which pgjdbc needs to read through a cursor instead of loading every row first.
   */
  void beginCursor(Connection c, PreparedStatement ps) throws SQLException {
    if (this == POSTGRES) {
      c.setAutoCommit(false);
      ps.setFetchSize(STREAM_FETCH_SIZE);
    }
  }

  /** Ends what {@link #beginCursor} began, leaving the connection as a lookup expects it. */
  void endCursor(Connection c) throws SQLException {
    if (this == POSTGRES) {
      c.rollback();
      c.setAutoCommit(true);
    }
  }
}
