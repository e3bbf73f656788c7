package dev.datajar.runtime.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Constraint;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.CollectionPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Reads a {@link SchemaModel} out of Hibernate: the boot-time mapping gives tables, declared column
 * types, keys and indexes; the run-time mapping gives each column's {@code JdbcMapping} (and so the
 * binder Hibernate itself uses for it) and the attribute it belongs to.
 */
final class SchemaModelReader {
  /** What the run-time mapping says about one column. */
  private record Binding(JdbcMapping mapping, String attribute, String owner, String entity) {}

  private final Metadata metadata;
  private final SessionFactoryImplementor sf;
  private final Map<String, Binding> bindings = new HashMap<>();
  private final Map<String, String> entityOfTable = new HashMap<>();
  private final Map<String, Codec> codecs = new HashMap<>();
  private final List<String> unsupported = new ArrayList<>();

  private SchemaModelReader(Metadata metadata, SessionFactoryImplementor sf) {
    this.metadata = metadata;
    this.sf = sf;
  }

  static SchemaModel read(String dataSet, Metadata metadata, SessionFactoryImplementor sf) {
    SchemaModelReader r = new SchemaModelReader(metadata, sf);
    r.readBindings();
    List<TableModel> tables = r.tables();
    if (!(sf.getJdbcServices().getDialect() instanceof DataJarDialect)) {
      // Another engine's mapping (PostgreSQL's): its tables, keys and types matter, not the
      // codecs, which describe SQLite storage and the SQLite fast path.
      return new SchemaModel(dataSet, tables, List.of());
    }
    if (!r.unsupported.isEmpty()) {
      throw new UnsupportedTypeException(r.unsupported);
    }
    return new SchemaModel(
        dataSet,
        tables,
        LayoutReader.read(sf, (table, column) -> r.codecs.get(key(table, column))));
  }

  private static String key(String table, String column) {
    return unquote(table).toLowerCase(Locale.ROOT) + "." + unquote(column).toLowerCase(Locale.ROOT);
  }

  private static String unquote(String name) {
    if (name.length() > 1 && (name.charAt(0) == '"' || name.charAt(0) == '`')) {
      return name.substring(1, name.length() - 1);
    }
    return name;
  }

  private void readBindings() {
    sf.getMappingMetamodel().forEachEntityDescriptor(this::readEntity);
  }

  private void readEntity(EntityPersister p) {
    String entity = p.getMappedClass().getSimpleName();
    for (String table : p.getTableNames()) {
      entityOfTable.putIfAbsent(unquote(table).toLowerCase(Locale.ROOT), entity);
    }
    String idName = p.getIdentifierMapping().getAttributeName();
    collect(p.getIdentifierMapping(), idName, entity + "." + idName, entity);
    p.forEachAttributeMapping(a -> readAttribute(entity, a));
  }

  private void readAttribute(String entity, AttributeMapping a) {
    String owner = entity + "." + a.getAttributeName();
    if (a instanceof PluralAttributeMapping plural) {
      String label = owner + " (collection table)";
      collect(plural.getKeyDescriptor().getKeyPart(), null, label, null);
      CollectionPart index = plural.getIndexDescriptor();
      if (index != null) {
        collect(index, null, label, null);
      }
      collect(plural.getElementDescriptor(), null, label, null);
    } else {
      collect(a, a.getAttributeName(), owner, entity);
    }
  }

  private void collect(ModelPart part, String attribute, String owner, String entity) {
    List<SelectableMapping> selectables = new ArrayList<>();
    part.forEachSelectable((i, s) -> selectables.add(s));
    for (SelectableMapping s : selectables) {
      if (s.isFormula()) {
        continue;
      }
      String name = selectables.size() == 1 ? attribute : null;
      bindings.putIfAbsent(
          key(s.getContainingTableExpression(), s.getSelectionExpression()),
          new Binding(s.getJdbcMapping(), name, owner, entity));
    }
  }

  private List<TableModel> tables() {
    Map<String, TableModel> byName = new LinkedHashMap<>();
    List<Table> mapped = new ArrayList<>(metadata.collectTableMappings());
    mapped.sort(Comparator.comparing(t -> unquote(t.getName()).toLowerCase(Locale.ROOT)));
    for (Table t : mapped) {
      if (t.isAbstract() || !t.isPhysicalTable()) {
        continue;
      }
      String tableName = unquote(t.getName());
      List<String> pk = new ArrayList<>();
      if (t.getPrimaryKey() != null) {
        for (Column c : t.getPrimaryKey().getColumns()) {
          pk.add(unquote(c.getName()));
        }
      }
      List<Column> ordered = new ArrayList<>(t.getColumns());
      ordered.sort(
          Comparator.comparingInt(
              c -> {
                int i = pk.indexOf(unquote(c.getName()));
                return i < 0 ? Integer.MAX_VALUE : i; // key first; the rest keep Hibernate's order
              }));
      List<ColumnModel> columns = new ArrayList<>();
      for (Column c : ordered) {
        columns.add(column(tableName, c));
      }
      byName.put(
          tableName.toLowerCase(Locale.ROOT),
          new TableModel(
              tableName,
              entityOfTable.get(tableName.toLowerCase(Locale.ROOT)),
              columns,
              pk,
              indexes(t),
              foreignKeys(t)));
    }
    return loadOrder(byName);
  }

