package dev.datajar.runtime.internal;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.format.Codec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link Query} on a plain entity into SQL for {@link RowPath}, bypassing Hibernate.
 *
 * <p>Attribute names are checked by {@link EntityModel} first; values travel as parameters bound
 * with the column's {@link Codec}, so comparisons and collations are those Hibernate would use. A
 * condition through a to-one ({@code "region.country.alpha2"}) becomes {@code region_code in
 * (select code from region where ...)}, which keeps exactly the rows HQL's implicit inner join
 * keeps. An order through a to-one is left to HQL: {@link #select} then says so with an empty
 * result. Column names come from the recorded layout, never from input.
 */
final class SqlWriter extends ConditionWriter {
  /** A selectable column (quoted) and how its values are bound. */
  record Col(String expression, Codec codec) {}

  /** A parameter value (attribute form) and its codec. */
  record Param(Object value, Codec codec) {}

  /**
   * SQL text and its parameters.
   *
   * @param sortById true if the rows come in no order and are to be sorted by id after reading (see
   *     {@link #select})
   */
  record Sql(String text, List<Param> params, boolean sortById) {
    Sql(String text, List<Param> params) {
      this(text, params, false);
    }
  }

  private final RowMapper<?> root;
  private final List<Param> params;

  private SqlWriter(RowMapper<?> root, StringBuilder sb, List<Param> params) {
    super(sb);
    this.root = root;
    this.params = params;
  }

  /**
   * The select of {@code query}, or empty if an order needs a join that only HQL writes.
   *
   * @param allRead true if the caller reads every row before using any (a search, not a stream):
   *     then the default order by an integer id may be left to {@link RowPath} ({@link
   *     SqlFlavour#sortsInMemory})
   */
  static Optional<Sql> select(
      RowMapper<?> m,
      Query query,
      Criterion filter,
      List<Query.Order> defaultOrder,
      boolean allRead) {
    List<Query.Order> orders = query.orders().isEmpty() ? defaultOrder : query.orders();
    for (Query.Order o : orders) {
      m.model.attribute(o.attribute()); // unknown names fail here, with the list of valid ones
      if (!m.paths.containsKey(o.attribute())) {
        return Optional.empty();
      }
    }
    if (!expressible(m, query, filter)) {
      return Optional.empty();
    }
    SqlWriter w = new SqlWriter(m, new StringBuilder(128), new ArrayList<>());
    w.sb.append(m.selectList).append(" from ").append(m.table);
    w.where(query, filter);
    List<String> terms = new ArrayList<>(orders.size() + m.idColumns.size());
    List<String> ordered = new ArrayList<>(orders.size());
    for (Query.Order o : orders) {
      Col c = m.paths.get(o.attribute());
      terms.add(c.expression() + m.flavour.direction(o.descending()));
      ordered.add(c.expression());
    }
    for (String k : m.idColumns) { // every id column, in order, breaks the remaining ties
      if (!ordered.contains(k)) {
        terms.add(k);
      }
    }
    String limit = m.flavour.limit(query.limit(), query.offset());
    if (allRead && orders.isEmpty() && limit.isEmpty() && m.flavour.sortsInMemory(m)) {
      // Every row is read and the order is the id's alone: sorted after reading, not by the server.
      return Optional.of(new Sql(w.sb.toString(), w.params, true));
    }
    String sep = " order by ";
    for (String t : terms) {
      w.sb.append(sep).append(t);
      sep = ", ";
    }
    w.sb.append(limit);
    return Optional.of(new Sql(w.sb.toString(), w.params));
  }

  /** The count of {@code query}, or empty if a condition needs HQL. */
  static Optional<Sql> count(RowMapper<?> m, Query query, Criterion filter) {
    if (!expressible(m, query, filter)) {
      return Optional.empty();
    }
    SqlWriter w = new SqlWriter(m, new StringBuilder(128), new ArrayList<>());
    w.sb.append("select count(*) from ").append(m.table);
    w.where(query, filter);
    return Optional.of(new Sql(w.sb.toString(), w.params));
  }

  /**
   * True if every condition names a column, directly or through to-ones; false for what only HQL
   * can say (an entity as a value, a path into a collection or embeddable).
   */
  private static boolean expressible(RowMapper<?> m, Query query, Criterion filter) {
    List<String> paths = new ArrayList<>();
    query.criterion().ifPresent(c -> Criteria.attributes(c, paths));
    if (filter != null) {
      Criteria.attributes(filter, paths);
    }
    for (String p : paths) {
      m.model.attribute(p); // unknown names fail here, with the list of valid ones
      if (!column(m, p)) {
        return false;
      }
    }
    return true;
  }

  private static boolean column(RowMapper<?> m, String path) {
    if (m.paths.containsKey(path)) {
      return true;
    }
    int dot = path.indexOf('.');
    RowMapper.ToOne via = dot > 0 ? m.toOnes.get(path.substring(0, dot)) : null;
    return via != null && column(via.target(), path.substring(dot + 1));
  }

  @Override
  void writeLeaf(Criterion c) {
    leaf(root, Criteria.attribute(c), c);
  }

  /** Writes {@code c} on {@code path} of {@code m}'s table, through to-ones as subqueries. */
  private void leaf(RowMapper<?> m, String path, Criterion c) {
    Col col = m.paths.get(path);
    int dot = path.indexOf('.');
    if (col == null && dot > 0) {
      RowMapper.ToOne via = m.toOnes.get(path.substring(0, dot));
      if (via != null) {
        RowMapper<?> t = via.target();
        sb.append(via.column())
            .append(" in (select ")
            .append(t.idColumn)
            .append(" from ")
            .append(t.table)
            .append(" where ");
        leaf(t, path.substring(dot + 1), c);
        sb.append(')');
        return;
      }
    }
    String full = Criteria.attribute(c);
    if (c instanceof Criterion.Compare x) {
      sb.append(col.expression()).append(' ').append(x.op().sql()).append(' ');
      param(col, root.model.coerce(full, x.value()));
    } else if (c instanceof Criterion.Between x) {
      sb.append(col.expression()).append(" between ");
      param(col, root.model.coerce(full, x.low()));
      sb.append(" and ");
      param(col, root.model.coerce(full, x.high()));
    } else if (c instanceof Criterion.In x) {
      if (x.values().isEmpty()) {
        sb.append("1 = 0");
        return;
      }
      sb.append(col.expression()).append(" in (");
      String sep = "";
      for (Object v : x.values()) {
        sb.append(sep);
        param(col, root.model.coerce(full, v));
        sep = ", ";
      }
      sb.append(')');
    } else if (c instanceof Criterion.Like x) {
      root.model.coerce(full, x.pattern());
      sb.append(col.expression()).append(root.flavour.like());
      param(col, x.pattern());
      sb.append(root.flavour.afterPattern());
    } else if (c instanceof Criterion.StartsWith x) {
      root.model.coerce(full, x.prefix());
      sb.append("substr(")
          .append(col.expression())
          .append(", 1, ")
          .append(x.prefix().codePointCount(0, x.prefix().length()))
          .append(") = ");
      param(col, x.prefix());
    } else if (c instanceof Criterion.Null x) {
      sb.append(col.expression()).append(x.negated() ? " is not null" : " is null");
    } else {
      throw new IllegalArgumentException("unknown criterion " + c);
    }
  }

  private void param(Col col, Object value) {
    params.add(new Param(value, col.codec()));
    sb.append('?');
  }
}
