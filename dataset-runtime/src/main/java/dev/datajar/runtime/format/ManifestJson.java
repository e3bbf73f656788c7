package dev.datajar.runtime.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of a {@link Manifest}: written with a fixed field order, read leniently (fields of
 * later format versions are ignored). The one place that spells its keys.
 */
final class ManifestJson {
  private static final JsonFactory JSON = new JsonFactory();

  /**
   * The key of the layouts with a class-level restriction or with to-ones to composite keys inside
   * keys and embeddables, which runtimes that read {@code laterLayouts} only would misread.
   */
  static final String NEWER_LAYOUTS = "newerLayouts";

  /**
   * The key of the layouts with the inverse side of a one-to-one ({@link
   * EntityLayout#inverseOnes()}), and of those whose targets are under it: runtimes that read
   * {@value #NEWER_LAYOUTS} only would set a list where an entity belongs.
   */
  static final String ONE_TO_ONE_LAYOUTS = "oneToOneLayouts";

  /**
   * The key of the layouts with a to-one that joins its target on a unique column other than its id
   * ({@link EntityLayout#otherKeys()}), and of those whose targets are under it: runtimes that read
   * {@value #ONE_TO_ONE_LAYOUTS} only would look the column's value up as the target's id.
   */
  static final String OTHER_KEY_LAYOUTS = "otherKeyLayouts";

  private ManifestJson() {}

