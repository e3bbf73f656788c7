package dev.datajar.runtime.format;

import jakarta.persistence.AttributeConverter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * How the values of one attribute are stored in a dataset column and read back: the storage format,
 * value by value, with no Hibernate involved.
 *
 * <p>The builder binds every value through {@link #bindStored}; the runtime's plain lookups read
 * them with {@link #read} and bind query parameters with {@link #bind}. Hibernate, where it is used
 * (HQL, entities with collections or embeddables), reads the same columns through {@link
 * DataJarDialect}'s types, which call the same {@link TemporalText} and {@link DecimalText}; {@code
 * CodecMapping} chooses a codec from Hibernate's own mapping of the attribute, and tests hold the
 * two readings equal over every stored type.
 *
 * <p>A codec has a stable {@link #spec()} (for example {@code long}, {@code instant}, {@code
 * enum-name:com.example.Scope}, {@code convert:com.example.Letter:text}) that the manifest records
 * per column, so the runtime rebuilds it with {@link #of} without booting Hibernate. Immutable and
 * thread-safe.
 */
public abstract class Codec {
  private final String spec;
  private final Class<?> javaType;

  /** A codec of attribute type {@code javaType}, made again from {@code spec}. */
  protected Codec(String spec, Class<?> javaType) {
    this.spec = spec;
    this.javaType = javaType;
  }

  /** The stable name the manifest records, from which {@link #of} makes the codec again. */
  public final String spec() {
    return spec;
  }

  /** The attribute's Java type (boxed for primitives). */
  public final Class<?> javaType() {
    return javaType;
  }

  /**
   * The Java type of the value actually stored: the attribute's type, or for an {@link
   * AttributeConverter} the converter's database-side type. Source files hold values of this type,
   * and {@link #bindStored} takes them.
   */
  public abstract Class<?> storedType();

  /** The attribute value in column {@code index} of the current row, or {@code null}. */
  public abstract Object read(ResultSet rs, int index) throws SQLException;

  /**
   * The value of {@link #storedType()} in column {@code index} of the current row, as {@link
   * #bindStored} took it (before any attribute converter), or {@code null}.
   */
  public Object readStored(ResultSet rs, int index) throws SQLException {
    return read(rs, index);
  }

  /** Binds an attribute value (a query parameter), or SQL NULL for {@code null}. */
  public abstract void bind(PreparedStatement ps, int index, Object value) throws SQLException;

  /** Binds a value of {@link #storedType()} as the builder stores it, or NULL for {@code null}. */
  public abstract void bindStored(PreparedStatement ps, int index, Object value)
      throws SQLException;

  /**
   * The attribute value a non-null stored value reads back as: the value itself, or what an
   * attribute converter makes of it (which may throw: the builder refuses such a value).
   */
  public Object toAttribute(Object stored) {
    return stored;
  }

  /**
   * How many columns a value takes: 1, or 2 for a PostgreSQL time-zone column pair ({@code
   * PostgresCodec}), read from {@code index} and the column after it.
   */
  public int width() {
    return 1;
  }

  /**
   * This codec as it reads and binds the same attribute where the stored value has the column form
   * {@code form} makes of a codec (an engine's native types, e.g. {@code PostgresCodec}): the form
   * of this codec, or for a converted attribute the converter over the form of its stored codec.
   */
  public Codec withColumnForm(UnaryOperator<Codec> form) {
    return form.apply(this);
  }

  /** True if an {@link AttributeConverter} stands between the column and the attribute. */
  public boolean converted() {
    return false;
  }

  /**
   * The codec named {@code spec}.
   *
   * @param loader loads the enum and converter classes a spec names
   * @throws IllegalArgumentException if the spec is unknown or names a class that is missing
   */
  public static Codec of(String spec, ClassLoader loader) {
    Codec c = BasicCodec.BY_SPEC.get(spec);
    if (c != null) {
      return c;
    }
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? spec : spec.substring(0, colon);
    String rest = colon < 0 ? "" : spec.substring(colon + 1);
    switch (kind) {
      case "enum-name", "enum-ordinal" -> {
        Class<?> type = load(rest, loader, spec);
        if (!type.isEnum()) {
          throw new IllegalArgumentException("codec '" + spec + "': " + rest + " is not an enum");
        }
        return new EnumCodec(spec, type, kind.equals("enum-ordinal"));
      }
      case "convert" -> {
        int next = rest.indexOf(':');
        if (next < 0) {
          throw new IllegalArgumentException("unknown codec '" + spec + "'");
        }
        Class<?> converter = load(rest.substring(0, next), loader, spec);
        return new ConverterCodec(spec, converter, of(rest.substring(next + 1), loader));
      }
      default ->
          throw new IllegalArgumentException(
              "unknown codec '"
                  + spec
                  + "': this datajar"
                  + " runtime reads "
                  + String.join(", ", new TreeSet<>(BasicCodec.BY_SPEC.keySet()))
                  + ", enum-name, enum-ordinal and convert");
    }
  }

  /** The basic codec of {@code javaType} (boxed), or {@code null} if it has none. */
  public static Codec basicFor(Class<?> javaType) {
    for (Codec c : BasicCodec.BY_SPEC.values()) {
      if (c.javaType == javaType) {
        return c;
      }
    }
    return null;
  }

  /** The codec of an enum stored by name, or by ordinal. */
  public static Codec forEnum(Class<?> enumType, boolean ordinal) {
    return new EnumCodec(
        (ordinal ? "enum-ordinal:" : "enum-name:") + enumType.getName(), enumType, ordinal);
  }

  /** The codec of an attribute converted by {@code converter} into values {@code stored} keeps. */
  public static Codec forConverter(Class<?> converter, Codec stored) {
    return new ConverterCodec(
        "convert:" + converter.getName() + ":" + stored.spec(), converter, stored);
  }

  private static Class<?> load(String name, ClassLoader loader, String spec) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "codec '" + spec + "': class " + name + " is not on the" + " class path", e);
    }
  }

  @Override
  public String toString() {
    return spec;
  }
}
