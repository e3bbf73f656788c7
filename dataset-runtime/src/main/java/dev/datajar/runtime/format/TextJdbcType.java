package dev.datajar.runtime.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.function.Function;
import org.hibernate.dialect.Dialect;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcLiteralFormatter;
import org.hibernate.type.descriptor.jdbc.JdbcType;

/**
 * A Hibernate {@link JdbcType} that stores a value as text in one of datajar's exact forms ({@link
 * TemporalText}, {@link DecimalText}) and reads it back from that text.
 *
 * <p>Registered by {@link DataJarDialect} for the date, time, timestamp and decimal type codes, so
 * the builder (which binds through these same binders) and the runtime (which reads through these
 * extractors) cannot disagree on a value. Values are read with {@code getString} and written with
 * {@code setString}; sqlite-jdbc's own date handling, which depends on the JVM's time zone, is
 * never used.
 */
public final class TextJdbcType implements JdbcType {
  private static final long serialVersionUID = 1L;

  public static final TextJdbcType DATE = new TextJdbcType(SqlTypes.DATE, "DATE_TEXT");
  public static final TextJdbcType TIME = new TextJdbcType(SqlTypes.TIME, "TIME_TEXT");
  public static final TextJdbcType TIMESTAMP =
      new TextJdbcType(SqlTypes.TIMESTAMP, "TIMESTAMP_TEXT");
  public static final TextJdbcType TIMESTAMP_UTC =
      new TextJdbcType(SqlTypes.TIMESTAMP_UTC, "TIMESTAMP_UTC_TEXT");
  public static final TextJdbcType TIMESTAMP_WITH_TIMEZONE =
      new TextJdbcType(SqlTypes.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP_WITH_TIMEZONE_TEXT");
  public static final TextJdbcType NUMERIC = new TextJdbcType(SqlTypes.NUMERIC, "NUMERIC_TEXT");
  public static final TextJdbcType DECIMAL = new TextJdbcType(SqlTypes.DECIMAL, "DECIMAL_TEXT");

  private final int code;
  private final String name;

  private TextJdbcType(int code, String name) {
    this.code = code;
    this.name = name;
  }

  @Override
  public int getJdbcTypeCode() {
    return code;
  }

  @Override
  public int getDdlTypeCode() {
    return code;
  }

  @Override
  public String getFriendlyName() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }

  /** How one Java type becomes text and back. */
  private record Codec<T>(Class<T> type, Function<T, String> format, Function<String, T> parse) {
    String toText(Object value) {
      return format.apply(type.cast(value));
    }
  }

  private static final Codec<LocalDate> LOCAL_DATE =
      new Codec<>(LocalDate.class, TemporalText::format, TemporalText::parseLocalDate);
  private static final Codec<LocalTime> LOCAL_TIME =
      new Codec<>(LocalTime.class, TemporalText::format, TemporalText::parseLocalTime);
  private static final Codec<LocalDateTime> LOCAL_DATE_TIME =
      new Codec<>(LocalDateTime.class, TemporalText::format, TemporalText::parseLocalDateTime);
  private static final Codec<Instant> INSTANT =
      new Codec<>(Instant.class, TemporalText::format, TemporalText::parseInstant);
  private static final Codec<OffsetDateTime> OFFSET_DATE_TIME =
      new Codec<>(OffsetDateTime.class, TemporalText::format, TemporalText::parseOffsetDateTime);
  private static final Codec<ZonedDateTime> ZONED_DATE_TIME =
      new Codec<>(ZonedDateTime.class, TemporalText::format, TemporalText::parseZonedDateTime);
  private static final Codec<BigDecimal> BIG_DECIMAL =
      new Codec<>(BigDecimal.class, DecimalText::format, BigDecimal::new);
  private static final Codec<BigInteger> BIG_INTEGER =
      new Codec<>(BigInteger.class, DecimalText::format, BigInteger::new);

  /** The codec for values of {@code javaType} under this type code. */
  private Codec<?> codecFor(JavaType<?> javaType) {
    Class<?> c = javaType.getJavaTypeClass();
    return switch (code) {
      case SqlTypes.DATE -> LOCAL_DATE;
      case SqlTypes.TIME -> LOCAL_TIME;
      case SqlTypes.TIMESTAMP -> LOCAL_DATE_TIME;
      case SqlTypes.TIMESTAMP_UTC -> INSTANT;
      case SqlTypes.TIMESTAMP_WITH_TIMEZONE ->
          ZonedDateTime.class.isAssignableFrom(c)
              ? ZONED_DATE_TIME
              : c == Instant.class ? INSTANT : OFFSET_DATE_TIME;
      default -> BigInteger.class.isAssignableFrom(c) ? BIG_INTEGER : BIG_DECIMAL;
    };
  }

  /** The stored text of a value of {@code javaType}. */
  <X> String toText(JavaType<X> javaType, X value, WrapperOptions options) {
    Codec<?> codec = codecFor(javaType);
    return codec.toText(javaType.unwrap(value, codec.type(), options));
  }

  <X> X fromText(JavaType<X> javaType, String text, WrapperOptions options) {
    if (text == null) {
      return null;
    }
    return javaType.wrap(codecFor(javaType).parse().apply(text), options);
  }

  @Override
  public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
    return new BasicBinder<>(javaType, this) {
      @Override
      protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
          throws SQLException {
        st.setString(index, toText(javaType, value, options));
      }

      @Override
      protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
          throws SQLException {
        st.setString(name, toText(javaType, value, options));
      }

      @Override
      public Object getBindValue(X value, WrapperOptions options) {
        return toText(javaType, value, options);
      }
    };
  }

  @Override
  public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
    return new BasicExtractor<>(javaType, this) {
      @Override
      protected X doExtract(ResultSet rs, int position, WrapperOptions options)
          throws SQLException {
        return fromText(javaType, rs.getString(position), options);
      }

      @Override
      protected X doExtract(CallableStatement st, int position, WrapperOptions options)
          throws SQLException {
        return fromText(javaType, st.getString(position), options);
      }

      @Override
      protected X doExtract(CallableStatement st, String name, WrapperOptions options)
          throws SQLException {
        return fromText(javaType, st.getString(name), options);
      }
    };
  }

  @Override
  public <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
    return new JdbcLiteralFormatter<>() {
      @Override
      public void appendJdbcLiteral(
          SqlAppender appender, T value, Dialect dialect, WrapperOptions options) {
        appender.appendSql('\'');
        appender.appendSql(toText(javaType, value, options).replace("'", "''"));
        appender.appendSql('\'');
      }
    };
  }
}
