package dev.datajar.runtime;

import jakarta.persistence.metamodel.SingularAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a {@link Store} search asks for: a condition, an order, an offset and a limit.
 *
 * <p>Immutable: every method returns a new query, so queries can be kept in constants.
 *
 * <pre>{@code
 * Query.where(Where.eq("continent", "EU")).and(Where.isNotNull("capital"))
 *     .orderByDesc("population").orderBy("name").offset(20).limit(10)
 * }</pre>
 *
 * <p>Without {@code orderBy} a search uses the store's default order (by primary key unless the
 * store overrides {@link Store#defaultOrder()}). Every order ends with the id ascending, so pages
 * are stable; NULL sorts first ascending and last descending; an order through a to-one never
 * removes rows; offset and limit apply after the order, and {@code count} ignores them. The full
 * rules, the same on SQLite and PostgreSQL, are in {@code docs/queries.md}.
 */
public final class Query {
  /** One ordering term. */
  public record Order(String attribute, boolean descending) {
    public Order {
      Objects.requireNonNull(attribute, "attribute");
    }

    public static Order asc(String attribute) {
      return new Order(attribute, false);
    }

    public static Order desc(String attribute) {
      return new Order(attribute, true);
    }

    @Override
    public String toString() {
      return attribute + (descending ? " desc" : "");
    }
  }

  private static final Query ALL = new Query(null, List.of(), 0, -1);

  private final Criterion criterion;
  private final List<Order> orders;
  private final long offset;
  private final int limit;

  private Query(Criterion criterion, List<Order> orders, long offset, int limit) {
    this.criterion = criterion;
    this.orders = orders;
    this.offset = offset;
    this.limit = limit;
  }

  /** Every row. */
  public static Query all() {
    return ALL;
  }

  /** The rows that match {@code criterion}. */
  public static Query where(Criterion criterion) {
    return ALL.and(criterion);
  }

  /** This query, further restricted to rows that also match {@code more}. */
  public Query and(Criterion more) {
    Objects.requireNonNull(more, "criterion");
    Criterion c = criterion == null ? more : Where.and(criterion, more);
    return new Query(c, orders, offset, limit);
  }

  /** Adds an ascending ordering term; terms apply in the order added. */
  public Query orderBy(String attribute) {
    return order(new Order(attribute, false));
  }

  /** Adds a descending ordering term. */
  public Query orderByDesc(String attribute) {
    return order(new Order(attribute, true));
  }

  public Query orderBy(SingularAttribute<?, ?> attribute) {
    return orderBy(attribute.getName());
  }

  public Query orderByDesc(SingularAttribute<?, ?> attribute) {
    return orderByDesc(attribute.getName());
  }

  /** Skips the first {@code n} rows. */
  public Query offset(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("offset must be >= 0: " + n);
    }
    return new Query(criterion, orders, n, limit);
  }

  /** Returns at most {@code n} rows. */
  public Query limit(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + n);
    }
    return new Query(criterion, orders, offset, n);
  }

  public Optional<Criterion> criterion() {
    return Optional.ofNullable(criterion);
  }

  public List<Order> orders() {
    return orders;
  }

  public long offset() {
    return offset;
  }

  public OptionalInt limit() {
    return limit < 0 ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  private Query order(Order o) {
    List<Order> list = new ArrayList<>(orders);
    list.add(o);
    return new Query(criterion, List.copyOf(list), offset, limit);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(criterion == null ? "all" : "where " + criterion);
    if (!orders.isEmpty()) {
      sb.append(" order by ");
      for (int i = 0; i < orders.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(orders.get(i));
      }
    }
    if (offset > 0) {
      sb.append(" offset ").append(offset);
    }
    if (limit >= 0) {
      sb.append(" limit ").append(limit);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Query q
        && Objects.equals(criterion, q.criterion)
        && orders.equals(q.orders)
        && offset == q.offset
        && limit == q.limit;
  }

  @Override
  public int hashCode() {
    return Objects.hash(criterion, orders, offset, limit);
  }
}
