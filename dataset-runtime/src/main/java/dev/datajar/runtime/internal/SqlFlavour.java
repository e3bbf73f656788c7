package dev.datajar.runtime.internal;

import dev.datajar.runtime.format.Codec;
import dev.datajar.runtime.format.TemporalText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Where the plain reads' SQL and connections differ between the engines. SQLite's behaviour is the
 * reference; on PostgreSQL the same results come from native column types ({@link
 * Codec#onPostgres()}), {@code ilike} with no escape character (SQLite's {@code like} ignores the
 * case of ASCII letters and has none), NULL sorted as the smallest value, and streams read through
 * a server-side cursor, and a set of values as one array parameter. An {@code OffsetDateTime} or
 * {@code ZonedDateTime} compares by its instant on both: PostgreSQL's {@code timestamptz} does so
 * itself, SQLite's text ({@code <UTC instant>Z [<offset>]}) through its fixed-width instant ({@link
 * #instantText}). Hibernate's PostgreSQL dialect makes the same choices ({@code
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

  /**
   * True if {@code codec}'s values are stored as text that starts with their UTC instant (SQLite's
   * {@code OffsetDateTime} and {@code ZonedDateTime}): compared and ordered by that instant alone.
   */
  boolean instantText(Codec codec) {
    Class<?> t = codec.javaType();
    return this == SQLITE
        && !codec.converted()
        && (t == OffsetDateTime.class || t == ZonedDateTime.class);
  }

  /**
   * What an order sorts {@code col} by: the column, or for {@link #instantText} the instant at its
   * start (equal instants at different offsets are then ties, broken by the id).
   */
  String orderKey(SqlWriter.Col col) {
    return instantText(col.codec())
        ? "substr(" + col.expression() + ", 1, " + TemporalText.INSTANT_LENGTH + ")"
        : col.expression();
  }

  /** A set of values bound as one SQL array of element type {@code type} (never compared). */
  @SuppressWarnings("ArrayRecordComponent")
  record ArrayValue(String type, Object[] elements) {}

  /**
   * {@code values} (attribute values of {@code codec}) as one array parameter for {@code col = any
   * (?)}, on PostgreSQL for the types listed in docs/queries.md; empty elsewhere, where each value
   * is a parameter of its own.
   */
  @SuppressWarnings("EnumOrdinal") // an enum stored by ordinal is compared by its ordinal
  Optional<ArrayValue> array(Codec codec, List<Object> values) {
    if (this != POSTGRES || codec.converted()) {
      return Optional.empty();
    }
    String type;
    Function<Object, Object> element;
    String spec = codec.spec();
    int colon = spec.indexOf(':');
    switch (colon < 0 ? spec : spec.substring(0, colon)) {
      case "enum-name" -> {
        type = "text";
        element = v -> ((Enum<?>) v).name();
      }
      case "enum-ordinal" -> {
        type = "int4";
        element = v -> ((Enum<?>) v).ordinal();
      }
      case "offset" -> {
        // the pair's first column, the instant: compared by instant (docs/queries.md, S5)
        type = "timestamptz";
        element = v -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) v);
      }
      case "zoned" -> {
        type = "timestamptz";
        element =
            v ->
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    ((ZonedDateTime) v).toOffsetDateTime());
      }
      case "long" -> {
        type = "int8";
        element = v -> v;
      }
      case "int" -> {
        type = "int4";
        element = v -> v;
      }
      case "short" -> {
        type = "int2";
        element = v -> v;
      }
      case "byte" -> {
        type = "int2";
        element = v -> (short) (byte) (Byte) v;
      }
      case "boolean" -> {
        type = "bool";
        element = v -> v;
      }
      case "double" -> {
        type = "float8";
        element = v -> v;
      }
      case "float" -> {
        type = "float4";
        element = v -> v;
      }
      case "text" -> {
        type = "text";
        element = v -> v;
      }
      case "char" -> {
        type = "text";
        element = v -> String.valueOf((char) (Character) v);
      }
      case "decimal" -> {
        type = "numeric";
        element = v -> v;
      }
      case "biginteger" -> {
        type = "numeric";
        element = v -> new BigDecimal((BigInteger) v);
      }
      case "duration" -> {
        type = "int8";
        element = v -> ((Duration) v).toNanos();
      }
      case "uuid" -> {
        type = "uuid";
        element = v -> v;
      }
      case "date" -> {
        type = "date";
        element = v -> DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) v);
      }
      case "time" -> {
        type = "time";
        element = v -> DateTimeFormatter.ISO_LOCAL_TIME.format((LocalTime) v);
      }
      case "datetime" -> {
        type = "timestamp";
        element = v -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((LocalDateTime) v);
      }
      case "instant" -> {
        type = "timestamptz";
        element =
            v ->
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    ((Instant) v).atOffset(ZoneOffset.UTC));
      }
      default -> {
        return Optional.empty();
      }
    }
    Object[] elements = new Object[values.size()];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = element.apply(values.get(i));
    }
    return Optional.of(new ArrayValue(type, elements));
  }

  /** Binds a parameter: an {@link ArrayValue} as an SQL array, anything else by its codec. */
  static void bind(PreparedStatement ps, int index, Object value, Codec codec) throws SQLException {
    if (value instanceof ArrayValue a) {
      ps.setArray(index, ps.getConnection().createArrayOf(a.type(), a.elements()));
    } else {
      codec.bind(ps, index, value);
    }
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
