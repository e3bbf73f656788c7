package dev.datajar.runtime.postgres;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.type.SqlTypes;

/**
 * Hibernate's PostgreSQL dialect with the changes datajar needs for exact values:
 * {@code LocalTime} keeps microseconds ({@code time(6)}, not {@code time(0)}), and
 * {@code BigDecimal} and {@code BigInteger} columns without an explicit precision are declared
 * plain {@code numeric}, which keeps every digit and the scale as written ({@code 1.50} stays
 * {@code 1.50}), where the parent would declare {@code numeric(38,2)} and round.
 *
 * <p>Everything else is PostgreSQL's native type through the parent dialect: {@code bigint},
 * {@code float8}/{@code float4}, {@code uuid}, {@code date}, {@code time(6)},
 * {@code timestamp(6)}, {@code timestamptz} (see {@link PostgresFormat} for offsets and zones),
 * {@code bytea}, and real foreign keys.
 */
public class DataJarPostgresDialect extends PostgreSQLDialect {

  public DataJarPostgresDialect() {
    super(DatabaseVersion.make(14)); // the oldest version Hibernate 7 supports
  }

  @Override
  protected String columnType(int sqlTypeCode) {
    return switch (sqlTypeCode) {
      case SqlTypes.NUMERIC, SqlTypes.DECIMAL -> "numeric";
      // Hibernate's default time precision is whole seconds; keep microseconds, as timestamps do.
      case SqlTypes.TIME -> "time(6)";
      default -> super.columnType(sqlTypeCode);
    };
  }
}
