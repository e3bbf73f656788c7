package dev.datajar.runtime.format;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Hibernate's {@code EnumType.STRING} (the constant's name) or {@code ORDINAL}. */
final class EnumCodec extends Codec {
  private final Object[] constants;
  private final boolean ordinal;

  EnumCodec(String spec, Class<?> type, boolean ordinal) {
    super(spec, type);
    this.constants = type.getEnumConstants();
    this.ordinal = ordinal;
  }

  @Override
  public Class<?> storedType() {
    return javaType();
  }

  @Override
  public Object read(ResultSet rs, int index) throws SQLException {
    if (ordinal) {
      int i = rs.getInt(index);
      return rs.wasNull() ? null : constants[i];
    }
    String name = rs.getString(index);
    if (name == null) {
      return null;
    }
    for (Object c : constants) {
      if (((Enum<?>) c).name().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not a constant of " + javaType().getName());
  }

  @Override
  @SuppressWarnings("EnumOrdinal") // EnumType.ORDINAL stores exactly this number
  public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NULL);
    } else if (ordinal) {
      ps.setInt(index, ((Enum<?>) value).ordinal());
    } else {
      ps.setString(index, ((Enum<?>) value).name());
    }
  }

  @Override
  public void bindStored(PreparedStatement ps, int index, Object value) throws SQLException {
    bind(ps, index, value);
  }
}
