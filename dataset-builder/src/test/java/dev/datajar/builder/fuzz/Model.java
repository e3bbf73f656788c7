package dev.datajar.builder.fuzz;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the fuzzer knows about the fixture's entities, read from their classes by reflection (not
 * from datajar): each entity's attributes by path, its id attributes and its source rows.
 *
 * <p>A row maps attribute paths to Java values: a to-one holds its target's id, an embedded
 * attribute is {@code "spot.city"}, an element collection is a list.
 */
public final class Model {
  /** The kind of an attribute. */
  public enum Kind {
    BASIC,
    TO_ONE,
    COLLECTION
  }

  /**
   * One attribute of an entity: for {@link Kind#BASIC} {@code type} is its boxed Java type; for a
   * to-one, {@code target} is the entity it leads to.
   */
  public record Attr(String path, Kind kind, Class<?> type, boolean ordinal, Entity target) {}

  /**
   * One entity: its attributes in declaration order, its id attributes (in alphabetical order), and
   * its rows.
   */
  public static final class Entity {
    public final Class<?> type;
    public final Class<?> idClass;
    public final Map<String, Attr> attributes = new LinkedHashMap<>();
    public final List<String> ids = new ArrayList<>();
    public final List<Map<String, Object>> rows;
    private final Map<Object, Map<String, Object>> byId = new HashMap<>();

    Entity(Class<?> type, List<Map<String, Object>> rows) {
      this.type = type;
      IdClass ic = type.getAnnotation(IdClass.class);
      this.idClass = ic == null ? null : ic.value();
      this.rows = rows;
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

    /** The id {@code Store.get} takes for a row: the value, or an instance of the id class. */
    public Object storeId(Map<String, Object> row) throws ReflectiveOperationException {
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
        return field(type, ids.get(0)).get(entity);
      }
      List<Object> key = new ArrayList<>();
      for (String i : ids) {
        key.add(field(type, i).get(entity));
      }
      return key;
    }

    /** Every attribute value of an entity object, keyed and shaped as a row is. */
    public Map<String, Object> valuesOf(Object entity) throws ReflectiveOperationException {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Attr a : attributes.values()) {
        String[] parts = a.path().split("\\.");
        Object v = field(type, parts[0]).get(entity);
        if (parts.length == 2 && v != null) {
          v = field(v.getClass(), parts[1]).get(v);
        }
        if (a.kind() == Kind.TO_ONE && v != null) {
          v = a.target().idOf(v);
        }
        out.put(a.path(), v);
      }
      return out;
    }
  }

  private final Map<Class<?>, Entity> entities = new LinkedHashMap<>();

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

  /** The model of {@code types}, whose rows {@code rows} gives. */
  public Model(List<Class<?>> types, Function<Class<?>, List<Map<String, Object>>> rows) {
    for (Class<?> t : types) {
      entities.put(t, new Entity(t, rows.apply(t)));
    }
    for (Entity e : entities.values()) {
      for (Field f : e.type.getFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        if (f.isAnnotationPresent(Id.class)) {
          e.ids.add(f.getName());
        }
        if (f.isAnnotationPresent(ManyToOne.class)) {
          Entity target = entities.get(f.getType());
          e.attributes.put(
              f.getName(), new Attr(f.getName(), Kind.TO_ONE, f.getType(), false, target));
        } else if (f.isAnnotationPresent(ElementCollection.class)) {
          e.attributes.put(
              f.getName(), new Attr(f.getName(), Kind.COLLECTION, f.getType(), false, null));
        } else if (f.isAnnotationPresent(Embedded.class)) {
          for (Field g : f.getType().getFields()) {
            String path = f.getName() + "." + g.getName();
            e.attributes.put(path, basic(path, g));
          }
        } else {
          e.attributes.put(f.getName(), basic(f.getName(), f));
        }
      }
      // S3: a composite id breaks ties by its attributes in the alphabetical order of their names.
      e.ids.sort(null);
      for (Map<String, Object> row : e.rows) {
        e.byId.put(e.id(row), row);
      }
    }
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
