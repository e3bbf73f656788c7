package dev.datajar.tools;

import dev.datajar.tools.internal.Json;
import java.util.List;
import java.util.Locale;

/**
 * What {@link Inspector} found in a dataset: identity, build, and every table with its columns,
 * keys, indexes and relations. Immutable; {@link #toText()} for people, {@link #toJson()} for
 * programs.
 *
 * @param name the dataset
 * @param source what was inspected (path or coordinates)
 * @param formatVersion storage format version of the file
 * @param sha256 SHA-256 of the file as computed now
 * @param manifestSha256 SHA-256 the manifest records, or {@code null} without a manifest
 * @param bytes size of the file
 * @param tables tables in load order (sorted by name when the entities are unknown)
 * @param entities entity class names
 * @param sqliteVersion SQLite that wrote the file
 * @param datajarVersion datajar that wrote the file
 * @param schemaFingerprint the entities' schema fingerprint recorded at build time
 * @param sources source files with checksums, as the manifest records them
 * @param entitiesLoaded whether the entity classes could be loaded (Java types known)
 */
public record InspectReport(
    String name,
    String source,
    int formatVersion,
    String sha256,
    String manifestSha256,
    long bytes,
    List<Table> tables,
    List<String> entities,
    String sqliteVersion,
    String datajarVersion,
    String schemaFingerprint,
    List<Source> sources,
    boolean entitiesLoaded) {

  /** A table: rows, columns, primary key, indexes and references to other tables. */
  public record Table(
      String name,
      String entity,
      long rows,
      List<Column> columns,
      List<String> primaryKey,
      List<Index> indexes,
      List<Relation> relations) {}

  /**
   * A column: its stored (declared) type; the Java type of its values and the attribute it holds,
   * when the entities are known.
   */
  public record Column(
      String name, String storedType, String javaType, String attribute, boolean nullable) {}

  public record Index(String name, boolean unique, List<String> columns) {}

  /** {@code columns} of this table reference {@code referencedColumns} of {@code table}. */
  public record Relation(List<String> columns, String table, List<String> referencedColumns) {}

  public record Source(String path, String sha256, long bytes) {}

  public long rows() {
    return tables.stream().mapToLong(Table::rows).sum();
  }

  /** A human-readable description, several lines, ending with a newline. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("dataset ").append(name).append("  (").append(source).append(")\n");
    sb.append("  format ")
        .append(formatVersion)
        .append(", ")
        .append(String.format(Locale.ROOT, "%,d", bytes))
        .append(" bytes, ")
        .append(tables.size())
        .append(tables.size() == 1 ? " table, " : " tables, ")
        .append(String.format(Locale.ROOT, "%,d", rows()))
        .append(" rows\n");
    sb.append("  sha256 ")
        .append(sha256)
        .append(
            manifestSha256 == null
                ? " (no manifest)"
                : manifestSha256.equals(sha256)
                    ? " (matches the manifest)"
                    : " (the manifest says " + manifestSha256 + ": the file was changed)")
        .append('\n');
    sb.append("  built by datajar ")
        .append(datajarVersion)
        .append(" with SQLite ")
        .append(sqliteVersion)
        .append('\n');
    sb.append("  schema fingerprint ").append(schemaFingerprint).append('\n');
    sb.append("  entities:").append(entities.isEmpty() ? " unknown" : "").append('\n');
    entities.forEach(e -> sb.append("    ").append(e).append('\n'));
    if (!entitiesLoaded) {
      sb.append("  (entity classes not loaded: Java types unknown, relations not shown)\n");
    }
    for (Table t : tables) {
      sb.append('\n')
          .append("table ")
          .append(t.name())
          .append("  ")
          .append(String.format(Locale.ROOT, "%,d", t.rows()))
          .append(t.rows() == 1 ? " row" : " rows")
          .append(t.entity() == null ? "" : "  (entity " + t.entity() + ")")
          .append('\n');
      int w = Math.max(6, t.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0));
      int wt =
          Math.max(6, t.columns().stream().mapToInt(c -> c.storedType().length()).max().orElse(0));
      int wj =
          Math.max(
              4,
              t.columns().stream()
                  .mapToInt(c -> c.javaType() == null ? 1 : c.javaType().length())
                  .max()
                  .orElse(0));
      sb.append("  ")
          .append(pad("column", w))
          .append("  ")
          .append(pad("stored", wt))
          .append("  ")
          .append(pad("java", wj))
          .append("  attribute\n");
      for (Column c : t.columns()) {
        int pk = t.primaryKey().indexOf(c.name());
        sb.append("  ")
            .append(pad(c.name(), w))
            .append("  ")
            .append(pad(c.storedType(), wt))
            .append("  ")
            .append(pad(c.javaType() == null ? "?" : c.javaType(), wj))
            .append("  ")
            .append(c.attribute() == null ? "" : c.attribute())
            .append(
                pk < 0
                    ? ""
                    : t.primaryKey().size() == 1
                        ? "  primary key"
                        : "  primary key " + (pk + 1) + "/" + t.primaryKey().size())
            .append(c.nullable() || pk >= 0 ? "" : "  not null");
        trimEnd(sb).append('\n');
      }
      for (Index i : t.indexes()) {
        sb.append("  index ")
            .append(i.name())
            .append(i.unique() ? " unique" : "")
            .append(" (")
            .append(String.join(", ", i.columns()))
            .append(")\n");
      }
      for (Relation r : t.relations()) {
        sb.append("  relation (")
            .append(String.join(", ", r.columns()))
            .append(") -> ")
            .append(r.table())
            .append(" (")
            .append(String.join(", ", r.referencedColumns()))
            .append(")\n");
      }
    }
    if (!sources.isEmpty()) {
      sb.append("\nsources\n");
      int w = sources.stream().mapToInt(s -> s.path().length()).max().orElse(0);
      for (Source s : sources) {
        sb.append("  ")
            .append(pad(s.path(), w))
            .append("  ")
            .append(String.format(Locale.ROOT, "%,12d", s.bytes()))
            .append(" bytes  sha256 ")
            .append(s.sha256())
            .append('\n');
      }
    }
    return sb.toString();
  }

  /** The report as JSON, two-space indented, ending with a newline. */
  public String toJson() {
    return Json.write(
        g -> {
          g.writeStartObject();
          g.writeStringField("name", name);
          g.writeStringField("source", source);
          g.writeNumberField("formatVersion", formatVersion);
          g.writeStringField("sha256", sha256);
          g.writeStringField("manifestSha256", manifestSha256);
          g.writeNumberField("bytes", bytes);
          g.writeNumberField("rows", rows());
          g.writeStringField("datajarVersion", datajarVersion);
          g.writeStringField("sqliteVersion", sqliteVersion);
          g.writeStringField("schemaFingerprint", schemaFingerprint);
          g.writeBooleanField("entitiesLoaded", entitiesLoaded);
          Json.strings(g, "entities", entities);
          g.writeArrayFieldStart("tables");
          for (Table t : tables) {
            g.writeStartObject();
            g.writeStringField("name", t.name());
            g.writeStringField("entity", t.entity());
            g.writeNumberField("rows", t.rows());
            Json.strings(g, "primaryKey", t.primaryKey());
            g.writeArrayFieldStart("columns");
            for (Column c : t.columns()) {
              g.writeStartObject();
              g.writeStringField("name", c.name());
              g.writeStringField("storedType", c.storedType());
              g.writeStringField("javaType", c.javaType());
              g.writeStringField("attribute", c.attribute());
              g.writeBooleanField("nullable", c.nullable());
              g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("indexes");
            for (Index i : t.indexes()) {
              g.writeStartObject();
              g.writeStringField("name", i.name());
              g.writeBooleanField("unique", i.unique());
              Json.strings(g, "columns", i.columns());
              g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("relations");
            for (Relation r : t.relations()) {
              g.writeStartObject();
              Json.strings(g, "columns", r.columns());
              g.writeStringField("table", r.table());
              Json.strings(g, "referencedColumns", r.referencedColumns());
              g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("sources");
          for (Source s : sources) {
            g.writeStartObject();
            g.writeStringField("path", s.path());
            g.writeStringField("sha256", s.sha256());
            g.writeNumberField("bytes", s.bytes());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static StringBuilder trimEnd(StringBuilder sb) {
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    sb.setLength(end);
    return sb;
  }
}
