package dev.datajar.runtime.internal.hibernate;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.format.DataJarDialect;
import dev.datajar.runtime.format.EntityLayout;
import dev.datajar.runtime.internal.core.ConditionWriter;
import dev.datajar.runtime.internal.core.EntityModel;
import dev.datajar.runtime.internal.core.SqlFlavour;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Hibernate;

/**
 * Turns a {@link Query} into HQL text with positional parameters.
 *
 * <p>Attribute paths are checked against the {@link EntityModel} before they are written, so the
 * text only ever contains the entity's own attribute names; values travel as parameters. The same
 * query shape gives the same text, so Hibernate's query plan cache does the parsing once.
 *
 * <p>The semantics are those of docs/queries.md, as {@code SqlWriter} writes them: a path through a
 * to-one ({@code "vendor.name"}) goes through an explicit {@code left join} (HQL's implicit join of
 * {@code e.vendor.name} is an inner one, which drops rows), and orders end with every id attribute.
 * The dialects sort NULL first ascending and last descending.
 */
public final class HqlWriter extends ConditionWriter {
  /** HQL text and its parameters ({@code ?1} is {@code params.get(0)}). */
  record Hql(String text, List<Object> params) {}

  private final EntityModel model;
  private final SqlFlavour flavour;
  private final List<Object> params = new ArrayList<>();

  /** Path of to-ones from the root ({@code "vendor.country"}) -> its alias. */
  private final Map<String, String> aliases = new LinkedHashMap<>();

  private final StringBuilder joins = new StringBuilder();

  private int subqueries; // aliases r1, r2, … of the subqueries keyCondition writes

  private HqlWriter(EntityModel model, SqlFlavour flavour) {
    super(new StringBuilder(96));
    this.model = model;
    this.flavour = flavour;
  }

  /** {@code select e from Entity e where ... order by ...}. */
  static Hql select(
      EntityModel model,
      SqlFlavour flavour,
      Query query,
      Criterion filter,
      List<Query.Order> defaultOrder) {
    HqlWriter w = new HqlWriter(model, flavour);
    w.where(query, filter);
    List<Query.Order> orders = query.orders().isEmpty() ? defaultOrder : query.orders();
    String sep = " order by ";
    List<String> ordered = new ArrayList<>();
    for (Query.Order o : orders) {
      w.sb.append(sep);
      w.operand(o.attribute()).append(o.descending() ? " desc" : " asc");
      ordered.add(o.attribute());
      sep = ", ";
    }
    // Ties broken by the id: offset/limit pages are stable; on a rowid key it costs nothing.
    for (String id : model.idOrder()) {
      if (!ordered.contains(id)) {
        w.sb.append(sep).append("e.").append(id);
        sep = ", ";
      }
    }
    return new Hql("select e from " + model.hqlName() + " e" + w.joins + w.sb, w.params);
  }

  /** {@code select count(e) from Entity e where ...}. */
  static Hql count(EntityModel model, SqlFlavour flavour, Query query, Criterion filter) {
    HqlWriter w = new HqlWriter(model, flavour);
    w.where(query, filter);
    return new Hql("select count(e) from " + model.hqlName() + " e" + w.joins + w.sb, w.params);
  }

