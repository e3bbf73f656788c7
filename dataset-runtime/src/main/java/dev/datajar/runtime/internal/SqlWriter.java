package dev.datajar.runtime.internal;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.metamodel.mapping.JdbcMapping;

/**
 * Turns a {@link Query} on a plain entity into SQL for {@link RowLoader}, bypassing Hibernate's
 * per-query work (session, SQM, a freshly prepared statement per execution).
 *
 * <p>Only column paths qualify: the entity's basic attributes and the id of a to-one
 * ({@code "parent.id"}, read from the foreign key column). Anything else returns {@code null}
 * and the caller uses HQL. Attribute names are checked by {@link EntityModel} first, values
 * travel as parameters bound with the column's own JDBC mapping, so comparisons and collations
 * are those Hibernate would use. Column names come from Hibernate's mapping, never from input.
 */
final class SqlWriter extends ConditionWriter {
  /** A selectable column and how its values are bound. */
  record Col(String expression, JdbcMapping jdbc) {}

  /** A parameter value (domain form) and its mapping. */
  record Param(Object value, JdbcMapping jdbc) {}

  /** SQL text and its parameters. */
  record Sql(String text, List<Param> params) {}

  /** Thrown inside the writer when a path needs HQL; never escapes. */
  private static final class NeedsHql extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NeedsHql() {
      super(null, null, false, false);
    }
  }

  private final EntityModel model;
  private final Map<String, Col> paths;
  private final List<Param> params = new ArrayList<>();

  private SqlWriter(EntityModel model, Map<String, Col> paths) {
    super(128);
    this.model = model;
    this.paths = paths;
  }

  static Sql select(EntityModel model, Map<String, Col> paths, String selectList, String table,
      String idColumn, Query query, Criterion filter, List<Query.Order> defaultOrder) {
    SqlWriter w = new SqlWriter(model, paths);
    try {
      w.sb.append(selectList).append(" from ").append(table);
      w.where(query, filter);
      List<Query.Order> orders = query.orders().isEmpty() ? defaultOrder : query.orders();
      String sep = " order by ";
      boolean byId = false;
      for (Query.Order o : orders) {
        Col c = w.col(o.attribute());
        w.sb.append(sep).append(c.expression()).append(o.descending() ? " desc" : " asc");
        byId |= c.expression().equals(idColumn);
        sep = ", ";
      }
      if (!byId) {
        w.sb.append(sep).append(idColumn);
      }
      if (query.limit().isPresent() || query.offset() > 0) {
        w.sb.append(" limit ").append(query.limit().orElse(-1)).append(" offset ").append(query.offset());
      }
      return new Sql(w.sb.toString(), w.params);
    } catch (NeedsHql e) {
      return null;
    }
  }

  static Sql count(EntityModel model, Map<String, Col> paths, String table, Query query,
      Criterion filter) {
    SqlWriter w = new SqlWriter(model, paths);
    try {
      w.sb.append("select count(*) from ").append(table);
      w.where(query, filter);
      return new Sql(w.sb.toString(), w.params);
    } catch (NeedsHql e) {
      return null;
    }
  }

  @Override
  void writeLeaf(Criterion c) {
    if (c instanceof Criterion.Compare x) {
      Col col = col(x.attribute());
      sb.append(col.expression()).append(' ').append(x.op().sql()).append(' ');
      param(col, model.coerce(x.attribute(), x.value()));
    } else if (c instanceof Criterion.Between x) {
      Col col = col(x.attribute());
      sb.append(col.expression()).append(" between ");
      param(col, model.coerce(x.attribute(), x.low()));
      sb.append(" and ");
      param(col, model.coerce(x.attribute(), x.high()));
    } else if (c instanceof Criterion.In x) {
      Col col = col(x.attribute());
      if (x.values().isEmpty()) {
        sb.append("1 = 0");
        return;
      }
      sb.append(col.expression()).append(" in (");
      String sep = "";
      for (Object v : x.values()) {
        sb.append(sep);
        param(col, model.coerce(x.attribute(), v));
        sep = ", ";
      }
      sb.append(')');
    } else if (c instanceof Criterion.Like x) {
      Col col = col(x.attribute());
      model.coerce(x.attribute(), x.pattern());
      sb.append(col.expression()).append(" like ");
      param(col, x.pattern());
    } else if (c instanceof Criterion.StartsWith x) {
      Col col = col(x.attribute());
      model.coerce(x.attribute(), x.prefix());
      sb.append("substr(").append(col.expression()).append(", 1, ")
          .append(x.prefix().codePointCount(0, x.prefix().length())).append(") = ");
      param(col, x.prefix());
    } else if (c instanceof Criterion.Null x) {
      sb.append(col(x.attribute()).expression()).append(x.negated() ? " is not null" : " is null");
    } else {
      throw new IllegalArgumentException("unknown criterion " + c);
    }
  }

  private Col col(String path) {
    model.attribute(path); // unknown names fail here, with the list of valid ones
    Col c = paths.get(path);
    if (c == null) {
      throw new NeedsHql();
    }
    return c;
  }

  private void param(Col col, Object value) {
    params.add(new Param(value, col.jdbc()));
    sb.append('?');
  }
}
