package dev.datajar.runtime.internal.postgres;

import dev.datajar.runtime.format.Codec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * How the types SQLite keeps as text are stored in PostgreSQL, through the same pgjdbc calls
 * Hibernate's PostgreSQL mapping makes ({@link PostgresFormat}): exact {@code numeric}, {@code
 * date}, {@code time(6)}, {@code timestamp(6)}, {@code timestamptz}, {@code uuid}. An {@code
 * OffsetDateTime} or {@code ZonedDateTime} takes two columns, the instant and, in the column after
 * it, the offset in seconds (Hibernate's {@code COLUMN} time-zone storage); it compares and sorts
 * by the instant. Every other codec reads and binds the same on both engines ({@link #of}).
 */
final class PostgresCodec extends Codec {
  /** The kinds whose PostgreSQL form differs from SQLite's, by the SQLite codec's spec. */
  enum Kind {
    DECIMAL,
    BIG_INTEGER,
    DATE,
    TIME,
    DATE_TIME,
    INSTANT,
    OFFSET,
    ZONED,
    UUID_NATIVE;

    static Kind of(String spec) {
      return switch (spec) {
        case "decimal" -> DECIMAL;
        case "biginteger" -> BIG_INTEGER;
        case "date" -> DATE;
        case "time" -> TIME;
        case "datetime" -> DATE_TIME;
        case "instant" -> INSTANT;
        case "offset" -> OFFSET;
        case "zoned" -> ZONED;
        case "uuid" -> UUID_NATIVE;
        default -> null;
      };
    }
  }

  private final Kind kind;

  /**
   * True for an {@code OffsetDateTime} or {@code ZonedDateTime} read from one {@code timestamptz}
   * column alone ({@link #oneColumn}), at offset 0 as pgjdbc gives it.
   */
  private final boolean alone;

  /**
   * {@code codec} (a storage-format codec) as it reads and binds the same attribute in a PostgreSQL
   * table built by datajar: this form where the types differ, else itself; a converter is kept over
   * its stored value's form ({@link Codec#withColumnForm}).
   */
  static Codec of(Codec codec) {
    return codec.withColumnForm(PostgresCodec::columnForm);
  }

  private static Codec columnForm(Codec onSqlite) {
    if (onSqlite instanceof PostgresCodec) {
      return onSqlite;
    }
    Kind k = Kind.of(onSqlite.spec());
    return k == null ? onSqlite : new PostgresCodec(onSqlite, k);
  }

  /**
   * {@link #of}, except that an {@code OffsetDateTime} or {@code ZonedDateTime} is read from one
   * {@code timestamptz} column alone, at offset 0 (UTC): a column of an {@code sql()} result, which
   * Hibernate read that way too ({@code addScalar}: pgjdbc's {@code OffsetDateTime}, a {@code
   * ZonedDateTime} at that offset), whatever offset column the table has beside it.
   */
  static Codec oneColumn(Codec codec) {
    Codec c = of(codec);
    return c instanceof PostgresCodec p && p.width() == 2 ? new PostgresCodec(p, p.kind, true) : c;
  }

  private PostgresCodec(Codec onSqlite, Kind kind) {
    this(onSqlite, kind, false);
  }

  private PostgresCodec(Codec onSqlite, Kind kind, boolean alone) {
    super(onSqlite.spec(), onSqlite.javaType());
    this.kind = kind;
    this.alone = alone;
  }

  @Override
  public Class<?> storedType() {
    return javaType();
  }

  @Override
  public int width() {
    return !alone && (kind == Kind.OFFSET || kind == Kind.ZONED) ? 2 : 1;
  }

  @Override
  public Object read(ResultSet rs, int i) throws SQLException {
    return switch (kind) {
      case DECIMAL -> rs.getBigDecimal(i);
      case BIG_INTEGER -> {
        BigDecimal d = rs.getBigDecimal(i);
        yield d == null ? null : d.toBigIntegerExact();
      }
      case DATE -> rs.getObject(i, LocalDate.class);
      case TIME -> rs.getObject(i, LocalTime.class);
      case DATE_TIME -> rs.getObject(i, LocalDateTime.class);
      case INSTANT -> {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        yield t == null ? null : t.toInstant();
      }
      case OFFSET, ZONED -> {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        if (t == null) {
          yield null;
        }
        if (alone) {
          yield kind == Kind.OFFSET ? t : t.toZonedDateTime();
        }
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(rs.getInt(i + 1));
        yield kind == Kind.OFFSET ? t.withOffsetSameInstant(offset) : t.atZoneSameInstant(offset);
      }
      case UUID_NATIVE -> rs.getObject(i, UUID.class);
    };
  }

  @Override
  public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.NULL);
      return;
    }
    switch (kind) {
      case DECIMAL -> ps.setBigDecimal(i, (BigDecimal) v);
      case BIG_INTEGER -> ps.setBigDecimal(i, new BigDecimal((BigInteger) v));
      case INSTANT -> ps.setObject(i, ((Instant) v).atOffset(ZoneOffset.UTC));
      case ZONED -> ps.setObject(i, ((ZonedDateTime) v).toOffsetDateTime());
      default -> ps.setObject(i, v); // dates, times, offsets and UUIDs as themselves
    }
  }

  @Override
  public void bindStored(PreparedStatement ps, int index, Object value) throws SQLException {
    bind(ps, index, value);
  }
}
