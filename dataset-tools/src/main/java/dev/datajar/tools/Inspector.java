package dev.datajar.tools;

import dev.datajar.runtime.format.ColumnModel;
import dev.datajar.runtime.format.FileIdentity;
import dev.datajar.runtime.format.FileSchema;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.SchemaModel;
import dev.datajar.runtime.format.TableModel;
import dev.datajar.tools.internal.EntitySchema;
import java.io.IOException;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Describes a built dataset: name, format, checksum, size, every table with its row count, columns
 * (stored and Java types), keys, indexes and relations, the entity classes, and how it was built
 * (datajar and SQLite versions, source checksums).
 *
 * <p>Reads the file's own schema and {@code datajar_metadata} table and the manifest; boots the
 * entity classes (as the builder does, without a database) for Java types and relations, which
 * SQLite's schema does not hold. Without loadable classes the report says so and shows the rest.
 * Stateless and thread-safe.
 */
public final class Inspector {

  public InspectReport inspect(DataSetInput input) throws ToolException {
    SchemaModel schema = null;
    try {
      schema = EntitySchema.of(input);
    } catch (ToolException e) {
      // Java types and relations are extras: a bare file is still worth describing.
    }
    Optional<Manifest> manifest = input.manifest();
    try (Connection c = input.connect()) {
      FileSchema file = FileSchema.read(c, "main");
      Map<String, String> metadata = FileIdentity.readMetadata(c, "main");
      List<InspectReport.Table> tables = new ArrayList<>();
      List<FileSchema.Table> ordered = new ArrayList<>();
      if (schema != null) {
        for (TableModel t : schema.tables()) {
          file.table(t.name()).ifPresent(ordered::add);
        }
      }
      file.tables().stream().filter(t -> !ordered.contains(t)).forEach(ordered::add);
      Map<String, Class<?>> entityClasses = entityClasses(input);
      for (FileSchema.Table t : ordered) {
        Optional<TableModel> model = schema == null ? Optional.empty() : schema.table(t.name());
        tables.add(table(c, t, model, entityClasses));
      }
      return new InspectReport(
          input.name(),
          input.label(),
          Integer.parseInt(
              metadata.getOrDefault(
                  "formatVersion",
                  manifest.map(m -> Integer.toString(m.formatVersion())).orElse("0"))),
          RoundTrip.sha256(input.file()),
          manifest.map(Manifest::sha256).orElse(null),
          Files.size(input.file()),
          tables,
          manifest.map(Manifest::entities).orElse(List.of()),
          manifest.map(Manifest::sqliteVersion).orElse(sqliteVersion(c)),
          metadata.getOrDefault(
              "datajarVersion", manifest.map(Manifest::datajarVersion).orElse("?")),
          metadata.getOrDefault(
              "schemaFingerprint", manifest.map(Manifest::schemaFingerprint).orElse("?")),
          manifest
              .map(
                  m ->
                      m.sources().stream()
                          .map(s -> new InspectReport.Source(s.path(), s.sha256(), s.bytes()))
                          .toList())
              .orElse(List.of()),
          schema != null);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("inspecting " + input + " failed: " + e, e);
    }
  }

  private static InspectReport.Table table(
      Connection c,
      FileSchema.Table t,
      Optional<TableModel> model,
      Map<String, Class<?>> entityClasses)
      throws SQLException {
    List<InspectReport.Column> columns = new ArrayList<>();
    for (FileSchema.Column col : t.columns()) {
      Optional<ColumnModel> cm =
          model.flatMap(
              m -> m.column(col.name()).filter(x -> x.name().equalsIgnoreCase(col.name())));
      String declared =
          model
              .flatMap(m -> m.column(col.name()))
              .map(ColumnModel::declaredType)
              .orElse(col.type());
      columns.add(
          new InspectReport.Column(
              col.name(),
              declared,
              cm.map(x -> javaType(x, entityClasses)).orElse(null),
              cm.map(ColumnModel::owner).orElse(null),
              !col.notNull()));
    }
    List<InspectReport.Index> indexes =
        t.indexes().stream()
            .map(i -> new InspectReport.Index(i.name(), i.unique(), i.columns()))
            .toList();
    List<InspectReport.Relation> relations =
        model
            .map(
                m ->
                    m.foreignKeys().stream()
                        .map(
                            f ->
                                new InspectReport.Relation(
                                    f.columns(), f.referencedTable(), f.referencedColumns()))
                        .toList())
            .orElse(List.of());
    return new InspectReport.Table(
        t.name(),
        model.map(TableModel::entity).orElse(null),
        FileSchema.count(c, "main", t.name()),
        columns,
        t.primaryKey(),
        indexes,
        relations);
  }

  /**
   * The attribute's declared Java type, and the type its values are stored through when that
   * differs (a converter's database side, or the key of a referenced entity): "YearMonth as
   * LocalDate", "Region as String".
   */
  private static String javaType(ColumnModel c, Map<String, Class<?>> entityClasses) {
    String stored = c.valueType().getSimpleName();
    String owner = c.owner();
    int dot = owner.indexOf('.');
    if (dot < 0 || owner.contains(" ")) {
      return stored;
    }
    // The owner is an attribute path (Country.capital.lat): follow it through embeddables.
    Class<?> type = entityClasses.get(owner.substring(0, dot));
    for (String attribute : owner.substring(dot + 1).split("\\.")) {
      type = type == null ? null : fieldType(type, attribute);
    }
    if (type == null) {
      return stored;
    }
    Class<?> boxed = type.isPrimitive() ? boxed(type) : type;
    // the attribute's own type: 'long' for a primitive, not the boxed value the column holds
    return boxed == c.valueType() ? type.getSimpleName() : type.getSimpleName() + " as " + stored;
  }

  /** The declared type of a field of {@code k} or its superclasses, or null. */
  private static Class<?> fieldType(Class<?> k, String name) {
    for (; k != null && k != Object.class; k = k.getSuperclass()) {
      try {
        return k.getDeclaredField(name).getType();
      } catch (NoSuchFieldException e) {
        // declared higher up, or a property without a field: try the superclass
      }
    }
    return null;
  }

  private static Class<?> boxed(Class<?> p) {
    return MethodType.methodType(p).wrap().returnType();
  }

  private static Map<String, Class<?>> entityClasses(DataSetInput input) {
    Map<String, Class<?>> out = new HashMap<>();
    Optional<ClassLoader> loader = input.classLoader();
    if (loader.isEmpty() || input.manifest().isEmpty()) {
      return out;
    }
    for (String name : input.manifest().get().entities()) {
      try {
        Class<?> type = Class.forName(name, false, loader.get());
        out.put(type.getSimpleName(), type);
      } catch (ClassNotFoundException | LinkageError e) {
        // reported by the schema already; the type column falls back to the stored type
      }
    }
    return out;
  }

  private static String sqliteVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select sqlite_version()")) {
      rs.next();
      return rs.getString(1) + " (reading; the writer's is unknown)";
    }
  }
}
