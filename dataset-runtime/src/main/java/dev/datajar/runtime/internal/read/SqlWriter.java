package dev.datajar.runtime.internal.read;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.format.Codec;
import dev.datajar.runtime.format.TemporalText;
import dev.datajar.runtime.internal.core.ConditionWriter;
import dev.datajar.runtime.internal.core.Criteria;
import dev.datajar.runtime.internal.core.EntityModel;
import dev.datajar.runtime.internal.core.SqlFlavour;
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
public final class SqlWriter extends ConditionWriter {
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

  /**
   * Attribute path -> its columns, qualified by their table's alias once the joins are known: one
   * for a basic attribute, the foreign key's for a path ending in a to-one (one per column of its
   * target's id).
   */
  private final Map<String, List<Col>> resolved = new HashMap<>();

  /** The paths of {@link #resolved} that end in a to-one -> its target's mapper. */
  private final Map<String, RowMapper<?>> toOnes = new HashMap<>();

  /** The paths of {@link #resolved} that end in an embeddable (as a whole) -> it. */
  private final Map<String, Composite> wholes = new HashMap<>();

  private SqlWriter(RowMapper<?> root) {
    super(new StringBuilder(128));
    this.root = root;
  }

  /**
   * A writer for {@code query} and {@code filter} with every path they name resolved. A to-one
   * itself ({@code "vendor"}, {@code "vendor.country"}) stands for its foreign key: compared with
   * an entity (its id), tested for null, or ordered by; an embeddable as a whole stands for its
   * columns. Empty if a path ends in none of these, which only HQL says. ({@code EntityReader} has
   * refused paths into collections already.)
   */
  private static Optional<SqlWriter> prepare(
      RowMapper<?> m, Query query, Criterion filter, List<Query.Order> orders) {
    SqlWriter w = new SqlWriter(m);
    List<String> paths = new ArrayList<>();
    List<Criterion> leaves = new ArrayList<>();
    query.criterion().ifPresent(c -> Criteria.leaves(c, leaves));
    if (filter != null) {
      Criteria.leaves(filter, leaves);
    }
    for (Criterion c : leaves) {
      paths.add(Criteria.attribute(c));
    }
    for (Query.Order o : orders) {
      paths.add(o.attribute());
    }
    Map<String, List<Col>> bare = new HashMap<>();
    Map<String, String> tableOf = new HashMap<>();
    for (String p : paths) {
      if (bare.containsKey(p)) {
        continue;
      }
      m.model.attribute(p); // unknown names fail here, with the list of valid ones
      List<Col> c = w.resolve(p, tableOf);
      if (c == null) {
        return Optional.empty();
      }
      bare.put(p, c);
    }
    boolean joined = !w.aliases.isEmpty();
    for (Map.Entry<String, List<Col>> e : bare.entrySet()) {
      List<Col> cols = e.getValue();
      if (joined) {
        List<Col> q = new ArrayList<>(cols.size());
        for (Col c : cols) {
          q.add(new Col(tableOf.get(e.getKey()) + "." + c.expression(), c.codec()));
        }
        cols = q;
      }
      w.resolved.put(e.getKey(), cols);
    }
    return Optional.of(w);
  }

