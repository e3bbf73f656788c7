package dev.datajar.runtime.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
import org.hibernate.mapping.Table;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.CollectionPart;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
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
  private record Binding(
      JdbcMapping mapping, String attribute, String owner, String entity, boolean primitive) {}

  private final Metadata metadata;
  private final SessionFactoryImplementor sf;
  private final Map<String, Binding> bindings = new HashMap<>();
  private final Map<String, String> entityOfTable = new HashMap<>();
  private final Map<String, Codec> codecs = new HashMap<>();
  private final List<String> unsupported = new ArrayList<>();

  /** Per table (lower case): the owner-key columns of each collection stored in it. */
  private final Map<String, Set<List<String>>> ownerKeys = new TreeMap<>();

  private SchemaModelReader(Metadata metadata, SessionFactoryImplementor sf) {
    this.metadata = metadata;
    this.sf = sf;
  }

  static SchemaModel read(String dataSet, Metadata metadata, SessionFactoryImplementor sf) {
    SchemaModelReader r = new SchemaModelReader(metadata, sf);
    r.readBindings();
    List<TableModel> tables = r.tables();
    if (!CodecMapping.storesWithCodecs(sf.getJdbcServices().getDialect())) {
      return new SchemaModel(dataSet, tables, List.of());
    }
    if (!r.unsupported.isEmpty()) {
      throw new UnsupportedTypeException(r.unsupported);
    }
    Map<String, String> throughHibernate = new HashMap<>();
    List<EntityLayout> layouts =
        LayoutReader.read(
            sf,
            (table, column) -> r.codecs.get(key(table, column)),
            (table, column) -> unique(tables, table, column),
            throughHibernate);
    return new SchemaModel(dataSet, tables, layouts, throughHibernate);
  }

  /** True if {@code column} alone is the primary key or a unique index of {@code table}. */
  private static boolean unique(List<TableModel> tables, String table, String column) {
    List<String> one = List.of(TableModel.unquote(column));
    for (TableModel t : tables) {
      if (t.name().equalsIgnoreCase(TableModel.unquote(table))) {
        return t.primaryKey().equals(one)
            || t.indexes().stream().anyMatch(i -> i.unique() && i.columns().equals(one));
      }
    }
    return false;
  }

  private static String key(String table, String column) {
    return TableModel.unquote(table).toLowerCase(Locale.ROOT)
        + "."
        + TableModel.unquote(column).toLowerCase(Locale.ROOT);
  }

  private void readBindings() {
    sf.getMappingMetamodel().forEachEntityDescriptor(this::readEntity);
  }

  private void readEntity(EntityPersister p) {
    String entity = p.getMappedClass().getSimpleName();
    for (String table : p.getTableNames()) {
      entityOfTable.putIfAbsent(TableModel.unquote(table).toLowerCase(Locale.ROOT), entity);
    }
    // An @IdClass key has no attribute of its own (its name is null): its columns are named by
    // the entity's @Id attributes, Runway.airport, as an @EmbeddedId's are by Runway.id.code.
    collect(p.getIdentifierMapping(), p.getIdentifierMapping().getAttributeName(), entity, null);
    p.forEachAttributeMapping(a -> readAttribute(entity, a));
  }

  private void readAttribute(String entity, AttributeMapping a) {
    if (a instanceof PluralAttributeMapping plural) {
      String name = entity + "." + a.getAttributeName();
      String label = name + ColumnModel.COLLECTION_TABLE;
      // The owner's key (several columns for a composite one) and a list's or map's index.
      bind(plural.getKeyDescriptor().getKeyPart(), null, label, null, false);
      ownerKey(plural.getKeyDescriptor().getKeyPart());
      CollectionPart index = plural.getIndexDescriptor();
      if (index != null) {
        bind(index, null, label, null, false);
      }
      // An embeddable element's columns are named by their paths: Supplier.addresses.city.
      collect(plural.getElementDescriptor(), null, name, label);
    } else {
      collect(a, a.getAttributeName(), entity, null);
    }
  }

  /** Records the columns a collection's elements are selected by (CollectionReader's key). */
  private void ownerKey(ModelPart key) {
    List<String> columns = new ArrayList<>();
    String[] table = {null};
    key.forEachSelectable(
        (i, s) -> {
          table[0] = TableModel.unquote(s.getContainingTableExpression()).toLowerCase(Locale.ROOT);
          columns.add(TableModel.unquote(s.getSelectionExpression()));
        });
    if (table[0] != null && !columns.isEmpty()) {
      ownerKeys.computeIfAbsent(table[0], t -> new LinkedHashSet<>()).add(List.copyOf(columns));
    }
  }

  /**
   * {@code indexes} and an owner-key index ({@link TableModel.Index#ownerKey()}) for each
   * collection stored in the table whose owner columns lead neither {@code pk} nor an index.
   */
  private List<TableModel.Index> withOwnerKeys(
      String table, List<String> pk, List<ColumnModel> columns, List<TableModel.Index> indexes) {
    Set<List<String>> keys = ownerKeys.get(table.toLowerCase(Locale.ROOT));
    if (keys == null) {
      return indexes;
    }
    List<TableModel.Index> out = new ArrayList<>(indexes);
    for (List<String> named : keys) {
      List<String> key = // as the table spells them
          named.stream()
              .map(
                  n ->
                      columns.stream()
                          .map(ColumnModel::name)
                          .filter(n::equalsIgnoreCase)
                          .findFirst()
                          .orElse(n))
              .toList();
      boolean covered = leads(pk, key) || out.stream().anyMatch(i -> leads(i.columns(), key));
      if (!covered) {
        out.add(
            new TableModel.Index(
                IndexNames.UNNAMED + "owner$" + String.join("$", key), key, false, true));
      }
    }
    return out;
  }

  /** Whether {@code key}'s columns, in any order, are the first columns of {@code columns}. */
  private static boolean leads(List<String> columns, List<String> key) {
    if (columns.size() < key.size()) {
      return false;
    }
    Set<String> first = new HashSet<>();
    Set<String> wanted = new HashSet<>();
    for (int i = 0; i < key.size(); i++) {
      first.add(columns.get(i).toLowerCase(Locale.ROOT));
      wanted.add(key.get(i).toLowerCase(Locale.ROOT));
    }
    return first.equals(wanted);
  }

  /**
   * Binds the columns of a part. An embeddable (an {@code @EmbeddedId} or {@code @IdClass} key too)
   * is followed down to its own attributes, so that each column is named by its attribute's path:
   * {@code Country.capital.lat}, and {@code capital.lat} names it in a source's header.
   *
   * @param path the attribute path within the entity or collection element, or null
   * @param prefix the entity's simple name, or {@code Entity.collection} for a collection's parts
   * @param collection the label of a collection table's basic element, or null for an entity's own
   *     columns
   */
  private void collect(ModelPart part, String path, String prefix, String collection) {
    if (part instanceof EmbeddableValuedModelPart embeddable) {
      embeddable
          .getEmbeddableTypeDescriptor()
          .forEachAttributeMapping(
              (AttributeMapping a) -> {
                String name = a.getAttributeName();
                collect(a, path == null ? name : path + "." + name, prefix, collection);
              });
      return;
    }
    boolean primitive =
        part instanceof AttributeMapping a
            && a.getPropertyAccess() != null
            && a.getPropertyAccess().getGetter().getReturnTypeClass().isPrimitive();
    String owner = path == null ? (collection != null ? collection : prefix) : prefix + "." + path;
    // A collection table's columns hold no attribute of the entity a source row could name.
    bind(
        part,
        collection == null ? path : null,
        owner,
        collection == null ? prefix : null,
        primitive);
  }

  /** Binds each column of {@code part}; {@code attribute} only where it has one column. */
  private void bind(
      ModelPart part, String attribute, String owner, String entity, boolean primitive) {
    List<SelectableMapping> selectables = new ArrayList<>();
    part.forEachSelectable((i, s) -> selectables.add(s));
    for (SelectableMapping s : selectables) {
      if (s.isFormula()) {
        continue;
      }
      bindings.putIfAbsent(
          key(s.getContainingTableExpression(), s.getSelectionExpression()),
          new Binding(
              s.getJdbcMapping(),
              selectables.size() == 1 ? attribute : null,
              owner,
              entity,
              primitive));
    }
  }

  private List<TableModel> tables() {
    Map<String, TableModel> byName = new LinkedHashMap<>();
    List<Table> mapped = new ArrayList<>(metadata.collectTableMappings());
    mapped.sort(
        Comparator.comparing(t -> TableModel.unquote(t.getName()).toLowerCase(Locale.ROOT)));
    for (Table t : mapped) {
      if (t.isAbstract() || !t.isPhysicalTable()) {
        continue;
      }
      String tableName = TableModel.unquote(t.getName());
      List<String> pk = new ArrayList<>();
      if (t.getPrimaryKey() != null) {
        for (Column c : t.getPrimaryKey().getColumns()) {
          pk.add(TableModel.unquote(c.getName()));
        }
      }
      List<Column> ordered = new ArrayList<>(t.getColumns());
      ordered.sort(
          Comparator.comparingInt(
              c -> {
                int i = pk.indexOf(TableModel.unquote(c.getName()));
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
              withOwnerKeys(tableName, pk, columns, TableKeys.indexes(t)),
              TableKeys.foreignKeys(t)));
    }
    return IndexNames.name(TableModel.parentsFirst(byName));
  }

  private ColumnModel column(String table, Column c) {
    String name = TableModel.unquote(c.getName());
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
        c.getDefaultValue(),
        b.primitive());
  }

  private boolean isPrimaryKeyPart(String table, String column) {
    for (Table t : metadata.collectTableMappings()) {
      if (TableModel.unquote(t.getName()).equalsIgnoreCase(table) && t.getPrimaryKey() != null) {
        return t.getPrimaryKey().getColumns().stream()
            .anyMatch(c -> TableModel.unquote(c.getName()).equalsIgnoreCase(column));
      }
    }
    return false;
  }
}
