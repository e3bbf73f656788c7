package dev.datajar.builder.fuzz;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.annotations.SQLRestriction;

/**
 * What the fuzzer knows about the fixture's entities, read from their classes by reflection (not
 * from datajar): each entity's attributes by path, its id attributes and its source rows.
 *
 * <p>A row maps attribute paths to Java values: a to-one holds its target's id (a list of the
 * values for a composite one, as {@link Entity#id}), an embedded attribute is {@code "spot.city"}
 * (an {@code @EmbeddedId}'s parts {@code "id.host"}), an element collection is a list, a map a map
 * (a NULL value is no entry), a many-to-many the list of its targets' ids.
 *
 * <p>An entity with a class-level {@code @SQLRestriction} (S9) holds its source rows ({@link
 * Entity#sourceRows}, what the builder loads) and the rows a store reads ({@link Entity#rows}):
 * those the restriction keeps. In every entity's rows a to-one whose target row the target's
 * restriction excludes is null, and a many-to-many holds no such target, as a store reads them. The
 * restriction is evaluated here in Java: the model knows one form, {@code column op integer} on a
 * basic attribute of the entity.
 */
public final class Model {
  /** The kind of an attribute. */
  public enum Kind {
    BASIC,
    TO_ONE,
    COLLECTION,
    MAP,
    /** A many-to-many: its targets' ids, in the order of {@link Attr#orderBy} if it has one. */
    ENTITIES
  }

  /**
   * One attribute of an entity: for {@link Kind#BASIC} {@code type} is its boxed Java type; for a
   * to-one or a many-to-many, {@code target} is the entity it leads to; {@code orderBy} is a
   * many-to-many's {@code @OrderBy}, or null.
   */
  public record Attr(
      String path, Kind kind, Class<?> type, boolean ordinal, Entity target, String orderBy) {
    Attr(String path, Kind kind, Class<?> type, boolean ordinal, Entity target) {
      this(path, kind, type, ordinal, target, null);
    }
  }

  /**
   * One entity: its attributes in declaration order, its id attributes (in alphabetical order), and
   * its rows.
   */
  public static final class Entity {
    public final Class<?> type;
    public final Class<?> idClass;
    private Field embeddedId;
    public final Map<String, Attr> attributes = new LinkedHashMap<>();
    public final List<String> ids = new ArrayList<>();

    /** The rows a store reads: the source rows its restriction keeps, to-ones as S9 reads them. */
    public final List<Map<String, Object>> rows = new ArrayList<>();

    /** Every source row, as the builder loads it (excluded rows and their to-ones included). */
    public List<Map<String, Object>> sourceRows;

    /** The source rows the entity's class-level restriction excludes (S9); empty without one. */
    public final List<Map<String, Object>> excluded = new ArrayList<>();

    /** The class-level {@code @SQLRestriction}, or null. */
    public final String restriction;

    private final Map<Object, Map<String, Object>> byId = new HashMap<>();

    Entity(Class<?> type, List<Map<String, Object>> rows) {
      this.type = type;
      IdClass ic = type.getAnnotation(IdClass.class);
      this.idClass = ic == null ? null : ic.value();
      this.sourceRows = rows;
      SQLRestriction r = type.getAnnotation(SQLRestriction.class);
      this.restriction = r == null ? null : r.value();
    }

    /**
     * Whether the restriction keeps a source row: {@code column op integer} in SQL's logic, so a
     * NULL column excludes the row.
     */
    boolean kept(Map<String, Object> row) {
      if (restriction == null) {
        return true;
      }
      Matcher m = RESTRICTION.matcher(restriction);
      if (!m.matches() || !attributes.containsKey(m.group(1))) {
        throw new IllegalStateException(
            "the fuzzer models no @SQLRestriction(\"" + restriction + "\") on " + name());
      }
      Object v = row.get(m.group(1));
      if (v == null) {
        return false;
      }
      int c = Semantics.compare(v, Long.parseLong(m.group(3)), false);
      return switch (m.group(2)) {
        case "=" -> c == 0;
        case "<>", "!=" -> c != 0;
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        default -> c >= 0;
      };
    }

    public String name() {
      return type.getSimpleName();
    }

    /** A row's id as the fuzzer compares it: the value, or a list of the values (composite). */
    public Object id(Map<String, Object> row) {
      if (ids.size() == 1) {
        return row.get(ids.get(0));
      }
      List<Object> key = new ArrayList<>();
      ids.forEach(i -> key.add(row.get(i)));
      return key;
    }

    /** The row with a single-attribute id {@code id}. */
    public Map<String, Object> row(Object id) {
      Map<String, Object> row = byId.get(id);
      if (row == null) {
        throw new IllegalStateException(name() + " has no row " + id);
      }
      return row;
    }

