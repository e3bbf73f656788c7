package dev.datajar.runtime.internal.postgres;

import dev.datajar.runtime.format.Codec;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;

/**
 * How datajar maps entities onto PostgreSQL: the Hibernate settings applied on top of {@code
 * HibernateSetup.settings}, identical on the build side and at run time.
 *
 * <p>UUIDs are {@code uuid}; durations stay integer nanoseconds (exact, as on SQLite); instants are
 * {@code timestamptz}; an {@code OffsetDateTime} or {@code ZonedDateTime} is a {@code timestamptz}
 * (the instant, compared and ordered by time) plus a second column holding its offset, Hibernate's
 * {@code COLUMN} time-zone storage. The dialect sorts NULL as the smallest value, as SQLite does.
 */
public final class PostgresFormat {
  private PostgresFormat() {}

  /** What Hibernate's {@code COLUMN} time-zone storage appends to a column for its offset. */
  public static final String OFFSET_SUFFIX = "_tz";

  /** The column holding the offset of the {@code timestamptz} column {@code column}. */
  public static String offsetColumn(String column) {
    return column + OFFSET_SUFFIX;
  }

  /**
   * How many columns an attribute of storage-format codec {@code codec} takes in PostgreSQL: 2 for
   * an offset or zoned date-time (the instant and {@link #offsetColumn}), else 1.
   */
  public static int columns(Codec codec) {
    return PostgresCodec.of(codec).width();
  }

  /** Hibernate settings for a dataset stored in PostgreSQL. */
  public static Map<String, Object> settings() {
    return Map.of(
        AvailableSettings.DIALECT, DataJarPostgresDialect.class.getName(),
        AvailableSettings.PREFERRED_UUID_JDBC_TYPE, "UUID",
        AvailableSettings.TIMEZONE_DEFAULT_STORAGE, "COLUMN",
        // java.time values through getObject/setObject, not java.sql.Time (milliseconds) or
        // Timestamp (Julian calendar before 1582).
        AvailableSettings.JAVA_TIME_USE_DIRECT_JDBC, "true");
  }
}
