package dev.datajar.runtime.format;

import jakarta.persistence.AttributeConverter;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

/**
 * A JPA {@link AttributeConverter}: the column holds what {@code stored} keeps, the attribute what
 * the converter makes of it. NULL stays NULL without asking the converter, as in datajar's reads
 * through Hibernate.
 */
final class ConverterCodec extends Codec {
  private final AttributeConverter<Object, Object> converter;
  private final Codec stored;

  @SuppressWarnings("unchecked")
  ConverterCodec(String spec, Class<?> converterType, Codec stored) {
    super(spec, attributeType(converterType));
    this.stored = stored;
    try {
      Constructor<?> c = converterType.getDeclaredConstructor();
      c.setAccessible(true);
      this.converter = (AttributeConverter<Object, Object>) c.newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException(
          "codec '"
              + spec
              + "': cannot create converter "
              + converterType.getName()
              + " with its no-argument constructor: "
              + e,
          e);
    }
  }

  /** {@code of}'s converter over another column form of the same stored type. */
  private ConverterCodec(ConverterCodec of, Codec stored) {
    super(of.spec(), of.javaType());
    this.converter = of.converter;
    this.stored = stored;
  }

  @Override
  public Class<?> storedType() {
    return stored.storedType();
  }

  @Override
  public Object read(ResultSet rs, int index) throws SQLException {
    Object v = stored.read(rs, index);
    return v == null ? null : converter.convertToEntityAttribute(v);
  }

  @Override
  public Object readStored(ResultSet rs, int index) throws SQLException {
    return stored.read(rs, index);
  }

  @Override
  public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    stored.bindStored(ps, index, value == null ? null : converter.convertToDatabaseColumn(value));
  }

  @Override
  public void bindStored(PreparedStatement ps, int index, Object value) throws SQLException {
    stored.bindStored(ps, index, value);
  }

  @Override
  public Codec withColumnForm(UnaryOperator<Codec> form) {
    Codec column = stored.withColumnForm(form);
    return column == stored ? this : new ConverterCodec(this, column);
  }

  @Override
  public int width() {
    return stored.width();
  }

  @Override
  public Object toAttribute(Object value) {
    return converter.convertToEntityAttribute(value);
  }

  @Override
  public boolean converted() {
    return true;
  }

  /** The converter's simple name, for messages. */
  @Override
  public String toString() {
    return converter.getClass().getSimpleName();
  }

  /** The attribute side {@code X} of an {@code AttributeConverter<X, Y>}, or Object. */
  private static Class<?> attributeType(Class<?> converter) {
    for (Class<?> c = converter; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Type t : c.getGenericInterfaces()) {
        if (t instanceof ParameterizedType p
            && p.getRawType() == AttributeConverter.class
            && p.getActualTypeArguments()[0] instanceof Class<?> x) {
          return x;
        }
      }
    }
    return Object.class;
  }
}
