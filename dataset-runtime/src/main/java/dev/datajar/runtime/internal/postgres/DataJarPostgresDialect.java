package dev.datajar.runtime.internal.postgres;

import dev.datajar.runtime.format.DataJarDialect;
import dev.datajar.runtime.format.TranslatorFactory;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.sql.ast.SqlAstTranslatorFactory;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.LocalTimeJdbcType;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsOffsetDateTimeJdbcType;
import org.hibernate.type.descriptor.jdbc.spi.JdbcTypeRegistry;

/**
 * Hibernate's PostgreSQL dialect with the changes datajar needs for exact values: {@code LocalTime}
 * keeps microseconds ({@code time(6)}, not {@code time(0)}), and {@code BigDecimal} and {@code
 * BigInteger} columns without an explicit precision are declared plain {@code numeric}, which keeps
 * every digit and the scale as written ({@code 1.50} stays {@code 1.50}), where the parent would
 * declare {@code numeric(38,2)} and round.
 *
 * <p>{@code @Lob byte[]} and {@code @Lob String} are {@code bytea} and {@code text}, bound and read
 * as values, where the parent would make them large objects ({@code oid}).
 *
 * <p>It also makes {@code like} ignore case, as SQLite's does ({@link PostgresSqlAstTranslator}),
 * and sorts NULL first in ascending order, as SQLite does (also {@link PostgresSqlAstTranslator}).
 *
 * <p>Everything else is PostgreSQL's native type through the parent dialect: {@code bigint}, {@code
 * float8}/{@code float4}, {@code uuid}, {@code date}, {@code time(6)}, {@code timestamp(6)}, {@code
 * timestamptz} (see {@link PostgresFormat} for offsets and zones), {@code bytea}, and real foreign
 * keys.
 */
public class DataJarPostgresDialect extends PostgreSQLDialect {

  public DataJarPostgresDialect() {
    super(DatabaseVersion.make(14)); // the oldest version Hibernate 7 supports
  }

  @Override
  public SqlAstTranslatorFactory getSqlAstTranslatorFactory() {
    return new TranslatorFactory(PostgresSqlAstTranslator::new);
  }

  @Override
  public void contributeTypes(TypeContributions contributions, ServiceRegistry registry) {
    super.contributeTypes(contributions, registry);
    // Instants through java.time (OffsetDateTime), not java.sql.Timestamp, whose Julian
    // calendar before 1582 moved 0001-01-01T00:00:00Z back two days on the way out.
    JdbcTypeRegistry types = contributions.getTypeConfiguration().getJdbcTypeRegistry();
    types.addDescriptor(TimestampUtcAsOffsetDateTimeJdbcType.INSTANCE);
    // LocalTime through java.time too: the parent binds TIME through java.sql.Time, rounded to
    // the millisecond, so a parameter of 23:59:59.999999 became midnight and matched 00:00.
    types.addDescriptor(SqlTypes.TIME, LocalTimeJdbcType.INSTANCE);
    // @Lob byte[] and @Lob String as values in bytea and text columns (see columnType).
    DataJarDialect.lobsAsValues(types);
  }

  @Override
  protected String columnType(int sqlTypeCode) {
    return switch (sqlTypeCode) {
      case SqlTypes.NUMERIC, SqlTypes.DECIMAL -> "numeric";
      // Hibernate's default time precision is whole seconds; keep microseconds, as timestamps do.
      case SqlTypes.TIME -> "time(6)";
      // The parent declares BLOB, CLOB and NCLOB as 'oid': a large object stored apart from the
      // row, which must be read in a transaction and is never deleted with its row. A dataset's
      // @Lob values are ordinary values: bytea and text.
      case SqlTypes.BLOB -> "bytea";
      case SqlTypes.CLOB, SqlTypes.NCLOB -> "text";
      default -> super.columnType(sqlTypeCode);
    };
  }
}