  static byte[] write(Manifest m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setPrettyPrinter(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));
      g.writeStartObject();
      g.writeNumberField("formatVersion", m.formatVersion());
      g.writeStringField("name", m.name());
      if (m.file() != null) {
        g.writeStringField("file", m.file());
        g.writeStringField("sha256", m.sha256());
        g.writeNumberField("bytes", m.bytes());
      }
      g.writeArrayFieldStart("tables");
      for (Manifest.Table t : m.tables()) {
        g.writeStartObject();
        g.writeStringField("name", t.name());
        g.writeNumberField("rows", t.rows());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("entities");
      for (String e : m.entities()) {
        g.writeString(e);
      }
      g.writeEndArray();
      g.writeStringField("schemaFingerprint", m.schemaFingerprint());
      g.writeStringField("entityShape", m.entityShape());
      Map<String, Integer> keys = keys(m.layouts());
      layouts(g, "layouts", m.layouts().stream().filter(l -> keys.get(l.entity()) == 0).toList());
      List<EntityLayout> extended =
          m.layouts().stream().filter(l -> keys.get(l.entity()) == 1).toList();
      if (!extended.isEmpty()) {
        // A key of its own: runtimes that predate composite ids and embeddables ignore it.
        layouts(g, "extendedLayouts", extended);
      }
      List<EntityLayout> later =
          m.layouts().stream().filter(l -> keys.get(l.entity()) == 2).toList();
      if (!later.isEmpty()) {
        // Maps, sorted collections, restrictions, to-ones inside keys and embeddables: runtimes
        // that predate them ignore this key.
        layouts(g, "laterLayouts", later);
      }
      List<EntityLayout> newer =
          m.layouts().stream().filter(l -> keys.get(l.entity()) == 3).toList();
      if (!newer.isEmpty()) {
        // Class-level restrictions, to-ones to composite keys inside keys and embeddables,
        // @PostLoad
        // callbacks, and what leads to them: runtimes before them read laterLayouts, and ignore
        // this key (they would
        // read the rows a restriction excludes, or one column where there are several), so they
        // read these entities through Hibernate.
        layouts(g, NEWER_LAYOUTS, newer);
      }
      List<EntityLayout> oneToOne =
          m.layouts().stream().filter(l -> keys.get(l.entity()) == 4).toList();
      if (!oneToOne.isEmpty()) {
        layouts(g, ONE_TO_ONE_LAYOUTS, oneToOne);
      }
      List<EntityLayout> otherKeys =
          m.layouts().stream().filter(l -> keys.get(l.entity()) == 5).toList();
      if (!otherKeys.isEmpty()) {
        layouts(g, OTHER_KEY_LAYOUTS, otherKeys);
      }
      g.writeStringField("sqliteVersion", m.sqliteVersion());
      g.writeStringField("datajarVersion", m.datajarVersion());
      g.writeArrayFieldStart("sources");
      for (Manifest.Source s : m.sources()) {
        g.writeStartObject();
        g.writeStringField("path", s.path());
        g.writeStringField("sha256", s.sha256());
        g.writeNumberField("bytes", s.bytes());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (m.postgres() != null) {
        g.writeObjectFieldStart("postgres");
        g.writeStringField("schema", m.postgres().schema());
        g.writeStringField("rowsSha256", m.postgres().rowsSha256());
        g.writeStringField("schemaFingerprint", m.postgres().schemaFingerprint());
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * Under which key each layout goes, by entity: 0 {@code layouts} (plain), 1 {@code
   * extendedLayouts}, 2 {@code laterLayouts} ({@link EntityLayout#later()}: maps, sorted
   * collections, restrictions; {@link EntityLayout#toOneParts()}: to-ones inside keys and
   * embeddables), 3 {@value #NEWER_LAYOUTS} ({@link EntityLayout#restricted()}: a class-level
   * {@code @SQLRestriction}; {@link EntityLayout#compositeReferenceParts()}: to-ones to composite
   * keys inside keys, embeddables and collection elements; {@link EntityLayout#postLoad()}:
   * {@code @PostLoad} callbacks), 4 {@value #ONE_TO_ONE_LAYOUTS} ({@link
   * EntityLayout#inverseOnes()}), 5 {@value #OTHER_KEY_LAYOUTS} ({@link EntityLayout#otherKeys()});
   * a layout whose to-one or collection target goes under a later key goes there too (a plain
   * entity with a to-one to an {@code extendedLayouts} entity under {@code extendedLayouts}), so a
   * runtime that reads only the earlier keys never meets a target it has no layout for (its mappers
   * would have no mapper for the target).
   */
  private static Map<String, Integer> keys(List<EntityLayout> layouts) {
    Map<String, Integer> keys = new HashMap<>();
    for (EntityLayout l : layouts) {
      keys.put(
          l.entity(),
          l.otherKeys()
              ? 5
              : l.inverseOnes()
                  ? 4
                  : l.restricted() || l.compositeReferenceParts() || l.postLoad()
                      ? 3
                      : l.later() || l.toOneParts() ? 2 : l.plain() ? 0 : 1);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (EntityLayout l : layouts) {
        for (String t : l.targets()) {
          Integer k = keys.get(t);
          if (k != null && k > keys.get(l.entity())) {
            keys.put(l.entity(), k);
            changed = true;
          }
        }
      }
    }
    return keys;
  }

  private static void layouts(JsonGenerator g, String key, List<EntityLayout> layouts)
      throws IOException {
    g.writeArrayFieldStart(key);
    for (EntityLayout l : layouts) {
      g.writeStartObject();
      g.writeStringField("entity", l.entity());
      g.writeStringField("table", l.table());
      if (l.restriction() != null) {
        g.writeStringField("restriction", l.restriction());
      }
      if (l.postLoad()) {
        g.writeBooleanField("postLoad", true);
      }
      g.writeFieldName("id");
      member(g, l.id(), l.idClass());
      g.writeArrayFieldStart("attributes");
      for (EntityLayout.Member a : l.attributes()) {
        member(g, a);
      }
      g.writeEndArray();
      if (!l.collections().isEmpty()) {
        g.writeArrayFieldStart("collections");
        for (EntityLayout.CollectionLayout c : l.collections()) {
          g.writeStartObject();
          g.writeStringField("attribute", c.attribute());
          g.writeStringField("declaredBy", c.declaringClass());
          g.writeStringField(c.field() ? "field" : "setter", c.setter());
          g.writeStringField("kind", c.kind());
          g.writeStringField("table", c.table());
          if (c.keyParts().isEmpty()) {
            g.writeStringField("keyColumn", c.keyColumn());
            g.writeStringField("keyCodec", c.keyCodec());
          } else { // a composite id's (runtimes that predate them fail on the missing keyColumn)
            g.writeArrayFieldStart("keyParts");
            for (EntityLayout.Member p : c.keyParts()) {
              member(g, p);
            }
            g.writeEndArray();
          }
          g.writeFieldName("element");
          member(g, c.element());
          g.writeArrayFieldStart("orderBy");
          for (String o : c.orderBy()) {
            g.writeString(o);
          }
          g.writeEndArray();
          if (c.mapKey() != null) {
            g.writeFieldName("mapKey");
            member(g, c.mapKey());
          }
          if (c.sort() != null) {
            g.writeStringField("sort", c.sort());
          }
          if (c.restriction() != null) {
            g.writeStringField("restriction", c.restriction());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void member(JsonGenerator g, EntityLayout.Member a) throws IOException {
    member(g, a, false);
  }

  /** {@code idClass}: the member is an {@code @IdClass} id (else an element has no attribute). */
  private static void member(JsonGenerator g, EntityLayout.Member a, boolean idClass)
      throws IOException {
    // One line per attribute keeps the manifest readable in a diff.
    g.writeStartObject();
    if (a.attribute() != null) {
      g.writeStringField("attribute", a.attribute());
    }
    if (a.isComposite()) {
      // an @IdClass has no attribute of its own: its parts are the entity's @Id attributes
      g.writeStringField(idClass ? "idClass" : "embeddable", a.embeddable());
    } else if (a.parts().isEmpty()) {
      g.writeStringField("column", a.column());
      g.writeStringField("codec", a.codec());
    }
    if (a.target() != null) {
      g.writeStringField("target", a.target());
    }
    if (a.targetColumn() != null) {
      g.writeStringField("targetColumn", a.targetColumn());
    }
    if (a.declaringClass() != null) {
      g.writeStringField("declaredBy", a.declaringClass());
      g.writeStringField(a.field() ? "field" : "setter", a.setter());
    }
    if (!a.parts().isEmpty()) { // an embeddable's, or the key columns of a to-one
      g.writeArrayFieldStart("parts");
      for (EntityLayout.Member p : a.parts()) {
        member(g, p);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  static Manifest read(InputStream in, String where) throws IOException {
    Map<String, Object> root;
    try (JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(
            where
                + ": not a datajar manifest: expected an object at "
                + p.currentLocation().getLineNr()
                + ":"
                + p.currentLocation().getColumnNr());
      }
      root = object(p);
    } catch (JsonProcessingException e) {
      throw new IOException(where + ": not a datajar manifest: " + e.getOriginalMessage(), e);
    }
    String name = text(root, "name");
    String file = text(root, "file");
    String sha256 = text(root, "sha256");
    int formatVersion = (int) number(root, "formatVersion", -1);
    Manifest.Postgres postgres = null;
    if (root.get("postgres") instanceof Map<?, ?>) {
      Map<String, Object> pg = object(root, "postgres");
      postgres =
          new Manifest.Postgres(
              text(pg, "schema"), text(pg, "rowsSha256"), text(pg, "schemaFingerprint"));
    }
    if (name == null
        || formatVersion < 0
        || (postgres == null && (file == null || sha256 == null))
        || (postgres != null && (postgres.schema() == null || postgres.rowsSha256() == null))) {
      throw new IOException(
          where
              + ": not a datajar manifest: 'formatVersion', 'name' and"
              + " either 'file' and 'sha256' or 'postgres' with 'schema' and 'rowsSha256' are"
              + " required");
    }
    List<Manifest.Table> tables = new ArrayList<>();
    for (Map<String, Object> t : objects(root, "tables")) {
      tables.add(new Manifest.Table(text(t, "name"), number(t, "rows", -1)));
    }
    List<String> entities = new ArrayList<>();
    for (Object e : list(root, "entities")) {
      entities.add((String) e);
    }
    List<EntityLayout> layouts = new ArrayList<>();
    List<Map<String, Object>> recorded = objects(root, "layouts");
    recorded.addAll(objects(root, "extendedLayouts"));
    recorded.addAll(objects(root, "laterLayouts"));
    recorded.addAll(objects(root, NEWER_LAYOUTS));
    recorded.addAll(objects(root, ONE_TO_ONE_LAYOUTS));
    recorded.addAll(objects(root, OTHER_KEY_LAYOUTS));
    for (Map<String, Object> l : recorded) {
      List<EntityLayout.Member> attributes = new ArrayList<>();
      for (Map<String, Object> a : objects(l, "attributes")) {
        attributes.add(member(a));
      }
      List<EntityLayout.CollectionLayout> collections = new ArrayList<>();
      for (Map<String, Object> c : objects(l, "collections")) {
        boolean field = c.containsKey("field");
        List<String> orderBy = new ArrayList<>();
        list(c, "orderBy").forEach(o -> orderBy.add((String) o));
        List<EntityLayout.Member> keyParts = new ArrayList<>();
        for (Map<String, Object> k : objects(c, "keyParts")) {
          keyParts.add(member(k));
        }
        collections.add(
            new EntityLayout.CollectionLayout(
                text(c, "attribute"),
                text(c, "declaredBy"),
                text(c, field ? "field" : "setter"),
                field,
                text(c, "kind"),
                text(c, "table"),
                text(c, "keyColumn"),
                text(c, "keyCodec"),
                keyParts,
                member(object(c, "element")),
                orderBy,
                c.get("mapKey") instanceof Map<?, ?> ? member(object(c, "mapKey")) : null,
                text(c, "sort"),
                text(c, "restriction")));
      }
      layouts.add(
          new EntityLayout(
              text(l, "entity"),
              text(l, "table"),
              member(object(l, "id")),
              attributes,
              collections,
              text(l, "restriction"),
              Boolean.TRUE.equals(l.get("postLoad"))));
    }
    layouts.sort((a, b) -> a.entity().compareTo(b.entity()));
    leaveOutMissingTargets(layouts);
    List<Manifest.Source> sources = new ArrayList<>();
    for (Map<String, Object> s : objects(root, "sources")) {
      sources.add(new Manifest.Source(text(s, "path"), text(s, "sha256"), number(s, "bytes", -1)));
    }
    return Manifest.builder(name)
        .formatVersion(formatVersion)
        .file(file)
        .checksum(sha256, number(root, "bytes", -1))
        .tables(tables)
        .entities(entities)
        .schemaFingerprint(text(root, "schemaFingerprint"))
        .entityShape(text(root, "entityShape"))
        .layouts(layouts)
        .sqliteVersion(text(root, "sqliteVersion"))
        .datajarVersion(text(root, "datajarVersion"))
        .sources(sources)
        .postgres(postgres)
        .build();
  }

  /**
   * Leaves out, repeatedly, every layout with a to-one or collection target that has no layout, so
   * that the row path never meets a target it cannot read: that entity reads through Hibernate. A
   * manifest written by this version never has one (the builder records targets first and puts a
   * layout under the key of its latest target); one written for fewer keys, or edited, may.
   */
  static void leaveOutMissingTargets(List<EntityLayout> layouts) {
    boolean changed = true;
    while (changed) {
      Set<String> readable = new HashSet<>();
      layouts.forEach(l -> readable.add(l.entity()));
      changed = layouts.removeIf(l -> !readable.containsAll(l.targets()));
    }
  }

  private static EntityLayout.Member member(Map<String, Object> a) {
    boolean field = a.containsKey("field");
    String embeddable = a.containsKey("idClass") ? text(a, "idClass") : text(a, "embeddable");
    List<EntityLayout.Member> parts = new ArrayList<>();
    for (Map<String, Object> p : objects(a, "parts")) {
      parts.add(member(p));
    }
    return new EntityLayout.Member(
        text(a, "attribute"),
        text(a, "column"),
        text(a, "codec"),
        text(a, "target"),
        text(a, "declaredBy"),
        text(a, field ? "field" : "setter"),
        field,
        embeddable,
        parts,
        text(a, "targetColumn"));
  }

  // A small tree of the document: objects, arrays, strings, numbers (as long), booleans, null.

  private static Map<String, Object> object(JsonParser p) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      out.put(field, value(p));
    }
    return out;
  }

  private static Object value(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case START_OBJECT -> object(p);
      case START_ARRAY -> {
        List<Object> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(p));
        }
        yield items;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getLongValue();
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      default -> null;
    };
  }

  private static String text(Map<String, Object> o, String key) {
    return o.get(key) instanceof String s ? s : null;
  }

  private static long number(Map<String, Object> o, String key, long missing) {
    return o.get(key) instanceof Long n ? n : missing;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> o, String key) {
    return o.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<?> list(Map<String, Object> o, String key) {
    return o.get(key) instanceof List<?> l ? l : List.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> objects(Map<String, Object> o, String key) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object item : list(o, key)) {
      if (item instanceof Map<?, ?> m) {
        out.add((Map<String, Object>) m);
      }
    }
    return out;
  }
}
