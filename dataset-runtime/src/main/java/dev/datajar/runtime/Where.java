package dev.datajar.runtime;

import jakarta.persistence.metamodel.SingularAttribute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Factories for {@link Criterion conditions}, by attribute name or, type-safe, through the JPA
 * static metamodel ({@code Country_.alpha2}).
 *
 * <pre>{@code
 * countries.search(Query.where(Where.and(Where.eq("continent", "EU"), Where.gt("population", 1_000_000L)))
 *     .orderBy("name"));
 * countries.first(Query.where(Where.eq(Country_.alpha2, "FR")));
 * }</pre>
 *
 * <p>{@code eq(a, null)} means {@code a is null} and {@code ne(a, null)} means {@code a is not
 * null}; the other comparisons refuse null.
 *
 * <p>What a criterion means is written down in {@code docs/queries.md} and is the same on SQLite
 * and PostgreSQL: a path through a to-one ({@code "vendor.name"}) is NULL where the to-one is (a
 * left join, never removing rows), a comparison with NULL is unknown (so {@code p}, {@code not(p)}
 * and {@code isNull(a)} partition the rows), {@code OffsetDateTime}s compare by instant and
 * decimals by value. A criterion may nest and/or/not at most 32 levels deep and hold at most 1,000
 * conditions; an {@code in} is one condition, whatever the number of its values.
 */
public final class Where {
  private Where() {}

  public static Criterion eq(String attribute, Object value) {
    return value == null
        ? new Criterion.Null(attribute, false)
        : new Criterion.Compare(attribute, Criterion.Op.EQ, value);
  }

  public static Criterion ne(String attribute, Object value) {
    return value == null
        ? new Criterion.Null(attribute, true)
        : new Criterion.Compare(attribute, Criterion.Op.NE, value);
  }

  public static Criterion lt(String attribute, Object value) {
    return new Criterion.Compare(attribute, Criterion.Op.LT, value);
  }

  public static Criterion le(String attribute, Object value) {
    return new Criterion.Compare(attribute, Criterion.Op.LE, value);
  }

  public static Criterion gt(String attribute, Object value) {
    return new Criterion.Compare(attribute, Criterion.Op.GT, value);
  }

  public static Criterion ge(String attribute, Object value) {
    return new Criterion.Compare(attribute, Criterion.Op.GE, value);
  }

  public static Criterion between(String attribute, Object low, Object high) {
    return new Criterion.Between(attribute, low, high);
  }

  public static Criterion in(String attribute, Collection<?> values) {
    // Not values.contains(null): List.of(...) and Set.of(...) throw NullPointerException on it.
    if (values.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(
          "in('"
              + attribute
              + "', ...) contains null, which"
              + " matches nothing in SQL: use or(in(...), isNull(...))");
    }
    return new Criterion.In(attribute, new ArrayList<>(values));
  }

  public static Criterion in(String attribute, Object... values) {
    return in(attribute, Arrays.asList(values));
  }

  public static Criterion like(String attribute, String pattern) {
    return new Criterion.Like(attribute, pattern);
  }

  public static Criterion startsWith(String attribute, String prefix) {
    return new Criterion.StartsWith(attribute, prefix);
  }

  public static Criterion isNull(String attribute) {
    return new Criterion.Null(attribute, false);
  }

  public static Criterion isNotNull(String attribute) {
    return new Criterion.Null(attribute, true);
  }

  public static Criterion and(Criterion... parts) {
    return new Criterion.Junction(true, List.of(parts));
  }

  public static Criterion or(Criterion... parts) {
    return new Criterion.Junction(false, List.of(parts));
  }

  public static Criterion not(Criterion part) {
    return new Criterion.Not(part);
  }

  // Type-safe forms: the value's type is checked by the compiler against the attribute's.

  public static <E, V> Criterion eq(SingularAttribute<E, V> attribute, V value) {
    return eq(attribute.getName(), value);
  }

  public static <E, V> Criterion ne(SingularAttribute<E, V> attribute, V value) {
    return ne(attribute.getName(), value);
  }

  public static <E, V extends Comparable<? super V>> Criterion lt(
      SingularAttribute<E, V> attribute, V value) {
    return lt(attribute.getName(), value);
  }

  public static <E, V extends Comparable<? super V>> Criterion le(
      SingularAttribute<E, V> attribute, V value) {
    return le(attribute.getName(), value);
  }

  public static <E, V extends Comparable<? super V>> Criterion gt(
      SingularAttribute<E, V> attribute, V value) {
    return gt(attribute.getName(), value);
  }

  public static <E, V extends Comparable<? super V>> Criterion ge(
      SingularAttribute<E, V> attribute, V value) {
    return ge(attribute.getName(), value);
  }

  public static <E, V extends Comparable<? super V>> Criterion between(
      SingularAttribute<E, V> attribute, V low, V high) {
    return between(attribute.getName(), low, high);
  }

  public static <E, V> Criterion in(
      SingularAttribute<E, V> attribute, Collection<? extends V> values) {
    return in(attribute.getName(), values);
  }

  public static <E> Criterion like(SingularAttribute<E, String> attribute, String pattern) {
    return like(attribute.getName(), pattern);
  }

  public static <E> Criterion startsWith(SingularAttribute<E, String> attribute, String prefix) {
    return startsWith(attribute.getName(), prefix);
  }

  public static <E> Criterion isNull(SingularAttribute<E, ?> attribute) {
    return isNull(attribute.getName());
  }

  public static <E> Criterion isNotNull(SingularAttribute<E, ?> attribute) {
    return isNotNull(attribute.getName());
  }
}
