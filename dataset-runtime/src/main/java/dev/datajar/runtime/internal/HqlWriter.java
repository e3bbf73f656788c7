package dev.datajar.runtime.internal;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Query} into HQL text with positional parameters.
 *
 * <p>Attribute paths are checked against the {@link EntityModel} before they are written, so the
 * text only ever contains the entity's own attribute names; values travel as parameters. The same
 * query shape gives the same text, so Hibernate's query plan cache does the parsing once.
 */
final class HqlWriter extends ConditionWriter {
  /** HQL text and its parameters ({@code ?1} is {@code params.get(0)}). */
  record Hql(String text, List<Object> params) {}

  private final EntityModel model;
  private final List<Object> params = new ArrayList<>();

  private HqlWriter(EntityModel model) {
    super(new StringBuilder(96));
    this.model = model;
  }

  /** {@code select e from Entity e where ... order by ...}. */
  static Hql select(
      EntityModel model, Query query, Criterion filter, List<Query.Order> defaultOrder) {
    HqlWriter w = new HqlWriter(model);
    w.sb.append("select e from ").append(model.hqlName()).append(" e");
    w.where(query, filter);
    List<Query.Order> orders = query.orders().isEmpty() ? defaultOrder : query.orders();
    String sep = " order by ";
    boolean byId = false;
    for (Query.Order o : orders) {
      model.attribute(o.attribute());
      w.sb.append(sep).append("e.").append(o.attribute()).append(o.descending() ? " desc" : " asc");
      byId |= o.attribute().equals(model.idAttribute());
      sep = ", ";
    }
    if (!byId && model.idAttribute() != null) {
      // A stable order makes offset/limit pages reproducible; on a rowid key it costs nothing.
      w.sb.append(sep).append("e.").append(model.idAttribute());
    }
    return new Hql(w.sb.toString(), w.params);
  }

  /** {@code select count(e) from Entity e where ...}. */
  static Hql count(EntityModel model, Query query, Criterion filter) {
    HqlWriter w = new HqlWriter(model);
    w.sb.append("select count(e) from ").append(model.hqlName()).append(" e");
    w.where(query, filter);
    return new Hql(w.sb.toString(), w.params);
  }

  @Override
  void writeLeaf(Criterion c) {
    if (c instanceof Criterion.Compare x) {
      path(x.attribute()).append(' ').append(x.op().sql()).append(' ');
      param(model.coerce(x.attribute(), x.value()));
    } else if (c instanceof Criterion.Between x) {
      path(x.attribute()).append(" between ");
      param(model.coerce(x.attribute(), x.low()));
      sb.append(" and ");
      param(model.coerce(x.attribute(), x.high()));
    } else if (c instanceof Criterion.In x) {
      if (x.values().isEmpty()) {
        model.attribute(x.attribute());
        sb.append("1 = 0");
        return;
      }
      List<Object> values = new ArrayList<>(x.values().size());
      for (Object v : x.values()) {
        values.add(model.coerce(x.attribute(), v));
      }
      path(x.attribute()).append(" in (");
      param(values);
      sb.append(')');
    } else if (c instanceof Criterion.Like x) {
      model.coerce(x.attribute(), x.pattern());
      path(x.attribute()).append(" like ");
      param(x.pattern());
    } else if (c instanceof Criterion.StartsWith x) {
      model.coerce(x.attribute(), x.prefix());
      // substr() counts characters like codePointCount; unlike LIKE it is case-sensitive.
      sb.append("substring(");
      path(x.attribute())
          .append(", 1, ")
          .append(x.prefix().codePointCount(0, x.prefix().length()))
          .append(") = ");
      param(x.prefix());
    } else if (c instanceof Criterion.Null x) {
      path(x.attribute()).append(x.negated() ? " is not null" : " is null");
    } else {
      throw new IllegalArgumentException("unknown criterion " + c);
    }
  }

  private StringBuilder path(String attribute) {
    model.attribute(attribute);
    return sb.append("e.").append(attribute);
  }

  private void param(Object value) {
    params.add(value);
    sb.append('?').append(params.size());
  }
}
