package dev.datajar.runtime.internal.postgres;

import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.format.Codec;
import dev.datajar.runtime.format.TableModel;
import dev.datajar.runtime.internal.core.QueryTimeLimit;
import dev.datajar.runtime.internal.core.SqlFlavour;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.postgresql.PGConnection;
import org.postgresql.jdbc.PreferQueryMode;

/**
 * PostgreSQL's side of the engine seam: native column types ({@link PostgresCodec}, with an {@code
 * OffsetDateTime} or {@code ZonedDateTime} in a {@code timestamptz} and an offset column), {@code
 * ilike … escape ''}, NULL sorted first ascending and last descending (as SQLite does), {@code
 * limit all}, a set of values as one array parameter, streams through a cursor in a read-only
 * transaction, a lookup by id joining its to-ones, the default order by an integer id applied in
 * memory, and {@code sql()} checked by PostgreSQL's lexical rules and run in a transaction begun
 * {@code READ ONLY}. Immutable.
 */
public final class PostgresFlavour implements SqlFlavour {
  /** The one instance. */
  public static final PostgresFlavour INSTANCE = new PostgresFlavour();

  /** Rows a PostgreSQL stream fetches per round trip. */
  static final int STREAM_FETCH_SIZE = 500;

  private PostgresFlavour() {}

  @Override
  public Codec codec(Codec codec) {
    return PostgresCodec.of(codec);
  }

  @Override
  public Codec resultCodec(Codec codec) {
    return PostgresCodec.oneColumn(codec);
  }

  @Override
  public void select(List<String> columns, String name, Codec codec) {
    columns.add(TableModel.quote(name));
    if (codec.width() == 2) {
      columns.add(TableModel.quote(PostgresFormat.offsetColumn(name)));
    }
  }

  @Override
  public boolean joinsToOnes() {
    return true;
  }

  @Override
  public boolean sortsInMemory(Class<?> id) {
    return id == Long.class || id == Integer.class || id == Short.class || id == Byte.class;
  }

  @Override
  public boolean instantText(Codec codec) {
    return false;
  }

  @Override
  public String orderKey(String expression, Codec codec) {
    return expression;
  }

  @SuppressWarnings("EnumOrdinal") // an enum stored by ordinal is compared by its ordinal
  @Override
  public Optional<ArrayValue> array(Codec codec, List<Object> values) {
    if (codec.converted()) {
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

  @Override
  public QueryTimeLimit.Canceller canceller(Connection jdbc) throws SQLException {
    return PostgresDriver.canceller(jdbc);
  }

  @Override
  public String like() {
    return " ilike ";
  }

  /** PostgreSQL's {@code like} would escape with '\'. */
  @Override
  public String afterPattern() {
    return " escape ''";
  }

  @Override
  public String direction(boolean descending) {
    return descending ? " desc nulls last" : " asc nulls first";
  }

  @Override
  public String limit(OptionalInt limit, long offset) {
    if (limit.isEmpty() && offset <= 0) {
      return "";
    }
    return " limit "
        + (limit.isPresent() ? String.valueOf(limit.getAsInt()) : "all")
        + " offset "
        + offset;
  }

  /**
   * In a (read-only) transaction with a fetch size, which pgjdbc needs to read through a cursor
   * instead of loading every row first.
   */
  @Override
  public void beginCursor(Connection c, PreparedStatement ps) throws SQLException {
    c.setAutoCommit(false);
    ps.setFetchSize(STREAM_FETCH_SIZE);
  }

  @Override
  public void endCursor(Connection c) throws SQLException {
    c.rollback();
    c.setAutoCommit(true);
  }

  @Override
  public Optional<String> sqlRefusal(String sql) {
    return PostgresSqlGuard.refusal(sql);
  }

  @Override
  public boolean splitsStatements() {
    return true;
  }

  @Override
  public boolean sessionOutlivesRollback() {
    return true;
  }

  /**
   * Begins the transaction of an {@code sql()} call on PostgreSQL, read-only whatever the URL asked
   * of pgjdbc ({@code readOnlyMode}) and whatever the session's default: auto-commit off, then
   * {@code SET TRANSACTION READ ONLY}, which no statement of the transaction can undo (PostgreSQL
   * refuses to make a read-only transaction writable); {@link #endSqlCall} rolls it back. The
   * statement must reach the server through the extended protocol, whose parse message refuses a
   * second command; a URL with {@code preferQueryMode=simple} would send the text as it is, so the
   * call is refused.
   */
  @Override
  public void beginSqlCall(String dataSet, Connection c) throws SQLException {
    if (c.unwrap(PGConnection.class).getPreferQueryMode() == PreferQueryMode.SIMPLE) {
      throw new DataSetException(
          "dataset '"
              + dataSet
              + "': sql() is refused on a connection with preferQueryMode=simple, which sends the"
              + " text to PostgreSQL as it is (several statements included). Remove"
              + " preferQueryMode from the dataset's JDBC URL.");
    }
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("set transaction read only");
    }
  }

  /** Rolls back what {@link #beginSqlCall} began and puts the connection back in auto-commit. */
  @Override
  public void endSqlCall(Connection c) throws SQLException {
    if (!c.getAutoCommit()) {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  /** The {@code timestamptz} column of Hibernate's column pair. */
  @Override
  public String hqlInstantBefore() {
    return "";
  }

  @Override
  public String hqlInstantAfter() {
    return ".instant";
  }

  @Override
  public Object hqlInstant(Instant instant) {
    return instant;
  }

  @Override
  public String toString() {
    return "PostgreSQL";
  }
}
