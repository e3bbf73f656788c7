package dev.datajar.runtime.format;

import java.util.Optional;
import org.hibernate.dialect.Dialect;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;
import org.hibernate.type.descriptor.converter.spi.JpaAttributeConverter;

/**
 * Chooses the {@link Codec} of a column from Hibernate's mapping of it, on the build side (and in
 * the runtime's full schema check), so that the codec stores exactly what Hibernate's own binder
 * would: the same Java type in the same JDBC type.
 *
 * <p>A mapping with no codec (a {@code java.util.Date}, a {@code Serializable}, a type stored as
 * JSON) is a type datajar does not store; the builder refuses it before loading anything.
 */
final class CodecMapping {
  private CodecMapping() {}

  /**
   * Whether the engine of {@code dialect} stores values as the codecs say, so that a column without
   * a codec is refused and layouts are recorded for the fast path: SQLite, through datajar's
   * dialect. Another engine's mapping (PostgreSQL's) is read for its tables, keys and types only.
   */
  static boolean storesWithCodecs(Dialect dialect) {
    return dialect instanceof DataJarDialect;
  }

  static Optional<Codec> of(JdbcMapping mapping) {
    BasicValueConverter<?, ?> converter = mapping.getValueConverter();
    int code = mapping.getJdbcType().getDefaultSqlTypeCode();
    if (converter != null) {
      if (!(converter instanceof JpaAttributeConverter<?, ?> jpa)) {
        return Optional.empty();
      }
      Class<?> stored = converter.getRelationalJavaType().getJavaTypeClass();
      return basic(stored, code)
          .map(c -> Codec.forConverter(jpa.getConverterJavaType().getJavaTypeClass(), c));
    }
    Class<?> type = mapping.getJavaTypeDescriptor().getJavaTypeClass();
    if (type.isEnum()) {
      return switch (code) {
        case SqlTypes.TINYINT, SqlTypes.SMALLINT, SqlTypes.INTEGER, SqlTypes.BIGINT ->
            Optional.of(Codec.forEnum(type, true));
        case SqlTypes.VARCHAR,
            SqlTypes.CHAR,
            SqlTypes.NVARCHAR,
            SqlTypes.NCHAR,
            SqlTypes.ENUM,
            SqlTypes.NAMED_ENUM,
            SqlTypes.LONGVARCHAR ->
            Optional.of(Codec.forEnum(type, false));
        default -> Optional.empty();
      };
    }
    return basic(type, code);
  }

  /** The basic codec of {@code type} if Hibernate stores it in a JDBC type that codec writes. */
  private static Optional<Codec> basic(Class<?> type, int code) {
    Codec c = Codec.basicFor(type);
    if (c == null || !storesAs(c.spec(), code)) {
      return Optional.empty();
    }
    return Optional.of(c);
  }

  private static boolean storesAs(String spec, int code) {
    return switch (spec) {
      case "long", "int", "short", "byte", "duration" -> isIntegral(code);
      case "boolean" -> code == SqlTypes.BOOLEAN || code == SqlTypes.BIT || isIntegral(code);
      case "double", "float" ->
          code == SqlTypes.DOUBLE || code == SqlTypes.FLOAT || code == SqlTypes.REAL;
      case "text", "char", "uuid" -> isText(code);
      case "decimal", "biginteger" -> code == SqlTypes.NUMERIC || code == SqlTypes.DECIMAL;
      case "date" -> code == SqlTypes.DATE;
      case "time" -> code == SqlTypes.TIME;
      case "datetime" -> code == SqlTypes.TIMESTAMP;
      case "instant" -> code == SqlTypes.TIMESTAMP_UTC || code == SqlTypes.TIMESTAMP_WITH_TIMEZONE;
      case "offset", "zoned" -> code == SqlTypes.TIMESTAMP_WITH_TIMEZONE;
      case "bytes" ->
          code == SqlTypes.VARBINARY
              || code == SqlTypes.BINARY
              || code == SqlTypes.LONGVARBINARY
              || code == SqlTypes.LONG32VARBINARY
              || code == SqlTypes.BLOB;
      default -> false;
    };
  }

  private static boolean isIntegral(int code) {
    return code == SqlTypes.TINYINT
        || code == SqlTypes.SMALLINT
        || code == SqlTypes.INTEGER
        || code == SqlTypes.BIGINT;
  }

  private static boolean isText(int code) {
    return code == SqlTypes.VARCHAR
        || code == SqlTypes.CHAR
        || code == SqlTypes.NVARCHAR
        || code == SqlTypes.NCHAR
        || code == SqlTypes.LONGVARCHAR
        || code == SqlTypes.LONGNVARCHAR
        || code == SqlTypes.LONG32VARCHAR
        || code == SqlTypes.LONG32NVARCHAR
        || code == SqlTypes.CLOB
        || code == SqlTypes.NCLOB;
  }
}