  @Override
  protected void writeLeaf(Criterion c) {
    EntityModel byId =
        c instanceof Criterion.Compare || c instanceof Criterion.In ? joinedEnd(c) : null;
    if (byId != null) {
      // a to-one joined on another column, or an inverse one-to-one, compared with entities:
      // their ids with its joined target's (Hibernate would bind the entity with the type of
      // the foreign key, which here is not the id's)
      path(c instanceof Criterion.Compare x ? x.attribute() : ((Criterion.In) c).attribute())
          .append('.')
          .append(byId.idAttribute());
      if (c instanceof Criterion.Compare x) {
        sb.append(' ').append(x.op().sql()).append(' ');
        param(idOf(byId, model.coerce(x.attribute(), x.value())));
      } else {
        Criterion.In x = (Criterion.In) c;
        List<Object> ids = new ArrayList<>(x.values().size());
        for (Object v : x.values()) {
          ids.add(idOf(byId, model.coerce(x.attribute(), v)));
        }
        sb.append(" in (");
        param(ids);
        sb.append(')');
      }
      return;
    }
    if (c instanceof Criterion.Compare x) {
      operand(x.attribute()).append(' ').append(x.op().sql()).append(' ');
      param(value(x.attribute(), x.value()));
    } else if (c instanceof Criterion.Between x) {
      operand(x.attribute()).append(" between ");
      param(value(x.attribute(), x.low()));
      sb.append(" and ");
      param(value(x.attribute(), x.high()));
    } else if (c instanceof Criterion.In x) {
      if (x.values().isEmpty()) {
        model.attribute(x.attribute());
        sb.append("1 = 0");
        return;
      }
      List<Object> values = new ArrayList<>(x.values().size());
      for (Object v : x.values()) {
        values.add(value(x.attribute(), v));
      }
      operand(x.attribute()).append(" in (");
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

  /**
   * True if {@code attribute} is an {@code OffsetDateTime}/{@code ZonedDateTime}: compared and
   * ordered by its instant alone (docs/queries.md, S5), which HQL's own comparison does not do on
   * either engine (it compares the offset or zone too).
   */
  private boolean zoned(String attribute) {
    Class<?> t = model.typeOf(attribute);
    return t == OffsetDateTime.class || t == ZonedDateTime.class;
  }

  /**
   * {@code attribute} as compared and ordered: its path, or for {@link #zoned} its instant: on
   * SQLite the UTC instant its stored text starts with ({@link DataJarDialect#INSTANT_FUNCTION}),
   * on PostgreSQL the {@code timestamptz} column of Hibernate's column pair ({@code .instant}).
   */
  private StringBuilder operand(String attribute) {
    if (!zoned(attribute)) {
      return path(attribute);
    }
    sb.append(flavour.hqlInstantBefore());
    return path(attribute).append(flavour.hqlInstantAfter());
  }

  /**
   * A parameter compared with {@link #operand}: the value, or its instant in the operand's form.
   */
  private Object value(String attribute, Object v) {
    Object x = model.coerce(attribute, v);
    if (!zoned(attribute)) {
      return x;
    }
    Instant instant =
        x instanceof OffsetDateTime o ? o.toInstant() : ((ZonedDateTime) x).toInstant();
    return flavour.hqlInstant(instant);
  }

  /**
   * Appends {@code attribute} as HQL: each to-one on the way joined once ({@code left join}), an
   * embeddable's attributes navigated, a to-one's id read from the foreign key as the row path
   * does.
   */
  private StringBuilder path(String attribute) {
    model.attribute(attribute); // unknown names fail here, with the list of valid ones
    String[] segments = attribute.split("\\.", -1);
    String alias = "e";
    String walked = ""; // the to-ones joined so far, from the root
    String rest = ""; // navigation from alias: embeddables, or a to-one whose id ends the path
    EntityModel m = model;
    EntityModel at = model; // the entity whose row alias is
    for (int i = 0; i < segments.length - 1; i++) {
      String nav = rest.isEmpty() ? segments[i] : rest + "." + segments[i];
      EntityModel t = m.attribute(segments[i]).target();
      boolean entity = t != null && t.hqlName() != null;
      boolean fkOnly =
          i == segments.length - 2
              && segments[i + 1].equals(t == null ? null : t.idAttribute())
              && !restricted(t)
              && !joinedToOne(m, segments[i]);
      if (entity && !fkOnly) {
        walked = walked.isEmpty() ? nav : walked + "." + nav;
        alias = join(alias, nav, walked, t);
        at = t;
        rest = "";
      } else {
        rest = nav;
      }
      m = t;
    }
    String last = segments[segments.length - 1];
    String nav = rest.isEmpty() ? last : rest + "." + last;
    EntityModel end = m.attribute(last).target();
    if (end != null && end.hqlName() != null && (restricted(end) || joinedToOne(m, last))) {
      // A to-one to a restricted entity itself: its joined target, null where the restriction
      // excludes it, as the entity read has it (docs/queries.md, S9). Hibernate would compare or
      // order by an inner join of it, or by the foreign key, depending on the condition. So is a
      // to-one with no foreign key holding its target's id (joinedToOne), compared by its id.
      return sb.append(join(alias, nav, walked.isEmpty() ? nav : walked + "." + nav, end));
    }
    String key = end != null || at == model ? "" : keyCondition(at, alias, 0);
    if (!key.isEmpty()) {
      // A value of a joined entity whose key holds a to-one to a restricted entity: Hibernate
      // reads the parts of its key from the foreign key even where the join found no row, so the
      // value is NULL unless that key's targets exist (docs/queries.md, S9).
      return sb.append("case when ")
          .append(key)
          .append(" then ")
          .append(alias)
          .append('.')
          .append(nav)
          .append(" end");
    }
    return sb.append(alias).append('.').append(nav);
  }

  /**
   * The alias of the to-one {@code nav} of {@code alias} ({@code walked} from the root) to {@code
   * target}, joined once; for a target whose key holds to-ones to restricted entities, joined only
   * where those exist ({@link #keyCondition}), so that it is null where they are excluded.
   */
  private String join(String alias, String nav, String walked, EntityModel target) {
    String to = aliases.get(walked);
    if (to == null) {
      to = "j" + (aliases.size() + 1);
      aliases.put(walked, to);
      joins.append(" left join ").append(alias).append('.').append(nav).append(' ').append(to);
      String on = keyCondition(target, to, 0);
      if (!on.isEmpty()) {
        joins.append(" on ").append(on);
      }
    }
    return to;
  }

  /**
   * For an entity whose key holds to-ones to restricted entities ({@link #restrictedKeyParts}): HQL
   * that holds where each of their targets exists as Hibernate reads it (its own restriction
   * applied to the subquery, and its key's in turn), for the row {@code alias}; {@code ""} for any
   * other. A row whose key part is excluded is no row (docs/queries.md, S9), which Hibernate does
   * not know: its join would find the row.
   */
  private String keyCondition(EntityModel target, String alias, int depth) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, EntityModel> part : restrictedKeyParts(target, depth).entrySet()) {
      subqueries++;
      String r = "r" + subqueries;
      String nested = keyCondition(part.getValue(), r, depth + 1);
      out.append(out.length() == 0 ? "" : " and ")
          .append("exists (select 1 from ")
          .append(part.getValue().hqlName())
          .append(' ')
          .append(r)
          .append(" where ")
          .append(r)
          .append(" = ")
          .append(alias)
          .append('.')
          .append(part.getKey())
          .append(nested.isEmpty() ? "" : " and " + nested)
          .append(')');
    }
    return out.toString();
  }

