package dev.datajar.runtime.format;

import jakarta.persistence.TemporalType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.TimeZone;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.TimeZoneSupport;
import org.hibernate.query.common.TemporalUnit;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.sql.ast.SqlAstTranslatorFactory;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.StandardBasicTypes;
import org.hibernate.type.descriptor.jdbc.BlobJdbcType;
import org.hibernate.type.descriptor.jdbc.ClobJdbcType;
import org.hibernate.type.descriptor.jdbc.spi.JdbcTypeRegistry;

/**
 * Hibernate's community SQLite dialect, changed so that every value is stored exactly and compares
 * correctly, whatever the time zone and locale of the machine.
 *
 * <p>What it changes, and why:
 *
 * <ul>
 *   <li>Dates, times and timestamps are stored as sortable text ({@link TemporalText}) instead of
 *       sqlite-jdbc's epoch milliseconds computed in the JVM's default zone.
 *   <li>{@code BigDecimal}/{@code BigInteger} are stored as decimal text in {@code text collate
 *       decimal} columns ({@link DecimalText}) instead of NUMERIC, which SQLite rounds to a double.
 *   <li>Every integral type is declared {@code integer}, so a single integral primary key is
 *       SQLite's rowid (no second index) and 64-bit values fit.
 *   <li>{@code @Lob byte[]} and {@code @Lob String} are read with {@code getBytes}/{@code
 *       getString}: the parent reads them with {@code getBlob}/{@code getClob}, which sqlite-jdbc
 *       does not implement. They are stored as {@code blob} and {@code text}, as without
 *       {@code @Lob}.
 *   <li>{@code extract()} (HQL {@code year()}, {@code month()}, {@code day()}, ...) returns
 *       integers computed from the stored text; the parent dialect compared text with integers and
 *       added one to every day of the month.
 * </ul>
 *
 * Used by the builder and the runtime alike, through {@link HibernateSetup}.
 */
public class DataJarDialect extends SQLiteDialect {

  public DataJarDialect() {
    super(DatabaseVersion.make(3, 45));
  }

  @Override
  protected String columnType(int sqlTypeCode) {
    return switch (sqlTypeCode) {
      case SqlTypes.BOOLEAN,
          SqlTypes.BIT,
          SqlTypes.TINYINT,
          SqlTypes.SMALLINT,
          SqlTypes.INTEGER,
          SqlTypes.BIGINT ->
          "integer";
      // BLOB affinity: a REAL-affinity column writes integral doubles as integers and -0.0
      // comes back as 0.0. The values are still REALs and compare as numbers.
      case SqlTypes.FLOAT, SqlTypes.REAL, SqlTypes.DOUBLE -> "real blob";
      case SqlTypes.NUMERIC, SqlTypes.DECIMAL -> "text collate " + DecimalText.COLLATION;
      case SqlTypes.CHAR,
          SqlTypes.NCHAR,
          SqlTypes.VARCHAR,
          SqlTypes.NVARCHAR,
          SqlTypes.LONGVARCHAR,
          SqlTypes.LONGNVARCHAR,
          SqlTypes.LONG32VARCHAR,
          SqlTypes.LONG32NVARCHAR,
          SqlTypes.CLOB,
          SqlTypes.NCLOB,
          SqlTypes.UUID,
          SqlTypes.ENUM,
          SqlTypes.NAMED_ENUM ->
          "text";
      case SqlTypes.DATE,
          SqlTypes.TIME,
          SqlTypes.TIME_WITH_TIMEZONE,
          SqlTypes.TIME_UTC,
          SqlTypes.TIMESTAMP,
          SqlTypes.TIMESTAMP_UTC,
          SqlTypes.TIMESTAMP_WITH_TIMEZONE ->
          "text";
      case SqlTypes.BINARY,
          SqlTypes.VARBINARY,
          SqlTypes.LONGVARBINARY,
          SqlTypes.LONG32VARBINARY,
          SqlTypes.BLOB ->
          "blob";
      default -> super.columnType(sqlTypeCode);
    };
  }

  @Override
  public void contributeTypes(TypeContributions contributions, ServiceRegistry registry) {
    super.contributeTypes(contributions, registry);
    JdbcTypeRegistry types = contributions.getTypeConfiguration().getJdbcTypeRegistry();
    types.addDescriptor(TextJdbcType.DATE);
    types.addDescriptor(TextJdbcType.TIME);
    types.addDescriptor(TextJdbcType.TIMESTAMP);
    types.addDescriptor(TextJdbcType.TIMESTAMP_UTC);
    types.addDescriptor(TextJdbcType.TIMESTAMP_WITH_TIMEZONE);
    types.addDescriptor(TextJdbcType.NUMERIC);
    types.addDescriptor(TextJdbcType.DECIMAL);
    // UUIDs as text and durations as integer nanoseconds. Hibernate asks the registry for the
    // type of its default codes (UUID; INTERVAL_SECOND, which falls back to DURATION when the
    // dialect has no interval type); answering with CHAR and BIGINT here gives the same columns
    // as the 'hibernate.type.preferred_*_jdbc_type' settings, which Hibernate marks as
    // incubating and reports at every boot.
    types.addDescriptor(SqlTypes.UUID, types.getDescriptor(SqlTypes.CHAR));
    types.addDescriptor(SqlTypes.INTERVAL_SECOND, types.getDescriptor(SqlTypes.BIGINT));
    types.addDescriptor(SqlTypes.DURATION, types.getDescriptor(SqlTypes.BIGINT));
    lobsAsValues(types);
  }

