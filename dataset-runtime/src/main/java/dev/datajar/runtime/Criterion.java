package dev.datajar.runtime;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A condition on the attributes of an entity, as built by {@link Where}.
 *
 * <p>Immutable. The nested records are the parts the engine reads; build conditions with {@link
 * Where} rather than with the records. Attribute names are entity attribute names (not column
 * names), optionally dotted to follow a to-one association ({@code "country.name"}). They are
 * checked against the entity when the condition is used: an unknown name fails with the list of
 * valid ones.
 */
public sealed interface Criterion
    permits Criterion.Compare,
        Criterion.Between,
        Criterion.In,
        Criterion.Like,
        Criterion.StartsWith,
        Criterion.Null,
        Criterion.Junction,
        Criterion.Not {

  /** A comparison operator and its SQL spelling. */
  enum Op {
    EQ("="),
    NE("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String sql;

    Op(String sql) {
      this.sql = sql;
    }

    /** The operator as written in SQL and HQL. */
    public String sql() {
      return sql;
    }
  }

  /**
   * {@code attribute op value}; {@code value} is never null (equality with null is {@link Null}).
   */
  record Compare(String attribute, Op op, Object value) implements Criterion {
    public Compare {
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(
          value,
          () ->
              "value of '"
                  + attribute
                  + "' "
                  + op.sql()
                  + " is null: use Where.isNull / Where.isNotNull, or eq / ne which accept null");
    }

    @Override
    public String toString() {
      return attribute + " " + op.sql() + " " + Criterion.literal(value);
    }
  }

  /** {@code attribute between low and high}, both ends included. */
  record Between(String attribute, Object low, Object high) implements Criterion {
    public Between {
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(low, "low");
      Objects.requireNonNull(high, "high");
    }

    @Override
    public String toString() {
      return attribute + " between " + literal(low) + " and " + literal(high);
    }
  }

  /** {@code attribute in (values)}; an empty list matches nothing. */
  record In(String attribute, List<Object> values) implements Criterion {
    public In {
      Objects.requireNonNull(attribute, "attribute");
      values = List.copyOf(values); // also refuses null elements
    }

    @Override
    public String toString() {
      return attribute
          + " in ("
          + values.stream().map(Criterion::literal).collect(Collectors.joining(", "))
          + ")";
    }
  }

  /** SQL {@code like}: {@code %} any text, {@code _} one character; ASCII letters ignore case. */
  record Like(String attribute, String pattern) implements Criterion {
    public Like {
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public String toString() {
      return attribute + " like " + literal(pattern);
    }
  }

  /** Text that starts with {@code prefix}, case-sensitive, no wildcards. */
  record StartsWith(String attribute, String prefix) implements Criterion {
    public StartsWith {
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public String toString() {
      return attribute + " starts with " + literal(prefix);
    }
  }

  /** {@code attribute is null}, or {@code is not null} when {@code negated}. */
  record Null(String attribute, boolean negated) implements Criterion {
    public Null {
      Objects.requireNonNull(attribute, "attribute");
    }

    @Override
    public String toString() {
      return attribute + (negated ? " is not null" : " is null");
    }
  }

  /** All parts ({@code and}) or any part (otherwise); never empty. */
  record Junction(boolean and, List<Criterion> parts) implements Criterion {
    public Junction {
      parts = List.copyOf(parts);
      if (parts.isEmpty()) {
        throw new IllegalArgumentException(
            (and ? "and" : "or") + "() needs at least one condition");
      }
    }

    @Override
    public String toString() {
      return parts.stream()
          .map(p -> p instanceof Junction ? "(" + p + ")" : p.toString())
          .collect(Collectors.joining(and ? " and " : " or "));
    }
  }

  /** The negation of {@code part}. */
  record Not(Criterion part) implements Criterion {
    public Not {
      Objects.requireNonNull(part, "part");
    }

    @Override
    public String toString() {
      return "not (" + part + ")";
    }
  }

  private static String literal(Object v) {
    return v instanceof CharSequence ? "'" + v + "'" : String.valueOf(v);
  }
}