    /**
     * The id {@code Store.get} takes for a row: the value, or an instance of the id class or of the
     * {@code @EmbeddedId}'s class.
     */
    public Object storeId(Map<String, Object> row) throws ReflectiveOperationException {
      if (embeddedId != null) {
        Object key = embeddedId.getType().getConstructor().newInstance();
        for (String i : ids) {
          field(key.getClass(), i.substring(i.indexOf('.') + 1)).set(key, row.get(i));
        }
        return key;
      }
      if (idClass == null) {
        return row.get(ids.get(0));
      }
      Object key = idClass.getConstructor().newInstance();
      for (String i : ids) {
        idClass.getField(i).set(key, row.get(i));
      }
      return key;
    }

    /** The id, as {@link #id}, of an entity object read from a store. */
    public Object idOf(Object entity) throws ReflectiveOperationException {
      if (ids.size() == 1) {
        return get(entity, ids.get(0));
      }
      List<Object> key = new ArrayList<>();
      for (String i : ids) {
        key.add(get(entity, i));
      }
      return key;
    }

    /** Every attribute value of an entity object, keyed and shaped as a row is. */
    public Map<String, Object> valuesOf(Object entity) throws ReflectiveOperationException {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Attr a : attributes.values()) {
        Object v = get(entity, a.path());
        if (a.kind() == Kind.TO_ONE && v != null) {
          v = a.target().idOf(v);
        } else if (a.kind() == Kind.ENTITIES && v != null) {
          List<Object> targets = new ArrayList<>();
          for (Object t : (List<?>) v) {
            targets.add(a.target().idOf(t));
          }
          v = targets;
        }
        out.put(a.path(), v);
      }
      return out;
    }
  }

  private final Map<Class<?>, Entity> entities = new LinkedHashMap<>();

  /** The one form of restriction the model evaluates: {@code column op integer}. */
  private static final Pattern RESTRICTION =
      Pattern.compile("\\s*(\\w+)\\s*(<>|!=|<=|>=|=|<|>)\\s*(-?\\d+)\\s*");

  /** Public fields looked up once (the fuzzer reads them for every row it gets back). */
  private static final Map<Class<?>, Map<String, Field>> FIELDS = new ConcurrentHashMap<>();

  static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field f = FIELDS.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).get(name);
    if (f == null) {
      f = type.getField(name);
      FIELDS.get(type).put(name, f);
    }
    return f;
  }

  /**
   * The value at an attribute path of an object ({@code "spot.city"}), null when an object on the
   * way is.
   */
  static Object get(Object object, String path) throws ReflectiveOperationException {
    Object v = object;
    for (String part : path.split("\\.")) {
      if (v == null) {
        return null;
      }
      v = field(v.getClass(), part).get(v);
    }
    return v;
  }

  /** The model of {@code types}, whose rows {@code rows} gives. */
  public Model(List<Class<?>> types, Function<Class<?>, List<Map<String, Object>>> rows) {
    for (Class<?> t : types) {
      entities.put(t, new Entity(t, rows.apply(t)));
    }
    List<Map.Entry<Entity, Field>> inverse = new ArrayList<>();
    List<Map.Entry<Entity, Field>> otherKeys = new ArrayList<>();
    for (Entity e : entities.values()) {
      for (Field f : e.type.getFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        if (f.isAnnotationPresent(Id.class)) {
          e.ids.add(f.getName());
        }
        if (f.isAnnotationPresent(EmbeddedId.class)) {
          e.embeddedId = f;
          for (Field g : f.getType().getFields()) {
            String path = f.getName() + "." + g.getName();
            e.ids.add(path);
            e.attributes.put(path, basic(path, g));
          }
        } else if (f.isAnnotationPresent(OneToOne.class)
            && !f.getAnnotation(OneToOne.class).mappedBy().isEmpty()) {
          // the inverse side: read as a to-one whose value is found below, from the target's rows
          e.attributes.put(f.getName(), toOne(f.getName(), f));
          inverse.add(Map.entry(e, f));
        } else if (f.isAnnotationPresent(ManyToOne.class)
            || f.isAnnotationPresent(OneToOne.class)) {
          e.attributes.put(f.getName(), toOne(f.getName(), f));
          JoinColumn j = f.getAnnotation(JoinColumn.class);
          if (j != null && !j.referencedColumnName().isEmpty()) {
            otherKeys.add(Map.entry(e, f)); // its source holds that column's value, not the id
          }
        } else if (f.isAnnotationPresent(ManyToMany.class)) {
          Class<?> element =
              (Class<?>) ((ParameterizedType) f.getGenericType()).getActualTypeArguments()[0];
          OrderBy order = f.getAnnotation(OrderBy.class);
          e.attributes.put(
              f.getName(),
              new Attr(
                  f.getName(),
                  Kind.ENTITIES,
                  f.getType(),
                  false,
                  entities.get(element),
                  order == null ? null : order.value()));
        } else if (f.isAnnotationPresent(ElementCollection.class)) {
          Kind kind = Map.class.isAssignableFrom(f.getType()) ? Kind.MAP : Kind.COLLECTION;
          e.attributes.put(f.getName(), new Attr(f.getName(), kind, f.getType(), false, null));
        } else if (f.isAnnotationPresent(Embedded.class)) {
          for (Field g : f.getType().getFields()) {
            String path = f.getName() + "." + g.getName();
            e.attributes.put(
                path, g.isAnnotationPresent(ManyToOne.class) ? toOne(path, g) : basic(path, g));
          }
        } else {
          e.attributes.put(f.getName(), basic(f.getName(), f));
        }
      }
      // S3: a composite id breaks ties by its attributes in the alphabetical order of their names
      // (an @EmbeddedId's parts are named so that this is also their declaration order).
      e.ids.sort(null);
    }
    // A to-one joined on a unique column other than the id (referencedColumnName, a column named
    // as its attribute): the source holds that column's value; a row holds the target's id.
    for (Map.Entry<Entity, Field> x : otherKeys) {
      Entity e = x.getKey();
      String path = x.getValue().getName();
      Entity target = e.attributes.get(path).target();
      String column = x.getValue().getAnnotation(JoinColumn.class).referencedColumnName();
      List<Map<String, Object>> read = new ArrayList<>();
      for (Map<String, Object> source : e.sourceRows) {
        Map<String, Object> row = new LinkedHashMap<>(source);
        Object value = source.get(path);
        if (value != null) {
          row.put(
              path,
              target.sourceRows.stream()
                  .filter(t -> value.equals(t.get(column)))
                  .map(target::id)
                  .findFirst()
                  .orElseThrow(() -> new IllegalStateException(target.name() + " " + value)));
        }
        read.add(Collections.unmodifiableMap(row));
      }
      e.sourceRows = List.copyOf(read);
    }
    // S9: the ids each restriction excludes, then every entity's rows as a store reads them.
    Map<Entity, Set<Object>> excludedIds = new HashMap<>();
    for (Entity e : entities.values()) {
      Set<Object> out = new HashSet<>();
      for (Map<String, Object> row : e.sourceRows) {
        if (!e.kept(row)) {
          e.excluded.add(row);
          out.add(e.id(row));
        }
      }
      excludedIds.put(e, out);
    }
    for (Entity e : entities.values()) {
      for (Map<String, Object> source : e.sourceRows) {
        if (!e.kept(source)) {
          continue;
        }
        Map<String, Object> row = source;
        for (Attr a : e.attributes.values()) {
          if (a.kind() == Kind.TO_ONE
              && row.get(a.path()) != null
              && excludedIds.get(a.target()).contains(row.get(a.path()))) {
            if (row == source) {
              row = new LinkedHashMap<>(source);
            }
            row.put(a.path(), null); // a to-one to an excluded row reads as null
          } else if (a.kind() == Kind.ENTITIES
              && row.get(a.path()) instanceof List<?> ids
              && ids.stream().anyMatch(excludedIds.get(a.target())::contains)) {
            if (row == source) {
              row = new LinkedHashMap<>(source);
            }
            List<Object> kept = new ArrayList<>(ids);
            kept.removeAll(excludedIds.get(a.target()));
            row.put(a.path(), List.copyOf(kept)); // an excluded row is no element
          }
        }
        e.rows.add(row == source ? source : Collections.unmodifiableMap(row));
        e.byId.put(e.id(row), row);
      }
    }
    // The inverse side of a one-to-one (mappedBy): the id of the target row whose to-one holds
    // this row's id, or null if none (the foreign key is unique, so at most one).
    for (Map.Entry<Entity, Field> x : inverse) {
      Entity e = x.getKey();
      String path = x.getValue().getName();
      Entity target = e.attributes.get(path).target();
      String mappedBy = x.getValue().getAnnotation(OneToOne.class).mappedBy();
      Map<Object, Object> byOwner = new HashMap<>();
      for (Map<String, Object> t : target.rows) {
        if (t.get(mappedBy) != null && byOwner.put(t.get(mappedBy), target.id(t)) != null) {
          throw new IllegalStateException(target.name() + "." + mappedBy + " is not unique");
        }
      }
      for (int i = 0; i < e.rows.size(); i++) {
        Map<String, Object> row = new LinkedHashMap<>(e.rows.get(i));
        row.put(path, byOwner.get(e.id(row)));
        e.rows.set(i, Collections.unmodifiableMap(row));
        e.byId.put(e.id(row), e.rows.get(i));
      }
    }
  }

  private Attr toOne(String path, Field f) {
    return new Attr(path, Kind.TO_ONE, f.getType(), false, entities.get(f.getType()));
  }

  private static Attr basic(String path, Field f) {
    Enumerated en = f.getAnnotation(Enumerated.class);
    boolean ordinal = f.getType().isEnum() && (en == null || en.value() == EnumType.ORDINAL);
    return new Attr(path, Kind.BASIC, box(f.getType()), ordinal, null);
  }

  private static Class<?> box(Class<?> t) {
    if (!t.isPrimitive()) {
      return t;
    }
    return t == int.class
        ? Integer.class
        : t == long.class
            ? Long.class
            : t == boolean.class
                ? Boolean.class
                : t == double.class
                    ? Double.class
                    : t == float.class ? Float.class : t == short.class ? Short.class : Byte.class;
  }

  public Entity entity(Class<?> type) {
    return entities.get(type);
  }

  public List<Entity> entities() {
    return List.copyOf(entities.values());
  }
}
