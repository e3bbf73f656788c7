package dev.datajar.runtime.internal;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.format.Codec;
import dev.datajar.runtime.format.TemporalText;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link Query} on a plain entity into SQL for {@link RowPath}, bypassing Hibernate, with
 * the semantics of docs/queries.md.
 *
 * <p>Attribute names are checked by {@link EntityModel} first; values travel as parameters bound
 * with the column's {@link Codec}. A path through to-ones ({@code "vendor.country.code"}), in a
 * condition or an order, joins each to-one on the way once ({@code left join}), so it reads as a
 * column that is NULL where a to-one is: conditions keep three-valued logic and orders never drop
 * rows. Without such a path the SQL names the table alone, as before. Column names come from the
 * recorded layout, never from input.
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

  /** The root table's alias when the statement joins to-ones. */
  private static final String ROOT = "t0";

  private static final Codec TEXT = Codec.basicFor(String.class);

  private final RowMapper<?> root;
  private final List<Param> params = new ArrayList<>();

  /** Path of to-ones from the root ({@code "vendor.country"}) -> its alias. */
  private final Map<String, String> aliases = new LinkedHashMap<>();

  /** The {@code left join}s, in the order their aliases were made. */
  private final StringBuilder joins = new StringBuilder();

  /** Attribute path -> its column, qualified by its table's alias once the joins are known. */
  private final Map<String, Col> resolved = new HashMap<>();

  private SqlWriter(RowMapper<?> root) {
    super(new StringBuilder(128));
    this.root = root;
  }

  /**
   * A writer for {@code query} and {@code filter} with every path they name resolved, or empty if a
   * path is not a column directly or through to-ones (an entity as a value), which only HQL says. A
   * to-one itself ({@code "vendor"}) is its foreign key where only the key matters: in an order and
   * in a null test.
   */
  private static Optional<SqlWriter> prepare(
      RowMapper<?> m, Query query, Criterion filter, List<Query.Order> orders) {
    SqlWriter w = new SqlWriter(m);
    List<Criterion> leaves = new ArrayList<>();
    query.criterion().ifPresent(c -> Criteria.leaves(c, leaves));
    if (filter != null) {
      Criteria.leaves(filter, leaves);
    }
    List<String> valued = new ArrayList<>(); // compared with values: columns only
    List<String> keyed = new ArrayList<>(); // null tests and orders: a to-one's key will do
    for (Criterion c : leaves) {
      (c instanceof Criterion.Null ? keyed : valued).add(Criteria.attribute(c));
    }
    for (Query.Order o : orders) {
      keyed.add(o.attribute());
    }
    Map<String, Col> bare = new HashMap<>();
    Map<String, String> tableOf = new HashMap<>();
    for (List<String> paths : List.of(valued, keyed)) {
      for (String p : paths) {
        if (bare.containsKey(p)) {
          continue;
        }
        m.model.attribute(p); // unknown names fail here, with the list of valid ones
        Col c = w.resolve(p, tableOf, paths == keyed);
        if (c == null) {
          return Optional.empty();
        }
        bare.put(p, c);
      }
    }
    boolean joined = !w.aliases.isEmpty();
    for (Map.Entry<String, Col> e : bare.entrySet()) {
      Col c = e.getValue();
      w.resolved.put(
          e.getKey(),
          joined ? new Col(tableOf.get(e.getKey()) + "." + c.expression(), c.codec()) : c);
    }
    return Optional.of(w);
  }

  /**
   * The column at {@code path}, unqualified, adding a join per to-one on the way; records the alias
   * of its table in {@code tableOf}. {@code null} if the path ends in no column.
   *
   * @param key true if a path ending in a to-one may stand for its foreign key
   */
  private Col resolve(String path, Map<String, String> tableOf, boolean key) {
    RowMapper<?> m = root;
    String alias = ROOT;
    String walked = "";
    String rest = path;
    while (true) {
      Col c = m.paths.get(rest); // also "toOne.id": the foreign key, no join needed
      if (c != null) {
        tableOf.put(path, alias);
        return c;
      }
      int dot = rest.indexOf('.');
      if (dot < 0 && key && m.toOnes.containsKey(rest)) {
        // the to-one itself: its foreign key, recorded as the path "toOne.<target id>"
        c = m.paths.get(rest + "." + m.toOnes.get(rest).target().model.idAttribute());
        tableOf.put(path, alias);
        return c;
      }
      RowMapper.ToOne via = dot > 0 ? m.toOnes.get(rest.substring(0, dot)) : null;
      if (via == null) {
        return null;
      }
      walked = walked.isEmpty() ? rest.substring(0, dot) : walked + "." + rest.substring(0, dot);
      String from = alias;
      String to = aliases.get(walked);
      if (to == null) {
        to = "t" + (aliases.size() + 1);
        aliases.put(walked, to);
        RowMapper<?> t = via.target();
        joins
            .append(" left join ")
            .append(t.table)
            .append(' ')
            .append(to)
            .append(" on ")
            .append(via.joinCondition(to, from));
      }
      alias = to;
      m = via.target();
      rest = rest.substring(dot + 1);
    }
  }

  /** {@code select ... from table [t0 left join ...]}: the root's columns, qualified if joined. */
  private void head(StringBuilder out, boolean count) {
    if (aliases.isEmpty()) {
      out.append(count ? "select count(*)" : root.selectList).append(" from ").append(root.table);
      return;
    }
    if (count) {
      out.append("select count(*)");
    } else {
      String sep = "select ";
      for (String c : root.selected) {
        out.append(sep).append(ROOT).append('.').append(c);
        sep = ", ";
      }
    }
    out.append(" from ").append(root.table).append(' ').append(ROOT).append(joins);
  }

  /**
   * The select of {@code query}, or empty if a condition or an order needs what only HQL writes.
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
    Optional<SqlWriter> prepared = prepare(m, query, filter, orders);
    if (prepared.isEmpty()) {
      return Optional.empty();
    }
    SqlWriter w = prepared.get();
    w.where(query, filter);
    StringBuilder out = new StringBuilder(w.sb.length() + 128);
    w.head(out, false);
    out.append(w.sb);
    List<String> terms = new ArrayList<>(orders.size() + m.idPaths.size());
    List<String> ordered = new ArrayList<>(orders.size());
    for (Query.Order o : orders) {
      Col c = w.resolved.get(o.attribute());
      terms.add(
          m.flavour.orderKey(c.expression(), c.codec()) + m.flavour.direction(o.descending()));
      ordered.add(o.attribute());
    }
    String prefix = w.aliases.isEmpty() ? "" : ROOT + ".";
    for (String k : m.idPaths) { // every id column, in order, breaks the remaining ties
      if (!ordered.contains(k)) {
        Col c = m.paths.get(k);
        terms.add(m.flavour.orderKey(prefix + c.expression(), c.codec()));
      }
    }
    String limit = m.flavour.limit(query.limit(), query.offset());
    if (allRead
        && orders.isEmpty()
        && limit.isEmpty()
        && m.flavour.sortsInMemory(m.key == null ? m.idCodec.javaType() : null)) {
      // Every row is read and the order is the id's alone: sorted after reading, not by the server.
      return Optional.of(new Sql(out.toString(), w.params, true));
    }
    String sep = " order by ";
    for (String t : terms) {
      out.append(sep).append(t);
      sep = ", ";
    }
    out.append(limit);
    return Optional.of(new Sql(out.toString(), w.params));
  }

  /**
   * The count of {@code query} (its offset, limit and order ignored), or empty if HQL is needed.
   */
  static Optional<Sql> count(RowMapper<?> m, Query query, Criterion filter) {
    Optional<SqlWriter> prepared = prepare(m, query, filter, List.of());
    if (prepared.isEmpty()) {
      return Optional.empty();
    }
    SqlWriter w = prepared.get();
    w.where(query, filter);
    StringBuilder out = new StringBuilder(w.sb.length() + 64);
    w.head(out, true);
    out.append(w.sb);
    return Optional.of(new Sql(out.toString(), w.params));
  }

  @Override
  void writeLeaf(Criterion c) {
    String full = Criteria.attribute(c);
    Col col = resolved.get(full);
    if (root.flavour.instantText(col.codec())) {
      instantLeaf(col, full, c);
      return;
    }
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
      List<Object> values = new ArrayList<>(x.values().size());
      for (Object v : x.values()) {
        values.add(root.model.coerce(full, v));
      }
      Optional<SqlFlavour.ArrayValue> array = root.flavour.array(col.codec(), values);
      if (array.isPresent()) {
        // One parameter for any number of values: PostgreSQL takes at most 65,535 per statement.
        sb.append(col.expression()).append(" = any(?)");
        params.add(new Param(array.get(), col.codec()));
        return;
      }
      sb.append(col.expression()).append(" in (");
      String sep = "";
      for (Object v : values) {
        sb.append(sep);
        param(col, v);
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

  /**
   * A condition on an {@code OffsetDateTime}/{@code ZonedDateTime} stored as text ({@code <UTC
   * instant>Z [<offset or zone>]}, docs/storage.md): compared by the instant alone, as ranges on
   * the text where that is exact, so an index on the column still serves. Every stored text of
   * instant {@code X} lies in {@code [X, X + "!")}: the instant has a fixed width and is followed
   * by {@code " ["}, and {@code ' ' < '!'}.
   */
  private void instantLeaf(Col col, String full, Criterion c) {
    String e = col.expression();
    if (c instanceof Criterion.Compare x) {
      String v = instant(root.model.coerce(full, x.value()));
      switch (x.op()) {
        case EQ -> range(e, v, v);
        case NE -> {
          sb.append("not (");
          range(e, v, v);
          sb.append(')');
        }
        case LT -> text(e + " < ", v);
        case LE -> text(e + " < ", v + "!");
        case GT -> text(e + " >= ", v + "!");
        case GE -> text(e + " >= ", v);
      }
    } else if (c instanceof Criterion.Between x) {
      range(
          e, instant(root.model.coerce(full, x.low())), instant(root.model.coerce(full, x.high())));
    } else if (c instanceof Criterion.In x) {
      if (x.values().isEmpty()) {
        sb.append("1 = 0");
        return;
      }
      sb.append(root.flavour.orderKey(col.expression(), col.codec())).append(" in (");
      String sep = "";
      for (Object v : x.values()) {
        sb.append(sep);
        text("", instant(root.model.coerce(full, v)));
        sep = ", ";
      }
      sb.append(')');
    } else if (c instanceof Criterion.Null x) {
      sb.append(e).append(x.negated() ? " is not null" : " is null");
    } else {
      // like / startsWith: the model refuses a pattern for a date-time attribute
      root.model.coerce(full, c instanceof Criterion.Like l ? l.pattern() : "");
      throw new IllegalArgumentException("unknown criterion " + c);
    }
  }

  /** {@code (e >= low and e < high + "!")}: the instants from {@code low} to {@code high}. */
  private void range(String e, String low, String high) {
    sb.append('(');
    text(e + " >= ", low);
    sb.append(" and ");
    text(e + " < ", high + "!");
    sb.append(')');
  }

  private void text(String before, String value) {
    sb.append(before).append('?');
    params.add(new Param(value, TEXT));
  }

  private static String instant(Object v) {
    if (v instanceof OffsetDateTime o) {
      return TemporalText.format(o.toInstant());
    }
    return TemporalText.format(((ZonedDateTime) v).toInstant());
  }

  private void param(Col col, Object value) {
    params.add(new Param(value, col.codec()));
    sb.append('?');
  }
}
