package dev.datajar.builder.internal;

import dev.datajar.builder.internal.source.Problems;
import dev.datajar.builder.internal.source.RowCursor;
import dev.datajar.builder.internal.source.ValueKind;
import dev.datajar.runtime.format.ColumnModel;
import java.lang.invoke.MethodType;

/**
 * Turns one source field into the value of its column, or reports why it cannot: text is parsed
 * strictly by {@link ColumnModel#parse}, JSON kinds are checked against the column's type, and
 * typed values from code sources are checked (and widened where no value is lost).
 */
final class FieldValues {
  /** Returned instead of a value when a problem was reported. */
  static final Object INVALID = new Object();

  private FieldValues() {}

  /**
   * The value of the field for the column, or {@link #INVALID} after adding a problem.
   *
   * @param key whether the column is part of the primary key (never nullable, so the fix offered
   *     for it never is "make the field nullable")
   */
  static Object convert(
      RowCursor rows, int field, ColumnModel column, boolean key, Problems problems) {
    ValueKind kind = rows.kind(field);
    Class<?> type = column.valueType();
    switch (kind) {
      case NULL:
        if (!column.nullable()) {
          problems.add(
              at(rows, field)
                  + "column '"
                  + column.name()
                  + "': NULL in a NOT NULL"
                  + " column ("
                  + column.owner()
                  + "). "
                  + (key
                      ? "Give the row its key."
                      : "Give a value, or " + allowNull(column) + "."));
          return INVALID;
        }
        return null;
      case STRING:
        return parse(rows, field, column, rows.text(field), problems);
      case NUMBER:
      case BOOLEAN:
        if (type == String.class || (kind == ValueKind.BOOLEAN && type != Boolean.class)) {
          return wrongType(rows, field, column, problems);
        }
        return parse(rows, field, column, rows.text(field), problems);
      case OBJECT:
      case ARRAY:
        return wrongType(rows, field, column, problems);
      default:
        return typed(rows, field, column, rows.value(field), problems);
    }
  }

  private static Object parse(
      RowCursor rows, int field, ColumnModel column, String text, Problems problems) {
    try {
      return column.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(
          at(rows, field)
              + "column '"
              + column.name()
              + "': "
              + e.getMessage()
              + " ("
              + column.owner()
              + "). "
              + fix(rows, field, column));
      return INVALID;
    }
  }

  private static Object wrongType(
      RowCursor rows, int field, ColumnModel column, Problems problems) {
    problems.add(
        at(rows, field)
            + "column '"
            + column.name()
            + "': wrong type: expected "
            + expectedKind(column.valueType())
            + ", got "
            + rows.kind(field).noun()
            + " ("
            + column.owner()
            + "). "
            + fix(rows, field, column));
    return INVALID;
  }

  /** A typed value from a code source; integers are widened, anything else must match. */
  private static Object typed(
      RowCursor rows, int field, ColumnModel column, Object value, Problems problems) {
    Class<?> type = column.valueType();
    if (type.isInstance(value)) {
      return value;
    }
    boolean smallInteger =
        value instanceof Integer || value instanceof Short || value instanceof Byte;
    if (type == Long.class && smallInteger) {
      return ((Number) value).longValue();
    }
    if (type == Integer.class && (value instanceof Short || value instanceof Byte)) {
      return ((Number) value).intValue();
    }
    if (type == Double.class && value instanceof Float f) {
      return f.doubleValue();
    }
    problems.add(
        at(rows, field)
            + "column '"
            + column.name()
            + "': wrong type: expected a "
            + type.getName()
            + " or its text, got "
            + value.getClass().getName()
            + " "
            + value
            + " ("
            + column.owner()
            + "). Return a value of the attribute's type.");
    return INVALID;
  }

  /** The location, and for JSON the path of the value: {@code file:3:7: $[1].x: }. */
  static String at(RowCursor rows, int field) {
    String path = rows.jsonPath(field);
    return rows.where(field) + ": " + (path == null ? "" : path + ": ");
  }

  /**
   * How the entity would allow NULL in the column: a primitive ({@code int}) cannot hold it
   * whatever the column says, so its fix is the wrapper type ({@code Integer}).
   */
  static String allowNull(ColumnModel column) {
    return column.primitive()
        ? "declare the field as " + column.valueType().getSimpleName() + " to allow NULL"
        : "make the field nullable";
  }

  /** The primitive type of a column that {@link ColumnModel#primitive()} holds: {@code double}. */
  static String primitiveName(ColumnModel column) {
    return MethodType.methodType(column.valueType()).unwrap().returnType().getName();
  }

  /**
   * The fix for a value that is there but wrong: NULL is only offered where it is allowed, never
   * for a primitive (inside an embeddable its column is nullable, its field is not).
   */
  private static String fix(RowCursor rows, int field, ColumnModel column) {
    if (!column.nullable() || column.primitive()) {
      return "Fix the value.";
    }
    return rows.jsonPath(field) != null
        ? "Fix the value, or write null."
        : "Fix the value, or leave it empty for NULL.";
  }

  private static String expectedKind(Class<?> type) {
    if (type == Boolean.class) {
      return "a boolean";
    }
    if (Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    return "a string";
  }
}