  /**
   * The to-ones among the key's parts of {@code target} (JPA's derived identity, an {@code
   * EmbeddedId}'s to-ones, nested embeddables too), by path from the entity, whose targets are
   * {@link #restricted}; empty for any other entity.
   */
  private static Map<String, EntityModel> restrictedKeyParts(EntityModel target, int depth) {
    Map<String, EntityModel> out = new LinkedHashMap<>();
    if (depth > 8) {
      return out;
    }
    for (String id : target.idOrder()) {
      keyToOnes(target, id, depth, out);
    }
    return out;
  }

  private static void keyToOnes(
      EntityModel owner, String path, int depth, Map<String, EntityModel> out) {
    EntityModel t = owner.attribute(path).target();
    if (t == null) {
      return;
    }
    if (t.hqlName() == null) { // an embeddable: its parts
      for (String a : t.attributeNames()) {
        keyToOnes(owner, path + "." + a, depth, out);
      }
    } else if (restricted(t, depth + 1)) {
      out.put(path, t);
    }
  }

  /**
   * True if {@code target} has a class-level {@code @SQLRestriction}, or a key part to such an
   * entity ({@link #restrictedKeyParts}): a path through a to-one to it reads its joined row, even
   * for its id, so that the to-one is null where the restriction excludes the row, as the entity
   * read has it on the row path (docs/queries.md, S9).
   */
  /**
   * The target of the to-one that {@code c}'s attribute ends in, if that to-one is {@link
   * #joinedToOne} and its target has a single id attribute; else null. An empty {@code in} is left
   * to the others.
   */
  private EntityModel joinedEnd(Criterion c) {
    String attribute =
        c instanceof Criterion.Compare x ? x.attribute() : ((Criterion.In) c).attribute();
    if (c instanceof Criterion.In x && x.values().isEmpty()) {
      return null;
    }
    int dot = attribute.lastIndexOf('.');
    EntityModel owner = dot < 0 ? model : model.attribute(attribute.substring(0, dot)).target();
    String last = attribute.substring(dot + 1);
    EntityModel end = owner == null ? null : owner.attribute(last).target();
    return end != null
            && end.hqlName() != null
            && end.idAttribute() != null
            && joinedToOne(owner, last)
        ? end
        : null;
  }

  /** The id of {@code entity}, an instance of {@code target}'s class (a proxy unwrapped). */
  private static Object idOf(EntityModel target, Object entity) {
    Object e = Hibernate.unproxy(entity);
    try {
      return EntityModel.reader(e.getClass(), target.idAttribute()).invoke(e);
    } catch (RuntimeException | Error x) {
      throw x;
    } catch (Throwable x) {
      throw new IllegalArgumentException("cannot read the id of " + entity + ": " + x, x);
    }
  }

  /**
   * True if the to-one {@code attribute} of {@code owner} has no foreign key holding its target's
   * id: the inverse side of a one-to-one ({@code mappedBy}), or one joined on another column
   * ({@code referencedColumnName}). Compared or ordered as itself, it is its joined target, as on
   * the row path (docs/queries.md, S1).
   */
  private static boolean joinedToOne(EntityModel owner, String attribute) {
    for (Class<?> c = owner.javaType(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (AnnotatedElement e : members(c, attribute)) {
        OneToOne one = e.getAnnotation(OneToOne.class);
        JoinColumn join = e.getAnnotation(JoinColumn.class);
        if ((one != null && !one.mappedBy().isEmpty())
            || (join != null && !join.referencedColumnName().isEmpty())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The field and the getter named for {@code attribute} declared by {@code c}, if any. */
  private static List<AnnotatedElement> members(Class<?> c, String attribute) {
    List<AnnotatedElement> out = new ArrayList<>();
    for (Field f : c.getDeclaredFields()) {
      if (f.getName().equals(attribute)) {
        out.add(f);
      }
    }
    String getter = Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
    for (Method m : c.getDeclaredMethods()) {
      if (m.getParameterCount() == 0
          && (m.getName().equals("get" + getter) || m.getName().equals("is" + getter))) {
        out.add(m);
      }
    }
    return out;
  }

  private static boolean restricted(EntityModel target) {
    return restricted(target, 0);
  }

  private static boolean restricted(EntityModel target, int depth) {
    return !EntityLayout.classRestrictions(target.javaType()).isEmpty()
        || !restrictedKeyParts(target, depth).isEmpty();
  }

  private void param(Object value) {
    params.add(value);
    sb.append('?').append(params.size());
  }
}
