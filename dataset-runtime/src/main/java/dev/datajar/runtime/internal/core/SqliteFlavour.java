package dev.datajar.runtime.internal.core;

import dev.datajar.runtime.format.Codec;
import dev.datajar.runtime.format.DataJarDialect;
import dev.datajar.runtime.format.TemporalText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * SQLite's side of the engine seam, the reference: the storage format's codecs as they are, {@code
 * like} (which ignores the case of ASCII letters), NULL sorted first ascending as SQLite does,
 * {@code limit -1}, one parameter per value, streams read as any statement, and an {@code
 * OffsetDateTime}/{@code ZonedDateTime} compared by the instant its text starts with. Immutable.
 */
public final class SqliteFlavour implements SqlFlavour {
  /** The one instance. */
  public static final SqliteFlavour INSTANCE = new SqliteFlavour();

  private SqliteFlavour() {}

  @Override
  public Codec codec(Codec codec) {
    return codec;
  }

  @Override
  public boolean joinsToOnes() {
    return false;
  }

  @Override
  public boolean sortsInMemory(Class<?> idType) {
    return false;
  }

  @Override
  public boolean instantText(Codec codec) {
    Class<?> t = codec.javaType();
    return !codec.converted() && (t == OffsetDateTime.class || t == ZonedDateTime.class);
  }

  @Override
  public String orderKey(String expression, Codec codec) {
    return instantText(codec)
        ? "substr(" + expression + ", 1, " + TemporalText.INSTANT_LENGTH + ")"
        : expression;
  }

  @Override
  public Optional<ArrayValue> array(Codec codec, List<Object> values) {
    return Optional.empty();
  }

  @Override
  public String like() {
    return " like ";
  }

  @Override
  public String afterPattern() {
    return "";
  }

  @Override
  public String direction(boolean descending) {
    return descending ? " desc" : " asc";
  }

  @Override
  public String limit(OptionalInt limit, long offset) {
    if (limit.isEmpty() && offset <= 0) {
      return "";
    }
    return " limit "
        + (limit.isPresent() ? String.valueOf(limit.getAsInt()) : "-1")
        + " offset "
        + offset;
  }

  @Override
  public void beginCursor(Connection c, PreparedStatement ps) {}

  @Override
  public void endCursor(Connection c) {}

  @Override
  public Optional<String> sqlRefusal(String sql) {
    return SqlGuard.refusal(sql);
  }

  @Override
  public boolean splitsStatements() {
    return false;
  }

  /** An in-process file: nothing outlives a call but what SQLite's connection itself holds. */
  @Override
  public boolean sessionOutlivesRollback() {
    return false;
  }

  /** Nothing: the connection is read-only, and the statement runs in auto-commit mode. */
  @Override
  public void beginSqlCall(String dataSet, Connection c) {}

  @Override
  public void endSqlCall(Connection c) {}

  @Override
  public String hqlInstantBefore() {
    return DataJarDialect.INSTANT_FUNCTION + "(";
  }

  @Override
  public String hqlInstantAfter() {
    return ")";
  }

  @Override
  public Object hqlInstant(Instant instant) {
    return TemporalText.format(instant);
  }

  @Override
  public String toString() {
    return "SQLite";
  }
}
