package dev.datajar.runtime.internal.core;

import dev.datajar.runtime.format.Codec;
import dev.datajar.runtime.format.TableModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The engine seam: everything the reads do differently on SQLite and on PostgreSQL, one
 * implementation per engine ({@link SqliteFlavour}, and {@code PostgresFlavour} in {@code
 * internal.postgres}, PostgreSQL's one home). The caller that opens a dataset picks the
 * implementation once ({@code Engine.Reach}); every other caller (mappers, SQL and HQL writers, the
 * row path, {@code sql()}) asks it and never tests which engine it is on. Decisions that depend on
 * a table's columns are made once, when its mapper is built.
 *
 * <p>SQLite's behaviour is the reference; on PostgreSQL the same results come from native column
 * types ({@link #codec}), {@code ilike} with no escape character (SQLite's {@code like} ignores the
 * case of ASCII letters and has none), NULL sorted as the smallest value, streams read through a
 * server-side cursor, and a set of values as one array parameter. An {@code OffsetDateTime} or
 * {@code ZonedDateTime} compares by its instant on both: PostgreSQL's {@code timestamptz} does so
 * itself, SQLite's text ({@code <UTC instant>Z [<offset>]}) through its fixed-width instant ({@link
 * #instantText}). Hibernate's PostgreSQL dialect makes the same choices ({@code
 * DataJarPostgresDialect}), so both paths agree.
 *
 * <p>Public only so that the PostgreSQL implementation, in its own package, can implement it; not
 * API.
 */
public interface SqlFlavour {
  /** How {@code codec}'s attribute is stored in a table of this engine. */
  Codec codec(Codec codec);

  /**
   * How a column of an {@code sql()} result holding values of {@code codec} is read: {@link
   * #codec}, but always from that one column (on PostgreSQL an {@code OffsetDateTime} or {@code
   * ZonedDateTime} at offset 0, as Hibernate read such a column before {@code sql()} left it).
   */
  default Codec resultCodec(Codec codec) {
    return codec(codec);
  }

  /**
   * Adds the quoted column(s) a value of {@code codec} (from {@link #codec}) in column {@code name}
   * is read from: the column, and on PostgreSQL the offset column of a time-zone pair, named as
   * Hibernate names it.
   */
  default void select(List<String> columns, String name, Codec codec) {
    columns.add(TableModel.quote(name));
  }

  /**
   * Whether a lookup by id reads the row's to-one targets in the same statement ({@code
   * JoinedLookup}): on PostgreSQL, where every statement is a round trip to the server; SQLite
   * reads them from the file in a few microseconds, mostly from the targets' cache, so a join would
   * only add work.
   */
  boolean joinsToOnes();

  /**
   * Whether a search that reads every row and is ordered by an id of type {@code idType} alone (
   * {@code null} for a composite id) may sort in memory instead of asking the server to: on
   * PostgreSQL, for an integer id, whose order is the same in Java and in SQL. SQLite reads a rowid
   * table in id order anyway; PostgreSQL would sort the rows it found through another index, which
   * costs it more than sorting them here (see docs/benchmarks.md).
   */
  boolean sortsInMemory(Class<?> idType);

  /**
   * True if {@code codec}'s values are stored as text that starts with their UTC instant (SQLite's
   * {@code OffsetDateTime} and {@code ZonedDateTime}): compared and ordered by that instant alone.
   */
  boolean instantText(Codec codec);

  /**
   * What an order sorts the column {@code expression} of {@code codec} by: the column, or for
   * {@link #instantText} the instant at its start (equal instants at different offsets are then
   * ties, broken by the id).
   */
  String orderKey(String expression, Codec codec);

  /** A set of values bound as one SQL array of element type {@code type} (never compared). */
  @SuppressWarnings("ArrayRecordComponent")
  record ArrayValue(String type, Object[] elements) {}

  /**
   * {@code values} (attribute values of {@code codec}) as one array parameter for {@code col = any
   * (?)}, on PostgreSQL for the types listed in docs/queries.md; empty elsewhere, where each value
   * is a parameter of its own.
   */
  Optional<ArrayValue> array(Codec codec, List<Object> values);

  /** Binds a parameter: an {@link ArrayValue} as an SQL array, anything else by its codec. */
  static void bind(PreparedStatement ps, int index, Object value, Codec codec) throws SQLException {
    if (value instanceof ArrayValue a) {
      ps.setArray(index, ps.getConnection().createArrayOf(a.type(), a.elements()));
    } else {
      codec.bind(ps, index, value);
    }
  }

  /** The operator of a case-insensitive pattern match, before its parameter. */
  /**
   * How a call's time limit stops a statement on {@code jdbc} from another thread, or {@code null}
   * where the engine needs none ({@link QueryTimeLimit}: SQLite's progress handler runs on the
   * calling thread).
   */
  default QueryTimeLimit.Canceller canceller(Connection jdbc) throws SQLException {
    return null;
  }

  String like();

  /** What follows the pattern parameter ({@code ""} if nothing). */
  String afterPattern();

  /** An order's direction, NULL first ascending and last descending, as SQLite sorts it. */
  String direction(boolean descending);

  /** The {@code limit}/{@code offset} clause ({@code ""} when there is neither). */
  String limit(OptionalInt limit, long offset);

  /** Prepares {@code ps} to be read row by row (on PostgreSQL through a cursor). */
  void beginCursor(Connection c, PreparedStatement ps) throws SQLException;

  /** Ends what {@link #beginCursor} began, leaving the connection as a lookup expects it. */
  void endCursor(Connection c) throws SQLException;

  /**
   * Why the text of an {@code sql()} call may not run on this engine, read by its lexical rules, or
   * empty if it may.
   */
  Optional<String> sqlRefusal(String sql);

  /**
   * True if the driver splits a call's text into statements on the client (pgjdbc): then the text
   * as prepared, exactly as the driver is given it, is checked again ({@link #sqlRefusal}).
   */
  boolean splitsStatements();

  /**
   * Begins an {@code sql()} call of dataset {@code dataSet} on {@code c}, before its statement is
   * prepared: on PostgreSQL a {@code READ ONLY} transaction; nothing on SQLite, whose connections
   * are read-only.
   */
  void beginSqlCall(String dataSet, Connection c) throws SQLException;

  /**
   * Ends what {@link #beginSqlCall} began (on PostgreSQL: rolls the transaction back, auto-commit
   * on again), after the call's rows were read or it failed.
   */
  void endSqlCall(Connection c) throws SQLException;

  /**
   * True if a statement of {@code sql()} or {@code query()} can leave state in its session that the
   * call's rollback does not undo (a server's session advisory locks, dblink connections, random
   * seed): then the session is not lent again after such a call.
   */
  boolean sessionOutlivesRollback();

  /**
   * What HQL puts before the path of an {@code OffsetDateTime} or {@code ZonedDateTime} attribute
   * to compare or order it by its instant.
   */
  String hqlInstantBefore();

  /** What HQL puts after that path ({@link #hqlInstantBefore}). */
  String hqlInstantAfter();

  /** An instant as HQL compares it with {@link #hqlInstantBefore}'s operand. */
  Object hqlInstant(Instant instant);
}