  /**
   * The columns at {@code path}, unqualified, adding a join per to-one on the way; records the
   * alias of their table in {@code tableOf}, and in {@link #toOnes} a path ending in a to-one.
   * {@code null} if the path ends in no column and no to-one.
   */
  private List<Col> resolve(String path, Map<String, String> tableOf) {
    RowMapper<?> m = root;
    String alias = ROOT;
    String walked = "";
    String rest = path;
    while (true) {
      // Through a to-one to a restricted entity, even its id is the joined target's, NULL where
      // the restriction excludes the row (docs/queries.md, S9); else "toOne.id" is the foreign key.
      boolean viaRestricted = restrictedOnTheWay(m, rest);
      Col c = viaRestricted ? null : m.paths.get(rest);
      if (c != null) {
        tableOf.put(path, alias);
        return List.of(c);
      }
      Composite whole = viaRestricted ? null : m.wholes.get(rest);
      if (whole != null) {
        // an embeddable as a whole: its columns, in the order of its parts
        List<Col> cols = new ArrayList<>(whole.paths.size());
        for (String part : whole.paths) {
          cols.add(m.paths.get(rest + "." + part));
        }
        tableOf.put(path, alias);
        wholes.put(path, whole);
        return cols;
      }
      RowMapper.ToOne end = m.toOnes.get(rest); // "vendor"; "place.nearest" in an embeddable
      if (end != null && !end.joined()) {
        // the to-one itself: its foreign key, recorded as the paths "toOne.<target id part>"
        tableOf.put(path, alias);
        toOnes.put(path, end.target());
        return idColumns(end.target(), m, rest + ".");
      }
      // The longest start of the path that is a to-one: "place.nearest" of "place.nearest.name";
      // or a to-one to a restricted entity itself, read as its joined target's id.
      RowMapper.ToOne via = end;
      int dot = end != null ? rest.length() : rest.lastIndexOf('.');
      while (dot > 0 && via == null && (via = m.toOnes.get(rest.substring(0, dot))) == null) {
        dot = rest.lastIndexOf('.', dot - 1);
      }
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
        if (t.restricted()) { // a target the restriction excludes is no target: NULL columns
          joins.append(" and (").append(t.restriction(to)).append(')');
        }
      }
      alias = to;
      m = via.target();
      if (dot == rest.length()) { // the restricted to-one itself: its target's id, joined
        tableOf.put(path, alias);
        toOnes.put(path, m);
        return idColumns(m, m, "");
      }
      rest = rest.substring(dot + 1);
    }
  }

  /**
   * The columns of {@code in} at {@code prefix} + each of {@code target}'s id paths: a to-one's
   * foreign key, or the joined target's own id.
   */
  private static List<Col> idColumns(RowMapper<?> target, RowMapper<?> in, String prefix) {
    List<Col> key = new ArrayList<>(target.idPaths.size());
    for (String part : target.idPaths) {
      key.add(in.paths.get(prefix + part));
    }
    return key;
  }

  /** True if the longest start of {@code rest} that is a to-one of {@code m} is restricted. */
  private static boolean restrictedOnTheWay(RowMapper<?> m, String rest) {
    for (int dot = rest.lastIndexOf('.'); dot > 0; dot = rest.lastIndexOf('.', dot - 1)) {
      RowMapper.ToOne t = m.toOnes.get(rest.substring(0, dot));
      if (t != null) {
        return t.joined();
      }
    }
    return false;
  }

  /**
   * Adds the root's class-level restriction to the where clause written, if it has one: {@code
   * where (criteria) and (restriction)}.
   */
  private void restrict() {
    String r = root.restriction(aliases.isEmpty() ? root.table : ROOT);
    if (r == null) {
      return;
    }
    if (sb.length() == 0) {
      sb.append(" where (").append(r).append(')');
    } else {
      sb.insert(" where ".length(), '(').append(") and (").append(r).append(')');
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
    w.restrict();
    StringBuilder out = new StringBuilder(w.sb.length() + 128);
    w.head(out, false);
    out.append(w.sb);
    List<String> terms = new ArrayList<>(orders.size() + m.idPaths.size());
    List<String> ordered = new ArrayList<>(orders.size());
    for (Query.Order o : orders) {
      for (Col c : w.resolved.get(o.attribute())) { // a to-one: each column of its key, in order
        terms.add(
            m.flavour.orderKey(c.expression(), c.codec()) + m.flavour.direction(o.descending()));
      }
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
    w.restrict();
    StringBuilder out = new StringBuilder(w.sb.length() + 64);
    w.head(out, true);
    out.append(w.sb);
    return Optional.of(new Sql(out.toString(), w.params));
  }

  @Override
  protected void writeLeaf(Criterion c) {
    String full = Criteria.attribute(c);
    RowMapper<?> target = toOnes.get(full);
    if (target != null) {
      toOneLeaf(resolved.get(full), target, full, c);
      return;
    }
    Composite whole = wholes.get(full);
    if (whole != null) {
      wholeLeaf(resolved.get(full), whole, full, c);
      return;
    }
    Col col = resolved.get(full).get(0);
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
        case LE -> text(e + " < ", v + AFTER_INSTANT);
        case GT -> text(e + " >= ", v + AFTER_INSTANT);
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

  /**
   * A condition on a to-one itself: its foreign key column(s) against the id of the entity given as
   * the value (docs/queries.md, S1 and S2). A NULL to-one makes {@code eq}, {@code ne} and {@code
   * in} UNKNOWN, as any comparison with NULL: {@code (k1 = ? and k2 = ?)} is UNKNOWN when the keys
   * are NULL and so is its {@code not}. {@code isNull} holds when every key column is NULL. Other
   * comparisons of an entity are refused: they would order ids, which is no order of the entities;
   * compare the id path ({@code "vendor.id"}) instead.
   */
  private void toOneLeaf(List<Col> key, RowMapper<?> target, String full, Criterion c) {
    if (c instanceof Criterion.Null x) {
      sb.append(x.negated() ? "not (" : "(");
      for (int i = 0; i < key.size(); i++) {
        sb.append(i == 0 ? "" : " and ").append(key.get(i).expression()).append(" is null");
      }
      sb.append(')');
      return;
    }
    if (c instanceof Criterion.Compare x && x.op() == Criterion.Op.EQ) {
      keyEquals(key, target, full, x.value());
    } else if (c instanceof Criterion.Compare x && x.op() == Criterion.Op.NE) {
      sb.append("not (");
      keyEquals(key, target, full, x.value());
      sb.append(')');
    } else if (c instanceof Criterion.In x) {
      if (x.values().isEmpty()) {
        sb.append("1 = 0");
        return;
      }
      sb.append('(');
      String sep = "";
      for (Object v : x.values()) {
        sb.append(sep);
        keyEquals(key, target, full, v);
        sep = " or ";
      }
      sb.append(')');
    } else {
      if (c instanceof Criterion.Compare x) {
        root.model.coerce(full, x.value()); // a value of the wrong type: that message first
      }
      String id = full + "." + String.join("/", target.idPaths);
      throw new IllegalArgumentException(
          "'"
              + full
              + "' of "
              + root.type.getSimpleName()
              + " is a to-one: it takes eq, ne, in, isNull and isNotNull with entities as"
              + " values, not "
              + c
              + ". Compare its id ('"
              + id
              + "') instead.");
    }
  }

  /**
   * A condition on an embeddable as a whole ({@code eq("spot", spot)}, an {@code @EmbeddedId}):
   * every column equal to the value's part, as Hibernate compares embeddables. {@code isNull} holds
   * when every column is NULL, which is when the entity's attribute is null; {@code isNotNull} is
   * its negation. A value with a null part is refused (it could never be TRUE), and so are other
   * comparisons: compare the parts ({@code "spot.lat"}).
   */
  private void wholeLeaf(List<Col> cols, Composite whole, String full, Criterion c) {
    if (c instanceof Criterion.Null x) {
      sb.append(x.negated() ? "not (" : "(");
      for (int i = 0; i < cols.size(); i++) {
        sb.append(i == 0 ? "" : " and ").append(cols.get(i).expression()).append(" is null");
      }
      sb.append(')');
      return;
    }
    String what = "'" + full + "' of " + root.type.getSimpleName();
    List<Object> values = new ArrayList<>();
    if (c instanceof Criterion.Compare x
        && (x.op() == Criterion.Op.EQ || x.op() == Criterion.Op.NE)) {
      values.add(x.value());
    } else if (c instanceof Criterion.In x) {
      if (x.values().isEmpty()) {
        sb.append("1 = 0");
        return;
      }
      values.addAll(x.values());
    } else {
      if (c instanceof Criterion.Compare x) {
        root.model.coerce(full, x.value()); // a value of the wrong type: that message first
      }
      throw new IllegalArgumentException(
          what
              + " is an embeddable: it takes eq, ne, in, isNull and isNotNull as a whole, not "
              + c
              + ". Compare its parts ('"
              + full
              + "."
              + whole.paths.get(0)
              + "', ...) instead.");
    }
    boolean ne = c instanceof Criterion.Compare x && x.op() == Criterion.Op.NE;
    sb.append(ne ? "not (" : "(");
    String sep = "";
    for (Object v : values) {
      List<Object> parts = whole.valueOf(root.model.coerce(full, v), what);
      sb.append(sep).append('(');
      for (int i = 0; i < cols.size(); i++) {
        sb.append(i == 0 ? "" : " and ");
        equal(cols.get(i), parts.get(i));
      }
      sb.append(')');
      sep = " or ";
    }
    sb.append(')');
  }

  /** {@code (k1 = ? and k2 = ?)}: the foreign key equals the id of the entity {@code value}. */
  @SuppressWarnings("unchecked") // a composite id's internal form is a List (Composite#key)
  private void keyEquals(List<Col> key, RowMapper<?> target, String full, Object value) {
    Object id = target.idOf(root.model.coerce(full, value));
    List<Object> parts = key.size() == 1 ? List.of(id) : (List<Object>) id;
    sb.append('(');
    for (int i = 0; i < key.size(); i++) {
      sb.append(i == 0 ? "" : " and ");
      equal(key.get(i), parts.get(i));
    }
    sb.append(')');
  }

  /**
   * {@code col = ?}: one column of a key or an embeddable compared with a part of the value; an
   * {@code OffsetDateTime}/{@code ZonedDateTime} stored as text by its instant, as a column of its
   * own is ({@link #instantLeaf}, docs/queries.md S5).
   */
  private void equal(Col col, Object value) {
    if (root.flavour.instantText(col.codec())) {
      String v = instant(value);
      range(col.expression(), v, v);
    } else {
      sb.append(col.expression()).append(" = ");
      param(col, value);
    }
  }

  /** {@code (e >= low and e < high + "!")}: the instants from {@code low} to {@code high}. */
  private void range(String e, String low, String high) {
    sb.append('(');
    text(e + " >= ", low);
    sb.append(" and ");
    text(e + " < ", high + AFTER_INSTANT);
    sb.append(')');
  }

  private void text(String before, String value) {
    sb.append(before).append('?');
    params.add(new Param(value, TEXT));
  }

  /**
   * What follows every stored text of an instant {@code X} ({@code " ["}) sorts below {@code X +}
   * this: {@code [X, X + AFTER_INSTANT)} holds exactly the texts of instant {@code X}.
   */
  static final String AFTER_INSTANT = "!";

  /**
   * The UTC instant of an {@code OffsetDateTime}/{@code ZonedDateTime}, as its stored text begins.
   */
  static String instant(Object v) {
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