  private ColumnModel column(String table, Column c) {
    String name = unquote(c.getName());
    Binding b = bindings.get(key(table, name));
    if (b == null) {
      throw new IllegalStateException(
          "column "
              + table
              + "."
              + name
              + " is not mapped to an"
              + " attribute datajar can load (discriminators, versions and formulas are not"
              + " supported)");
    }
    List<String> checks = new ArrayList<>();
    for (CheckConstraint check : c.getCheckConstraints()) {
      checks.add(check.getConstraint());
    }
    boolean nullable = c.isNullable() && !(b.entity() != null && isPrimaryKeyPart(table, name));
    Codec codec = CodecMapping.of(b.mapping()).orElse(null);
    if (codec == null) {
      unsupported.add(
          b.owner()
              + " ("
              + b.mapping().getJavaTypeDescriptor().getTypeName()
              + ", stored as "
              + b.mapping().getJdbcType().getFriendlyName()
              + ")");
      codec = Codec.basicFor(String.class); // placeholder: the model is refused as a whole
    } else {
      codecs.put(key(table, name), codec);
    }
    return new ColumnModel(
        name,
        b.attribute(),
        b.owner(),
        c.getSqlType(metadata),
        nullable,
        c.getPrecision(),
        c.getScale(),
        checks,
        b.mapping(),
        codec,
        c.getDefaultValue());
  }

  private boolean isPrimaryKeyPart(String table, String column) {
    for (Table t : metadata.collectTableMappings()) {
      if (unquote(t.getName()).equalsIgnoreCase(table) && t.getPrimaryKey() != null) {
        return t.getPrimaryKey().getColumns().stream()
            .anyMatch(c -> unquote(c.getName()).equalsIgnoreCase(column));
      }
    }
    return false;
  }

  // Index.getColumns() is deprecated for getSelectables(), which also holds formulas; an index
  // here is on columns only, as it always was.
  @SuppressWarnings("deprecation")
  private static List<TableModel.Index> indexes(Table t) {
    Map<String, TableModel.Index> out = new TreeMap<>();
    t.getIndexes()
        .values()
        .forEach(
            i ->
                out.put(
                    i.getName(),
                    new TableModel.Index(i.getName(), names(i.getColumns()), i.isUnique())));
    for (UniqueKey u : t.getUniqueKeys().values()) {
      if (t.getPrimaryKey() != null && sameColumns(u, t.getPrimaryKey())) {
        continue; // the primary key already enforces it
      }
      out.put(u.getName(), new TableModel.Index(u.getName(), names(u.getColumns()), true));
    }
    // @Column(unique = true) is only a flag on the column in Hibernate 7's boot model (its
    // schema exporter writes it inline), so it would otherwise go unchecked and unindexed.
    for (Column c : t.getColumns()) {
      List<String> one = List.of(unquote(c.getName()));
      boolean covered =
          out.values().stream().anyMatch(i -> i.unique() && i.columns().equals(one))
              || (t.getPrimaryKey() != null && names(t.getPrimaryKey().getColumns()).equals(one));
      if (c.isUnique() && !covered) {
        String name = "uk_" + unquote(t.getName()) + "_" + one.get(0);
        out.put(name, new TableModel.Index(name, one, true));
      }
    }
    return new ArrayList<>(out.values());
  }

  private static boolean sameColumns(Constraint a, Constraint b) {
    return names(a.getColumns()).equals(names(b.getColumns()));
  }

  private static List<TableModel.ForeignKey> foreignKeys(Table t) {
    List<TableModel.ForeignKey> out = new ArrayList<>();
    for (ForeignKey f : t.getForeignKeyCollection()) {
      Table ref = f.getReferencedTable();
      List<String> refColumns =
          f.getReferencedColumns().isEmpty() && ref.getPrimaryKey() != null
              ? names(ref.getPrimaryKey().getColumns())
              : names(f.getReferencedColumns());
      out.add(
          new TableModel.ForeignKey(
              f.getName(), names(f.getColumns()), unquote(ref.getName()), refColumns));
    }
    out.sort(Comparator.comparing(f -> String.join(",", f.columns())));
    return out;
  }

  private static List<String> names(List<Column> columns) {
    List<String> out = new ArrayList<>();
    for (Column c : columns) {
      out.add(unquote(c.getName()));
    }
    return out;
  }

  /** Parents first; ties and cycles broken by name so the order never varies. */
  private static List<TableModel> loadOrder(Map<String, TableModel> byName) {
    List<TableModel> out = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    Set<String> visiting = new LinkedHashSet<>();
    for (String name : byName.keySet()) {
      visit(name, byName, done, visiting, out);
    }
    return out;
  }

  private static void visit(
      String name,
      Map<String, TableModel> byName,
      Set<String> done,
      Set<String> visiting,
      List<TableModel> out) {
    if (done.contains(name) || !visiting.add(name)) {
      return; // done, or a cycle: the builder checks references after all tables are loaded
    }
    TableModel t = byName.get(name);
    for (TableModel.ForeignKey f : t.foreignKeys()) {
      String parent = f.referencedTable().toLowerCase(Locale.ROOT);
      if (!parent.equals(name) && byName.containsKey(parent)) {
        visit(parent, byName, done, visiting, out);
      }
    }
    visiting.remove(name);
    done.add(name);
    out.add(t);
  }
}