  /**
   * {@code @Lob byte[]} and {@code @Lob String} (JDBC BLOB, CLOB and NCLOB) are bound and read as
   * the bytes and text they are ({@code setBytes}/{@code getBytes}, {@code setString}/{@code
   * getString}), exactly as a plain {@code byte[]} or {@code String}. The parent dialects read them
   * with {@code getBlob}/{@code getClob}, which sqlite-jdbc does not implement, and PostgreSQL's
   * would store them as large objects. Shared with datajar's PostgreSQL dialect.
   */
  public static void lobsAsValues(JdbcTypeRegistry types) {
    types.addDescriptor(SqlTypes.BLOB, BlobJdbcType.MATERIALIZED);
    types.addDescriptor(SqlTypes.CLOB, ClobJdbcType.MATERIALIZED);
    // Not NClobJdbcType: neither driver implements setNString/getNString.
    types.addDescriptor(SqlTypes.NCLOB, ClobJdbcType.MATERIALIZED);
  }

  /** The HQL function that gives the UTC instant at the start of a zoned value's stored text. */
  public static final String INSTANT_FUNCTION = "datajar_instant";

  /**
   * Registers {@value #INSTANT_FUNCTION}{@code (x)}: the text of the UTC instant an {@code
   * OffsetDateTime} or {@code ZonedDateTime} column starts with, by which datajar's own queries
   * compare and order such values (docs/queries.md, S5).
   */
  @Override
  public void initializeFunctionRegistry(FunctionContributions functions) {
    super.initializeFunctionRegistry(functions);
    functions
        .getFunctionRegistry()
        .patternDescriptorBuilder(
            INSTANT_FUNCTION, "substr(?1,1," + TemporalText.INSTANT_LENGTH + ")")
        .setExactArgumentCount(1)
        .setInvariantType(
            functions
                .getTypeConfiguration()
                .getBasicTypeRegistry()
                .resolve(StandardBasicTypes.STRING))
        .register();
  }

  @Override
  public SqlAstTranslatorFactory getSqlAstTranslatorFactory() {
    return new TranslatorFactory(DataJarSqlAstTranslator::new);
  }

  /** Offsets and zones are kept in the stored text, so the dialect handles them natively. */
  @Override
  public TimeZoneSupport getTimeZoneSupport() {
    return TimeZoneSupport.NATIVE;
  }

  @Override
  public String extractPattern(TemporalUnit unit) {
    // The first 30 characters hold the date and time of every stored form; the offset or zone
    // suffix of OffsetDateTime/ZonedDateTime text follows and would make strftime return NULL.
    // Fields of Instant, OffsetDateTime and ZonedDateTime are therefore those of UTC.
    String arg = "substr(?2,1," + TemporalText.INSTANT_LENGTH + ")";
    return switch (unit) {
      case YEAR -> integer("%Y", arg);
      case MONTH -> integer("%m", arg);
      case DAY, DAY_OF_MONTH -> integer("%d", arg);
      case HOUR -> integer("%H", arg);
      case MINUTE -> integer("%M", arg);
      case SECOND -> "cast(strftime('%f'," + arg + ") as real)";
      case DAY_OF_WEEK -> "(" + integer("%w", arg) + "+1)";
      case DAY_OF_YEAR -> integer("%j", arg);
      case QUARTER -> "((" + integer("%m", arg) + "+2)/3)";
      case EPOCH -> integer("%s", arg);
      default -> super.extractPattern(unit).replace("?2", arg);
    };
  }

  private static String integer(String field, String arg) {
    return "cast(strftime('" + field + "'," + arg + ") as integer)";
  }

  @Override
  @SuppressWarnings("deprecation") // Hibernate's signature still takes the deprecated TemporalType
  public void appendDateTimeLiteral(
      SqlAppender appender,
      TemporalAccessor temporal,
      TemporalType precision,
      TimeZone jdbcTimeZone) {
    String text =
        switch (precision) {
          case DATE -> TemporalText.format(LocalDate.from(temporal));
          case TIME -> TemporalText.format(LocalTime.from(temporal));
          case TIMESTAMP ->
              temporal.isSupported(ChronoField.OFFSET_SECONDS)
                  ? TemporalText.format(OffsetDateTime.from(temporal).toInstant())
                  : TemporalText.format(LocalDateTime.from(temporal));
        };
    appender.appendSql('\'');
    appender.appendSql(text);
    appender.appendSql('\'');
  }
}
