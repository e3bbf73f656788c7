package dev.datajar.runtime.format;

import jakarta.persistence.OrderBy;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.hibernate.annotations.SQLJoinTableRestriction;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.event.spi.CallbackType;
import org.hibernate.metamodel.CollectionClassification;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicEntityIdentifierMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.CollectionPart;
import org.hibernate.metamodel.mapping.CompositeIdentifierMapping;
import org.hibernate.metamodel.mapping.EmbeddableMappingType;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.EntityIdentifierMapping;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.NonAggregatedIdentifierMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.mapping.VirtualModelPart;
import org.hibernate.metamodel.mapping.internal.EmbeddedAttributeMapping;
import org.hibernate.metamodel.mapping.internal.EntityCollectionPart;
import org.hibernate.metamodel.mapping.internal.ManyToManyCollectionPart;
import org.hibernate.metamodel.mapping.internal.OneToManyCollectionPart;
import org.hibernate.metamodel.mapping.internal.SingleAttributeIdentifierMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.property.access.spi.PropertyAccess;
import org.hibernate.property.access.spi.Setter;
import org.hibernate.property.access.spi.SetterFieldImpl;
import org.hibernate.sql.Template;

/**
 * Reads the {@link EntityLayout} of each entity the runtime can read alone out of Hibernate's
 * run-time mapping, on the build side, so that the runtime can read those entities without
 * Hibernate.
 *
 * <p>That is: a single table; a basic id, an {@code @EmbeddedId} or an {@code IdClass} of basic
 * parts and to-ones (JPA's derived identity for an id class); basic attributes, embeddables of
 * basic parts and to-ones (nested too) and to-one references to the primary key of another such
 * entity (basic or composite, inside keys, embeddables and collections' embeddable elements too);
 * collections ({@link #collection}); an {@code @Version} attribute, read as the basic column it is
 * in a read-only file; {@code @PostLoad} callbacks the runtime can find ({@link
 * PostLoadCallbacks}); no inheritance, formulas or bytecode enhancement. Every attribute is set
 * through the same field or setter Hibernate uses.
 */
final class LayoutReader {
  private LayoutReader() {}

  /**
   * The layouts of the entities the runtime can read; an entity whose to-one target has none is
   * left out too, repeatedly, so every layout's targets have layouts.
   *
   * @param codecOf the codec of a (table, column), as the schema model chose it
   */
  static List<EntityLayout> read(
      SessionFactoryImplementor sf,
      BiFunction<String, String, Codec> codecOf,
      BiPredicate<String, String> unique,
      Map<String, String> why) {
    Map<String, String> ids = new HashMap<>(); // each entity's id attribute, by class name
    sf.getMappingMetamodel()
        .forEachEntityDescriptor(
            p ->
                ids.put(p.getMappedClass().getName(), p.getIdentifierMapping().getAttributeName()));
    List<EntityLayout> layouts = new ArrayList<>();
    sf.getMappingMetamodel()
        .forEachEntityDescriptor(
            p -> {
              Reason reason = new Reason();
              layout(sf, p, codecOf, unique, ids, reason)
                  .ifPresentOrElse(
                      layouts::add,
                      () ->
                          why.put(
                              p.getMappedClass().getName(),
                              reason.text == null
                                  ? "it is mapped in a way the row path does not read"
                                  : reason.text));
            });
    List<EntityLayout> before = new ArrayList<>(layouts);
    ManifestJson.leaveOutMissingTargets(layouts);
    Set<String> kept = new HashSet<>();
    layouts.forEach(l -> kept.add(l.entity()));
    for (EntityLayout l : before) {
      if (!kept.contains(l.entity())) {
        // A target of its to-ones or collections lost its layout (first the ones with a reason).
        String target =
            l.targets().stream()
                .filter(t -> !kept.contains(t))
                .min(Comparator.comparing((String t) -> !why.containsKey(t)).thenComparing(t -> t))
                .orElseThrow();
        why.put(
            l.entity(),
            "one of its to-ones or collections leads to "
                + simpleName(target)
                + ", which reads through Hibernate");
      }
    }
    layouts.sort((a, b) -> a.entity().compareTo(b.entity()));
    return layouts;
  }

  /** Why {@link #layout} gave none: the first check that failed, for the builder's warning. */
  private static final class Reason {
    String text;

    /** Records {@code text} (if no reason is known yet) and gives no layout. */
    <T> Optional<T> none(String text) {
      if (this.text == null) {
        this.text = text;
      }
      return Optional.empty();
    }
  }

  /**
   * What kind of mapping {@code part} of an entity on {@code table} is, in a user's words, with the
   * change that would let the row path read it, if there is one ({@code fix}, else null).
   */
  private record Kind(String what, String fix) {
    /** "{@code subject} is (what), which the row path does not read. (Fix.)" */
    String sentence(String subject) {
      return subject
          + " is "
          + what
          + ", which the row path does not read"
          + (fix == null ? "" : ". " + fix);
    }
  }

  private static Kind what(ModelPart part, String table) {
    if (part instanceof ToOneAttributeMapping t) {
      String target =
          simpleName(t.getAssociatedEntityMappingType().getMappedJavaType().getTypeName());
      if (t.getSideNature() != ForeignKeyDescriptor.Nature.KEY) {
        return new Kind(
            "the inverse side (mappedBy) of a one-to-one with "
                + target
                + " whose foreign key does not hold this entity's id, or that has a restriction",
            "Find the "
                + target
                + " with a search on its own to-one instead, or map the to-one on this side");
      }
      if (!t.isReferenceToPrimaryKey()) {
        return new Kind(
            "a to-one that joins "
                + target
                + " on columns other than its id (referencedColumnName) that are not one unique"
                + " column of its table, or on a target with a restriction",
            "Make the column unique (@Column(unique = true)), or reference " + target + "'s id");
      }
      return new Kind(
          "a to-one to " + target + " whose key columns are formulas or in another table", null);
    }
    if (part instanceof EmbeddableValuedModelPart) {
      return new Kind(
          "an embeddable with an aggregate (JSON or struct) mapping, a @Parent reference, no"
              + " constructor the row path can call, or a part it does not read",
          null);
    }
    if (part instanceof BasicValuedModelPart b) {
      if (b.isFormula()) {
        return new Kind("a formula (@Formula)", null);
      }
      if (!table.equals(b.getContainingTableExpression())) {
        return new Kind(
            "a column of another table, "
                + TableModel.unquote(b.getContainingTableExpression())
                + " (@SecondaryTable)",
            null);
      }
      return new Kind("a column of a type with no codec", null);
    }
    if (part instanceof NonAggregatedIdentifierMapping) {
      return new Kind("several @Id attributes with no @IdClass", "Declare an @IdClass");
    }
    return new Kind("a mapping of kind " + part.getClass().getSimpleName(), null);
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
  }

  private static Optional<EntityLayout> layout(
      SessionFactoryImplementor sf,
      EntityPersister p,
      BiFunction<String, String, Codec> codecOf,
      BiPredicate<String, String> unique,
      Map<String, String> ids,
      Reason why) {
    if (p.hasSubclasses() || p.getSuperMappingType() != null) {
      return why.none("it takes part in entity inheritance");
    }
    if (p.isInstrumented()) {
      return why.none(
          "its class is bytecode-enhanced (Hibernate's enhancer rewrote it); build the dataset"
              + " from classes the enhancer has not touched");
    }
    boolean postLoad =
        sf.getEventEngine()
            .getCallbackRegistry()
            .hasRegisteredCallbacks(p.getMappedClass(), CallbackType.POST_LOAD);
    if (postLoad && !seesEveryCallback(p.getMappedClass())) {
      return why.none(
          "it has @PostLoad callbacks and the class path has a META-INF/orm.xml, which could add"
              + " default entity listeners that only Hibernate reads");
    }
    Optional<String> restriction = restriction(p);
    if (restriction == null) {
      return why.none(
          "its restriction is not one class-level @SQLRestriction (several, or one from"
              + " elsewhere than the class)");
    }
    String table = p.getTableName();
    Optional<EntityLayout.Member> idMember = id(p.getIdentifierMapping(), table, codecOf);
    if (idMember.isEmpty()) {
      return why.none(what(p.getIdentifierMapping(), table).sentence("its id"));
    }
    List<String> idParts = new ArrayList<>();
    idMember.get().parts().forEach(x -> idParts.add(x.attribute()));
    List<EntityLayout.Member> members = new ArrayList<>();
    List<EntityLayout.CollectionLayout> collections = new ArrayList<>();
    for (int i = 0; i < p.getNumberOfAttributeMappings(); i++) {
      AttributeMapping a = p.getAttributeMapping(i);
      if (a instanceof PluralAttributeMapping plural) {
        List<String> idColumns = new ArrayList<>();
        idMember.get().columns(idColumns);
        Optional<EntityLayout.CollectionLayout> c = collection(plural, idColumns, codecOf, ids);
        if (c.isEmpty()) {
          return why.none(
              "its collection '"
                  + a.getAttributeName()
                  + "' has a part the row path does not read: a sort comparator it cannot"
                  + " construct, an @OrderBy other than the element's own columns or an"
                  + " @SQLOrder, a key or index"
                  + " that is a formula or in another table, or a restriction it cannot add");
        }
        collections.add(c.get());
        continue;
      }
      if (idMember.get().attribute() == null
          && (a instanceof VirtualModelPart || idParts.contains(a.getAttributeName()))) {
        continue; // an @IdClass's parts (and Hibernate's virtual mapper of them): with the id
      }
      if (a instanceof ToOneAttributeMapping t
          && t.getSideNature() != ForeignKeyDescriptor.Nature.KEY) {
        List<String> idColumns = new ArrayList<>();
        idMember.get().columns(idColumns);
        Optional<EntityLayout.CollectionLayout> one = inverseOne(sf, t, idColumns, codecOf);
        if (one.isEmpty()) {
          return why.none(what(a, table).sentence("its attribute '" + a.getAttributeName() + "'"));
        }
        collections.add(one.get());
        continue;
      }
      Optional<EntityLayout.Member> m =
          a instanceof ToOneAttributeMapping t
                  && t.getSideNature() == ForeignKeyDescriptor.Nature.KEY
                  && !t.isReferenceToPrimaryKey()
              ? otherKey(sf, t, table, codecOf, unique)
              : attribute(a, table, codecOf);
      if (m.isEmpty()) {
        return why.none(what(a, table).sentence("its attribute '" + a.getAttributeName() + "'"));
      }
      members.add(m.get());
    }
    // To-ones to a restricted entity (docs/queries.md, S9): inside embeddables and elements they
    // are null where the target is excluded, as for Hibernate; a map key that is one, or an
    // embeddable holding one, drops the entry (the runtime sees the target's restriction); a key
    // part to one makes the row itself excluded, recorded here.
    String keyRestriction = keyRestriction(sf, p, 0);
    if (restrictedPart(sf, idMember.get()) && keyRestriction == null) {
      return why.none(
          "a part of its key is a to-one to an entity whose restriction the row path cannot add");
    }
    return Optional.of(
        new EntityLayout(
            p.getMappedClass().getName(),
            TableModel.unquote(table),
            idMember.get(),
            members,
            collections,
            restriction(sf, restriction, keyRestriction),
            postLoad));
  }

  /**
   * The entity's restriction as the row path adds it: its class-level {@code @SQLRestriction}
   * rendered, and {@code keyRestriction}; each qualified by {@link
   * EntityLayout.CollectionLayout#ALIAS}; {@code null} if neither.
   */
  private static String restriction(
      SessionFactoryImplementor sf, Optional<String> own, String keyRestriction) {
    String rendered = own.map(r -> render(r, sf, EntityLayout.CollectionLayout.ALIAS)).orElse(null);
    if (keyRestriction == null || keyRestriction.isEmpty()) {
      return rendered;
    }
    return rendered == null ? keyRestriction : "(" + rendered + ") and " + keyRestriction;
  }

  /**
   * For an id with to-one parts (JPA's derived identity, an {@code @EmbeddedId}'s to-ones, nested
   * embeddables too) to entities with a restriction: the SQL that keeps the rows whose every such
   * target exists and is not excluded, {@code exists (select 1 from target dj_r1 where dj_r1.id =
   * {alias}.target_id and (target's restriction))} for each, its columns after {@link
   * EntityLayout.CollectionLayout#ALIAS}; {@code ""} if no part leads to one; {@code null} if one
   * does in a way not written here (the entity then reads through Hibernate). A row whose key part
   * the restriction excludes is no row (docs/queries.md, S9): Hibernate's search and get leave it
   * out, but other calls fail on it or count it.
   */
  private static String keyRestriction(SessionFactoryImplementor sf, EntityPersister p, int depth) {
    List<ToOneAttributeMapping> toOnes = new ArrayList<>();
    EntityIdentifierMapping id = p.getIdentifierMapping();
    if (id instanceof NonAggregatedIdentifierMapping n) {
      idToOnes(n.getVirtualIdEmbeddable(), toOnes);
    } else if (id instanceof CompositeIdentifierMapping c) {
      idToOnes(c.getPartMappingType(), toOnes);
    }
    StringBuilder sb = new StringBuilder();
    for (ToOneAttributeMapping t : toOnes) {
      EntityPersister target = t.getAssociatedEntityMappingType().getEntityPersister();
      Optional<String> own = restriction(target);
      if (own == null || depth > 8) {
        return null;
      }
      String nested = keyRestriction(sf, target, depth + 1);
      if (nested == null) {
        return null;
      }
      if (own.isEmpty() && nested.isEmpty()) {
        continue;
      }
      if (t.getSideNature() != ForeignKeyDescriptor.Nature.KEY
          || !t.isReferenceToPrimaryKey()
          || !(target instanceof AbstractEntityPersister a)) {
        return null;
      }
      String alias = "dj_r" + (depth + 1);
      List<SelectableMapping> keys = new ArrayList<>();
      List<SelectableMapping> targets = new ArrayList<>();
      ForeignKeyDescriptor fk = t.getForeignKeyDescriptor();
      fk.getKeyPart().forEachSelectable((i, x) -> keys.add(x));
      fk.getTargetPart().forEachSelectable((i, x) -> targets.add(x));
      if (keys.size() != targets.size()) {
        return null;
      }
      StringBuilder on = new StringBuilder();
      for (int i = 0; i < keys.size(); i++) {
        if (keys.get(i).isFormula() || targets.get(i).isFormula()) {
          return null;
        }
        on.append(i == 0 ? "" : " and ")
            .append(alias)
            .append('.')
            .append(targets.get(i).getSelectionExpression())
            .append(" = ")
            .append(EntityLayout.CollectionLayout.ALIAS)
            .append('.')
            .append(keys.get(i).getSelectionExpression());
      }
      String inner = restriction(sf, own, nested);
      sb.append(sb.length() == 0 ? "" : " and ")
          .append("exists (select 1 from ")
          .append(a.getTableName())
          .append(' ')
          .append(alias)
          .append(" where ")
          .append(on)
          .append(" and (")
          .append(inner.replace(EntityLayout.CollectionLayout.ALIAS, alias))
          .append("))");
    }
    return sb.toString();
  }

  /** The to-ones among an id's parts, nested embeddables' too. */
  private static void idToOnes(EmbeddableMappingType e, List<ToOneAttributeMapping> out) {
    e.forEachAttributeMapping(
        a -> {
          if (a instanceof ToOneAttributeMapping t) {
            out.add(t);
          } else if (a instanceof EmbeddedAttributeMapping x) {
            idToOnes(x.getEmbeddableTypeDescriptor(), out);
          }
        });
  }

  /**
   * True if the entity's id has a to-one part (nested too) to a restricted entity ({@link
   * #keyRestriction}): a row whose part is excluded is no row.
   */
  private static boolean keyRestricted(SessionFactoryImplementor sf, String entity) {
    EntityPersister p = sf.getMappingMetamodel().findEntityDescriptor(entity);
    String k = p == null ? null : keyRestriction(sf, p, 0);
    return k == null || !k.isEmpty();
  }

  /**
   * The SQL of the entity's class-level {@code @SQLRestriction}, which the row path adds to every
   * read of its table; empty if it has none; {@code null} (no layout) if Hibernate restricts its
   * rows otherwise than by one such annotation on the entity class or a superclass.
   */
  @SuppressWarnings("NullableOptional") // null: no layout; empty: no restriction
  private static Optional<String> restriction(EntityPersister p) {
    List<SQLRestriction> found = EntityLayout.classRestrictions(p.getMappedClass());
    boolean where = p instanceof AbstractEntityPersister a && a.hasWhereRestrictions();
    if (found.isEmpty() && !where) {
      return Optional.empty();
    }
    if (found.size() != 1 || !where) {
      return null;
    }
    return Optional.of(found.get(0).value());
  }

  /**
   * True if the runtime's {@link PostLoadCallbacks} find the entity's {@code @PostLoad} callbacks
   * all: it has some, and no {@code META-INF/orm.xml} could add default listeners (the runtime does
   * not read it); else Hibernate reads the entity.
   */
  private static boolean seesEveryCallback(Class<?> entity) {
    ClassLoader loader = entity.getClassLoader();
    return (loader == null || loader.getResource("META-INF/orm.xml") == null)
        && !PostLoadCallbacks.of(entity).isEmpty();
  }

  /**
   * True if a part of the composite {@code m} (nested ones too) is a to-one to an entity with a
   * class-level restriction (or a key restricted in turn): inside a key such a to-one needs a
   * {@link #keyRestriction} (docs/queries.md, S9).
   */
  private static boolean restrictedPart(SessionFactoryImplementor sf, EntityLayout.Member m) {
    for (EntityLayout.Member x : m.isComposite() ? m.parts() : List.<EntityLayout.Member>of()) {
      if ((x.target() != null && restricted(sf, x.target())) || restrictedPart(sf, x)) {
        return true;
      }
    }
    return false;
  }

  /** True if the entity class {@code entity} has a class-level restriction (or an unknown one). */
  private static boolean restricted(SessionFactoryImplementor sf, String entity) {
    EntityPersister p = sf.getMappingMetamodel().findEntityDescriptor(entity);
    Optional<String> r = p == null ? null : restriction(p);
    return r == null || r.isPresent() || keyRestricted(sf, entity);
  }

  /**
   * A restriction's SQL as Hibernate renders it, its column references qualified by {@code alias}.
   */
  private static String render(String sql, SessionFactoryImplementor sf, String alias) {
    return Template.renderWhereStringTemplate(
            sql, sf.getJdbcServices().getDialect(), sf.getTypeConfiguration())
        .replace(Template.TEMPLATE, alias);
  }

  /**
   * An {@code @ElementCollection} (of basic values or embeddables), a {@code @ManyToMany} (either
   * side) or a {@code @OneToMany} as a set, list or map, sorted or not, keyed by the owner's id
   * columns ({@code idColumns}: one, or a composite id's); its order from an {@code OrderColumn},
   * an {@code @OrderBy} on the element's own columns (a one-to-many's or many-to-many's target's
   * basic attributes too), else the element's columns; a map's basic key column; a {@code
   * SQLRestriction}; a map's embeddable key, or entity key ({@code @MapKeyJoinColumn}). Empty for
   * any other (a comparator the runtime cannot make, a join table restriction, an order the runtime
   * cannot write).
   */
  // Hibernate 7.4 marks Setter for removal, but PropertyAccess still hands out nothing else.
  @SuppressWarnings("removal")
  private static Optional<EntityLayout.CollectionLayout> collection(
      PluralAttributeMapping a,
      List<String> idColumns,
      BiFunction<String, String, Codec> codecOf,
      Map<String, String> ids) {
    CollectionPersister persister = a.getCollectionDescriptor();
    if (a.getPropertyAccess() == null
        || !(a.getKeyDescriptor().getTargetPart() instanceof EntityIdentifierMapping)) {
      return Optional.empty();
    }
    String table = persister.getTableName();
    List<EntityLayout.Member> keyParts = new ArrayList<>();
    BasicValuedModelPart key =
        a.getKeyDescriptor().getKeyPart() instanceof BasicValuedModelPart b ? b : null;
    if (key == null) {
      // A composite-key owner's: its columns in the order of the owner's id columns.
      if (!compositeKey(a.getKeyDescriptor(), table, idColumns, codecOf, keyParts)) {
        return Optional.empty();
      }
    } else if (idColumns.size() != 1) {
      return Optional.empty();
    }
    CollectionClassification classification =
        persister.getCollectionSemantics().getCollectionClassification();
    String kind =
        switch (classification) {
          case SET, ORDERED_SET, SORTED_SET -> "set";
          case LIST, BAG -> "list";
          case MAP, ORDERED_MAP, SORTED_MAP -> "map";
          default -> null;
        };
    boolean sorted =
        classification == CollectionClassification.SORTED_SET
            || classification == CollectionClassification.SORTED_MAP;
    Member m = setterMember(a.getPropertyAccess().getSetter());
    Class<?> type =
        m instanceof Field f ? f.getType() : m == null ? null : ((Method) m).getParameterTypes()[0];
    Class<?> made =
        kind == null
            ? null
            : switch (kind) {
              case "set" -> sorted ? TreeSet.class : LinkedHashSet.class;
              case "list" -> ArrayList.class;
              default -> sorted ? TreeMap.class : LinkedHashMap.class;
            };
    String sort = sorted ? sort(persister.getSortingComparator()) : null;
    if (kind == null || type == null || !type.isAssignableFrom(made) || (sorted && sort == null)) {
      return Optional.empty();
    }
    if (key != null && (!table.equals(key.getContainingTableExpression()) || key.isFormula())) {
      return Optional.empty();
    }
    Codec keyCodec = key == null ? null : codecOf.apply(table, key.getSelectionExpression());
    Optional<EntityLayout.Member> element = element(a.getElementDescriptor(), table, codecOf);
    if ((key != null && keyCodec == null) || element.isEmpty()) {
      return Optional.empty();
    }
    EntityLayout.Member mapKey = null;
    String targetTable = targetTable(a.getElementDescriptor());
    if (kind.equals("map") && !(a.getIndexDescriptor() instanceof BasicValuedModelPart)) {
      // An embeddable key (its parts columns of the collection table, to-ones too), or an entity
      // (@MapKeyJoinColumn: its id in columns of the collection table), recorded as an element is
      Optional<EntityLayout.Member> index = mapKey(a.getIndexDescriptor(), table, codecOf);
      if (index.isEmpty()) {
        return Optional.empty();
      }
      mapKey = index.get();
    } else if (kind.equals("map")) {
      // @MapKeyColumn: a column of the collection table; @MapKey: the target's, in its table
      if (!(a.getIndexDescriptor() instanceof BasicValuedModelPart index) || index.isFormula()) {
        return Optional.empty();
      }
      String in = index.getContainingTableExpression();
      boolean onTarget = !in.equals(table);
      Codec codec = codecOf.apply(in, index.getSelectionExpression());
      if (codec == null || (onTarget && !in.equals(targetTable))) {
        return Optional.empty();
      }
      mapKey =
          new EntityLayout.Member(
              null,
              TableModel.unquote(index.getSelectionExpression()),
              codec.spec(),
              onTarget ? element.get().target() : null,
              null,
              null,
              false);
    }
    String restriction = null;
    if (a.hasWhereRestrictions()
        || joinRestricted(a, m)
        || (a.getElementDescriptor() instanceof EntityCollectionPart e
            && restricted(
                persister.getFactory(), e.getAssociatedEntityMappingType().getEntityName()))) {
      restriction = restriction(a, m, persister);
      if (restriction == null) {
        return Optional.empty();
      }
    }
    List<String> orderBy = new ArrayList<>();
    if (a.getIndexDescriptor() != null && !kind.equals("map")) {
      if (!kind.equals("list")
          || !(a.getIndexDescriptor() instanceof BasicValuedModelPart index)
          || index.isFormula()) {
        return Optional.empty();
      }
      orderBy.add(TableModel.unquote(index.getSelectionExpression()));
    } else if (a.getOrderByFragment() != null || a.getManyToManyOrderByFragment() != null) {
      String spec = orderBy(m.getDeclaringClass(), a.getAttributeName());
      Function<String, String> targetColumn =
          persister.isOneToMany()
              ? targetColumn(a.getElementDescriptor(), table)
              : persister.isManyToMany() && targetTable != null
                  ? targetColumn(a.getElementDescriptor(), targetTable)
                      .andThen(x -> x == null ? null : EntityLayout.CollectionLayout.TARGET + x)
                  : x -> null;
      if (spec == null || !orderColumns(spec, element.get(), ids, targetColumn, orderBy)) {
        return Optional.empty();
      }
    } else {
      element.get().columns(orderBy);
    }
    return Optional.of(
        new EntityLayout.CollectionLayout(
            a.getAttributeName(),
            m.getDeclaringClass().getName(),
            m.getName(),
            m instanceof Field,
            kind,
            TableModel.unquote(table),
            key == null ? null : TableModel.unquote(key.getSelectionExpression()),
            key == null ? null : keyCodec.spec(),
            keyParts,
            element.get(),
            orderBy,
            mapKey,
            sort,
            restriction));
  }

  /**
   * A to-one that joins its target on a unique column other than its id ({@code
   * referencedColumnName}): its foreign key column, recorded with the target's column ({@link
   * EntityLayout.Member#targetColumn()}). Empty unless both are one column of their tables (no
   * formula), the target's column is unique ({@code unique}: its primary key or a unique index of
   * that column alone) and the target has no restriction.
   */
  // Hibernate 7.4 marks Setter for removal, but PropertyAccess still hands out nothing else.
  @SuppressWarnings("removal")
  private static Optional<EntityLayout.Member> otherKey(
      SessionFactoryImplementor sf,
      ToOneAttributeMapping t,
      String table,
      BiFunction<String, String, Codec> codecOf,
      BiPredicate<String, String> unique) {
    ForeignKeyDescriptor fk = t.getForeignKeyDescriptor();
    EntityMappingType target = t.getAssociatedEntityMappingType();
    if (t.getPropertyAccess() == null
        || !(fk.getKeyPart() instanceof BasicValuedModelPart k)
        || !(fk.getTargetPart() instanceof BasicValuedModelPart r)
        || k.isFormula()
        || r.isFormula()
        || !table.equals(k.getContainingTableExpression())
        || !(target.getEntityPersister() instanceof AbstractEntityPersister persister)
        || !persister.getTableName().equals(r.getContainingTableExpression())
        || !unique.test(persister.getTableName(), r.getSelectionExpression())
        || restricted(sf, target.getEntityName())) {
      return Optional.empty();
    }
    return member(
            t.getAttributeName(),
            k,
            target.getMappedJavaType().getJavaTypeClass().getName(),
            t.getPropertyAccess().getSetter(),
            table,
            codecOf)
        .map(
            m ->
                new EntityLayout.Member(
                    m.attribute(),
                    m.column(),
                    m.codec(),
                    m.target(),
                    m.declaringClass(),
                    m.setter(),
                    m.field(),
                    null,
                    List.of(),
                    TableModel.unquote(r.getSelectionExpression())));
  }

  /**
   * The inverse side of a one-to-one ({@code @OneToOne(mappedBy = ...)}) as a collection of kind
   * {@code "one"}: the target's row whose foreign key holds the owner's id (one at most: Hibernate
   * makes a one-to-one's foreign key unique), read as a one-to-many's elements are, a statement per
   * batch of owners. Empty if the foreign key does not reference the owner's id, is a formula or
   * lies in another table, or the target has a restriction.
   */
  private static Optional<EntityLayout.CollectionLayout> inverseOne(
      SessionFactoryImplementor sf,
      ToOneAttributeMapping t,
      List<String> idColumns,
      BiFunction<String, String, Codec> codecOf) {
    ForeignKeyDescriptor fk = t.getForeignKeyDescriptor();
    EntityMappingType target = t.getAssociatedEntityMappingType();
    if (t.getPropertyAccess() == null
        || !(fk.getTargetPart() instanceof EntityIdentifierMapping)
        || !(target.getEntityPersister() instanceof AbstractEntityPersister persister)
        || restricted(sf, target.getEntityName())) {
      return Optional.empty();
    }
    String table = persister.getTableName();
    List<EntityLayout.Member> keyParts = new ArrayList<>();
    BasicValuedModelPart key = fk.getKeyPart() instanceof BasicValuedModelPart b ? b : null;
    if (key == null) {
      if (!compositeKey(fk, table, idColumns, codecOf, keyParts)) {
        return Optional.empty();
      }
    } else if (idColumns.size() != 1
        || key.isFormula()
        || !table.equals(key.getContainingTableExpression())) {
      return Optional.empty();
    }
    Codec keyCodec = key == null ? null : codecOf.apply(table, key.getSelectionExpression());
    Optional<EntityLayout.Member> element = targetId(target, table, codecOf);
    Member m = setterMember(t.getPropertyAccess().getSetter());
    if ((key != null && keyCodec == null) || element.isEmpty() || m == null) {
      return Optional.empty();
    }
    List<String> orderBy = new ArrayList<>();
    element.get().columns(orderBy);
    return Optional.of(
        new EntityLayout.CollectionLayout(
            t.getAttributeName(),
            m.getDeclaringClass().getName(),
            m.getName(),
            m instanceof Field,
            EntityLayout.CollectionLayout.ONE,
            TableModel.unquote(table),
            key == null ? null : TableModel.unquote(key.getSelectionExpression()),
            key == null ? null : keyCodec.spec(),
            keyParts,
            element.get(),
            orderBy));
  }

  /**
   * A sorted collection's order as recorded: {@code "natural"}, or the comparator's class name if
   * the runtime can make one as Hibernate does (a no-argument constructor); else null.
   */
  private static String sort(Comparator<?> comparator) {
    if (comparator == null) {
      return "natural";
    }
    Class<?> c = comparator.getClass();
    if (c.getName().startsWith("org.hibernate.") || c.isAnonymousClass() || !constructible(c)) {
      return null;
    }
    return c.getName();
  }

  /**
   * A map's key that is not a basic column: an embeddable of columns of {@code table} ({@link
   * EntityLayout.Member#isComposite()}), or an entity whose id those columns hold, recorded as a
   * reference ({@link EntityLayout.Member#isCompositeReference()}: its target and its columns as
   * parts, one for a basic id), never as a {@code @MapKey}'s column of the target's table.
   */
  private static Optional<EntityLayout.Member> mapKey(
      CollectionPart index, String table, BiFunction<String, String, Codec> codecOf) {
    if (!(index instanceof ManyToManyCollectionPart)
        && !(index instanceof EmbeddableValuedModelPart)) {
      return Optional.empty();
    }
    Optional<EntityLayout.Member> key = element(index, table, codecOf);
    if (key.isEmpty() || key.get().target() == null || key.get().isCompositeReference()) {
      return key;
    }
    EntityLayout.Member k = key.get();
    return Optional.of(
        new EntityLayout.Member(
            null,
            null,
            null,
            k.target(),
            null,
            null,
            false,
            null,
            List.of(
                new EntityLayout.Member(null, k.column(), k.codec(), null, null, null, false))));
  }

  /** The table of a many-to-many's or one-to-many's target entity; null for any other element. */
  private static String targetTable(CollectionPart part) {
    if (part instanceof EntityCollectionPart e) {
      List<String> tables = new ArrayList<>();
      e.getAssociatedEntityMappingType()
          .getIdentifierMapping()
          .forEachSelectable((i, s) -> tables.add(s.getContainingTableExpression()));
      return tables.isEmpty() ? null : tables.get(0);
    }
    return null;
  }

  /** True if the collection's field or getter has a {@code @SQLJoinTableRestriction}. */
  private static boolean joinRestricted(PluralAttributeMapping a, Member m) {
    AnnotatedElement declared =
        m instanceof Field f ? f : getter(m.getDeclaringClass(), a.getAttributeName());
    return declared != null && declared.isAnnotationPresent(SQLJoinTableRestriction.class);
  }

  /**
   * The {@code @SQLRestriction} of a collection as SQL whose column references are qualified by
   * {@link EntityLayout.CollectionLayout#ALIAS}: the collection's own (on its table, or for a
   * many-to-many on the target's table), and for a one-to-many its target entity's too; and a
   * many-to-many's {@code @SQLJoinTableRestriction}, its columns qualified by {@link
   * EntityLayout.CollectionLayout#JOIN_ALIAS} (the join table). Null if Hibernate applies any other
   * restriction (a join table restriction elsewhere, a target's restriction of another kind), so
   * that Hibernate reads it.
   */
  private static String restriction(
      PluralAttributeMapping a, Member m, CollectionPersister persister) {
    AnnotatedElement declared =
        m instanceof Field f ? f : getter(m.getDeclaringClass(), a.getAttributeName());
    if (declared == null) {
      return null;
    }
    SQLJoinTableRestriction join = declared.getAnnotation(SQLJoinTableRestriction.class);
    if (join != null && !persister.isManyToMany()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    List<String> aliases = new ArrayList<>(); // what each part's columns are qualified by
    SQLRestriction own = declared.getAnnotation(SQLRestriction.class);
    if (own != null) {
      parts.add(own.value());
      aliases.add(EntityLayout.CollectionLayout.ALIAS);
    }
    if (join != null) {
      parts.add(join.value());
      aliases.add(EntityLayout.CollectionLayout.JOIN_ALIAS);
    }
    SessionFactoryImplementor sf = persister.getFactory();
    String targetKey = ""; // the target's key restriction: rendered already
    if (a.getElementDescriptor() instanceof EntityCollectionPart e) {
      // The target entity's, on its table (a many-to-many's too: ALIAS stands for it there)
      EntityPersister target = e.getAssociatedEntityMappingType().getEntityPersister();
      Optional<String> onTarget = restriction(target);
      targetKey = keyRestriction(sf, target, 0);
      if (onTarget == null || targetKey == null) {
        return null;
      }
      if (onTarget.isPresent()) {
        parts.add(onTarget.get());
        aliases.add(EntityLayout.CollectionLayout.ALIAS);
      }
    }
    if (parts.isEmpty() && targetKey.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      String rendered = render(parts.get(i), sf, aliases.get(i));
      sb.append(sb.length() == 0 ? "(" : " and (").append(rendered).append(')');
    }
    if (!targetKey.isEmpty()) {
      // An element whose key part (derived identity, an @EmbeddedId's to-one) is excluded is no
      // row, so no element (docs/queries.md, S9)
      sb.append(sb.length() == 0 ? "(" : " and (").append(targetKey).append(')');
    }
    return sb.toString();
  }

  /** The getter of {@code attribute} declared by {@code c}, or null. */
  private static Method getter(Class<?> c, String attribute) {
    String cap = Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
    for (Method g : c.getDeclaredMethods()) {
      if ((g.getName().equals("get" + cap) || g.getName().equals("is" + cap))
          && g.getParameterCount() == 0) {
        return g;
      }
    }
    return null;
  }

  /**
   * The key columns of a collection of a composite-key owner, into {@code out} in the order of the
   * owner's id columns {@code idColumns} (the descriptor pairs key and id columns by position);
   * false if one is a formula, in another table, or has no codec.
   */
  private static boolean compositeKey(
      ForeignKeyDescriptor fk,
      String table,
      List<String> idColumns,
      BiFunction<String, String, Codec> codecOf,
      List<EntityLayout.Member> out) {
    List<SelectableMapping> keys = new ArrayList<>();
    List<SelectableMapping> targets = new ArrayList<>();
    fk.getKeyPart().forEachSelectable((i, s) -> keys.add(s));
    fk.getTargetPart().forEachSelectable((i, s) -> targets.add(s));
    if (keys.size() != idColumns.size() || targets.size() != keys.size()) {
      return false;
    }
    for (String idColumn : idColumns) {
      SelectableMapping k = null;
      for (int i = 0; i < targets.size(); i++) {
        if (TableModel.unquote(targets.get(i).getSelectionExpression()).equals(idColumn)) {
          k = keys.get(i);
        }
      }
      Codec codec = k == null ? null : codecOf.apply(table, k.getSelectionExpression());
      if (codec == null || k.isFormula() || !table.equals(k.getContainingTableExpression())) {
        return false;
      }
      out.add(
          new EntityLayout.Member(
              null,
              TableModel.unquote(k.getSelectionExpression()),
              codec.spec(),
              null,
              null,
              null,
              false));
    }
    return true;
  }

  /**
   * The column of {@code table} (a one-to-many's target table) holding a basic attribute of the
   * target, by the attribute's name; null for any other name.
   */
  private static Function<String, String> targetColumn(CollectionPart part, String table) {
    EntityMappingType target = ((EntityCollectionPart) part).getAssociatedEntityMappingType();
    return name -> {
      if (name.isEmpty() || name.contains(".")) {
        return null;
      }
      AttributeMapping found = target.findAttributeMapping(name);
      return found instanceof BasicValuedModelPart b
              && !(found instanceof PluralAttributeMapping)
              && !b.isFormula()
              && table.equals(b.getContainingTableExpression())
          ? TableModel.unquote(b.getSelectionExpression())
          : null;
    };
  }

  /**
   * A one-to-many's (or an inverse one-to-one's) element: the target's id, in {@code table}, the
   * target's own; its columns for a composite id. Empty if a column is a formula, lies elsewhere or
   * has no codec.
   */
  private static Optional<EntityLayout.Member> targetId(
      EntityMappingType target, String table, BiFunction<String, String, Codec> codecOf) {
    if (target.getIdentifierMapping() instanceof CompositeIdentifierMapping) {
      return compositeElement(target, null, table, codecOf);
    }
    return target.getIdentifierMapping() instanceof BasicEntityIdentifierMapping k
        ? column(k, target.getMappedJavaType().getJavaTypeClass().getName(), table, codecOf)
        : Optional.empty();
  }

  /**
   * A column of {@code table} with no attribute of its own (an element, a key, a target's id),
   * leading to the entity class {@code target} or to none (null); empty if it is a formula, lies in
   * another table or has no codec.
   */
  private static Optional<EntityLayout.Member> column(
      SelectableMapping s, String target, String table, BiFunction<String, String, Codec> codecOf) {
    if (s.isFormula() || !table.equals(s.getContainingTableExpression())) {
      return Optional.empty();
    }
    Codec codec = codecOf.apply(table, s.getSelectionExpression());
    return codec == null
        ? Optional.empty()
        : Optional.of(
            new EntityLayout.Member(
                null,
                TableModel.unquote(s.getSelectionExpression()),
                codec.spec(),
                target,
                null,
                null,
                false));
  }

  /**
   * A collection's element: a basic column, an embeddable (its to-ones too), a many-to-many's
   * target key (in the join table), or a one-to-many's target id (in the target's own table).
   */
  private static Optional<EntityLayout.Member> element(
      CollectionPart part, String table, BiFunction<String, String, Codec> codecOf) {
    if (part instanceof ManyToManyCollectionPart e
        && e.isReferenceToPrimaryKey()
        && !(e.getForeignKeyDescriptor().getKeyPart() instanceof BasicValuedModelPart)) {
      return compositeElement(
          e.getAssociatedEntityMappingType(), e.getForeignKeyDescriptor(), table, codecOf);
    }
    if (part instanceof OneToManyCollectionPart e) {
      return targetId(e.getAssociatedEntityMappingType(), table, codecOf);
    }
    if (part instanceof ManyToManyCollectionPart e) {
      return e.isReferenceToPrimaryKey()
              && e.getForeignKeyDescriptor().getKeyPart() instanceof BasicValuedModelPart k
          ? column(
              k,
              e.getAssociatedEntityMappingType().getMappedJavaType().getJavaTypeClass().getName(),
              table,
              codecOf)
          : Optional.empty();
    }
    if (part instanceof EmbeddableValuedModelPart e) {
      EmbeddableMappingType type = e.getEmbeddableTypeDescriptor();
      Class<?> c = type.getMappedJavaType().getJavaTypeClass();
      if (type.isPolymorphic()
          || type.getAggregateMapping() != null
          || e.getParentInjectionAttributePropertyAccess() != null
          || !constructible(c)) {
        return Optional.empty();
      }
      // to-ones among its parts (nested too), to basic or composite ids, as an attribute's
      return parts(type, table, codecOf, true, true)
          .map(
              x ->
                  new EntityLayout.Member(
                      null, null, null, null, null, null, false, c.getName(), x));
    }
    return part instanceof BasicValuedModelPart b
        ? column(b, null, table, codecOf)
        : Optional.empty();
  }

  /**
   * The element of a collection of entities with a composite id: the columns of {@code table}
   * holding the target's id, in the order of the target's id columns (no attribute, {@link
   * EntityLayout.Member#isCompositeReference()}): a one-to-many's target's own id columns ({@code
   * fk} null), or a many-to-many's join table columns, paired with the id columns by {@code fk}.
   */
  private static Optional<EntityLayout.Member> compositeElement(
      EntityMappingType target,
      ForeignKeyDescriptor fk,
      String table,
      BiFunction<String, String, Codec> codecOf) {
    List<SelectableMapping> ids = new ArrayList<>();
    target.getIdentifierMapping().forEachSelectable((i, s) -> ids.add(s));
    List<SelectableMapping> keys = new ArrayList<>();
    List<SelectableMapping> targets = new ArrayList<>();
    if (fk != null) {
      fk.getKeyPart().forEachSelectable((i, s) -> keys.add(s));
      fk.getTargetPart().forEachSelectable((i, s) -> targets.add(s));
    }
    List<EntityLayout.Member> parts = new ArrayList<>();
    for (SelectableMapping id : ids) {
      SelectableMapping k = fk == null ? id : null;
      for (int i = 0; i < targets.size() && i < keys.size(); i++) {
        if (targets.get(i).getSelectionExpression().equals(id.getSelectionExpression())) {
          k = keys.get(i);
        }
      }
      Codec codec = k == null ? null : codecOf.apply(table, k.getSelectionExpression());
      if (codec == null || k.isFormula() || !table.equals(k.getContainingTableExpression())) {
        return Optional.empty();
      }
      parts.add(
          new EntityLayout.Member(
              null,
              TableModel.unquote(k.getSelectionExpression()),
              codec.spec(),
              null,
              null,
              null,
              false));
    }
    if (parts.size() < 2) {
      return Optional.empty();
    }
    return Optional.of(
        new EntityLayout.Member(
            null,
            null,
            null,
            target.getMappedJavaType().getJavaTypeClass().getName(),
            null,
            null,
            false,
            null,
            parts));
  }

  /** The {@code @OrderBy} value on the field or getter of {@code attribute}, or null. */
  private static String orderBy(Class<?> declaring, String attribute) {
    for (Class<?> c = declaring; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        OrderBy o = c.getDeclaredField(attribute).getAnnotation(OrderBy.class);
        if (o != null) {
          return o.value();
        }
      } catch (NoSuchFieldException e) {
        // a getter, or a superclass
      }
      String cap = Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
      for (Method g : c.getDeclaredMethods()) {
        if ((g.getName().equals("get" + cap) || g.getName().equals("is" + cap))
            && g.getParameterCount() == 0
            && g.getAnnotation(OrderBy.class) != null) {
          return g.getAnnotation(OrderBy.class).value();
        }
      }
    }
    return null;
  }

  /**
   * The columns of an {@code @OrderBy} ({@code "", "lat desc, lon"}) over the element's own
   * columns: a basic element's value, an embeddable's parts, a many-to-many target's id (the join
   * table's column). False for anything else (a target's other attributes need a join).
   */
  private static boolean orderColumns(
      String spec,
      EntityLayout.Member element,
      Map<String, String> ids,
      Function<String, String> targetColumn,
      List<String> out) {
    for (String item : spec.isBlank() ? new String[] {""} : spec.split(",", -1)) {
      String[] words = item.trim().split("\\s+");
      String path = words[0];
      String direction = "";
      if (words.length == 2 && words[1].equalsIgnoreCase("desc")) {
        direction = " desc";
      } else if (words.length > 2 || (words.length == 2 && !words[1].equalsIgnoreCase("asc"))) {
        return false;
      }
      String column = null;
      if (element.isComposite()) {
        column = partColumn(element, path);
      } else if (path.isEmpty() || element.target() != null) {
        // a basic element by its value; a target by its id (what an empty @OrderBy means)
        column = path.isEmpty() || path.equals(ids.get(element.target())) ? element.column() : null;
      }
      if (column == null && element.target() != null) {
        column = targetColumn.apply(path); // a one-to-many's target's own column
      }
      if (column == null) {
        return false;
      }
      out.add(column + direction);
    }
    return true;
  }

  private static String partColumn(EntityLayout.Member m, String path) {
    int dot = path.indexOf('.');
    String head = dot < 0 ? path : path.substring(0, dot);
    for (EntityLayout.Member p : m.parts()) {
      if (p.attribute().equals(head)) {
        if (dot < 0) {
          return p.isComposite() ? null : p.column();
        }
        return p.isComposite() ? partColumn(p, path.substring(dot + 1)) : null;
      }
    }
    return null;
  }

  /**
   * The id: basic, an {@code @EmbeddedId} (an embedded member, its to-one parts recorded as for an
   * embeddable) or an {@code @IdClass} (a member without an attribute, its parts set on the entity,
   * a to-one part recorded as its foreign key column and target); empty for any other (several
   * {@code Id}s without an id class).
   */
  private static Optional<EntityLayout.Member> id(
      EntityIdentifierMapping id, String table, BiFunction<String, String, Codec> codecOf) {
    if (id instanceof BasicEntityIdentifierMapping b) {
      if (b.isFormula() || !table.equals(b.getContainingTableExpression())) {
        return Optional.empty();
      }
      return member(
          b.getAttributeName(), b, null, b.getPropertyAccess().getSetter(), table, codecOf);
    }
    if (id instanceof NonAggregatedIdentifierMapping n) {
      if (n.getIdClassEmbeddable() == null) {
        return Optional.empty();
      }
      EmbeddableMappingType onEntity = n.getVirtualIdEmbeddable();
      // JPA's derived identity (an @Id to-one) is a part like a column: its foreign key column,
      // whose value is what the id class holds.
      Optional<List<EntityLayout.Member>> parts = parts(onEntity, table, codecOf, false, true);
      return parts.map(
          x ->
              new EntityLayout.Member(
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  false,
                  n.getIdClassEmbeddable().getMappedJavaType().getJavaTypeClass().getName(),
                  x));
    }
    if (id instanceof CompositeIdentifierMapping c
        && id instanceof SingleAttributeIdentifierMapping s) {
      // Its to-ones are parts like an embeddable's: a foreign key column and a target.
      return embedded(s.getAttributeName(), c, s.getPropertyAccess(), table, codecOf, true);
    }
    return Optional.empty();
  }

  /** A basic attribute, a to-one to a primary key, or an embeddable of those; else empty. */
  private static Optional<EntityLayout.Member> attribute(
      AttributeMapping a, String table, BiFunction<String, String, Codec> codecOf) {
    if (a instanceof EmbeddedAttributeMapping e) {
      return embedded(a.getAttributeName(), e, a.getPropertyAccess(), table, codecOf, true);
    }
    BasicValuedModelPart part;
    String target = null;
    if (a instanceof ToOneAttributeMapping t) {
      if (t.getSideNature() != ForeignKeyDescriptor.Nature.KEY || !t.isReferenceToPrimaryKey()) {
        return Optional.empty();
      }
      if (!(t.getForeignKeyDescriptor().getKeyPart() instanceof BasicValuedModelPart k)) {
        return compositeReference(t, table, codecOf);
      }
      part = k;
      target = t.getAssociatedEntityMappingType().getMappedJavaType().getJavaTypeClass().getName();
    } else if (a instanceof BasicValuedModelPart b && a.getPropertyAccess() != null) {
      part = b;
    } else {
      return Optional.empty();
    }
    if (part.isFormula() || !table.equals(part.getContainingTableExpression())) {
      return Optional.empty();
    }
    return member(
        a.getAttributeName(), part, target, a.getPropertyAccess().getSetter(), table, codecOf);
  }

  /**
   * A to-one to a composite primary key: its foreign key columns, in the order of the target's id
   * columns (the descriptor pairs key and target columns by position); empty if one is a formula or
   * in another table.
   */
  // Hibernate 7.4 marks Setter for removal, but PropertyAccess still hands out nothing else.
  @SuppressWarnings("removal")
  private static Optional<EntityLayout.Member> compositeReference(
      ToOneAttributeMapping t, String table, BiFunction<String, String, Codec> codecOf) {
    List<SelectableMapping> keys = new ArrayList<>();
    t.getForeignKeyDescriptor().getKeyPart().forEachSelectable((i, s) -> keys.add(s));
    List<EntityLayout.Member> parts = new ArrayList<>();
    for (SelectableMapping s : keys) {
      Optional<EntityLayout.Member> part = column(s, null, table, codecOf);
      if (part.isEmpty()) {
        return Optional.empty();
      }
      parts.add(part.get());
    }
    Member m =
        t.getPropertyAccess() == null ? null : setterMember(t.getPropertyAccess().getSetter());
    if (m == null || parts.size() < 2) {
      return Optional.empty();
    }
    return Optional.of(
        new EntityLayout.Member(
            t.getAttributeName(),
            null,
            null,
            t.getAssociatedEntityMappingType().getMappedJavaType().getJavaTypeClass().getName(),
            m.getDeclaringClass().getName(),
            m.getName(),
            m instanceof Field,
            null,
            parts));
  }

  /**
   * An embeddable the runtime can make: a class with a no-argument constructor (not a record), not
   * polymorphic, not stored as one aggregate column, without a {@code @Parent}, its parts basic
   * columns of {@code table} or embeddables of those, and if {@code toOnes} (an attribute, not an
   * {@code @EmbeddedId}) to-ones to a primary key (basic or composite).
   */
  // Hibernate 7.4 marks Setter for removal, but PropertyAccess still hands out nothing else.
  @SuppressWarnings("removal")
  private static Optional<EntityLayout.Member> embedded(
      String attribute,
      EmbeddableValuedModelPart e,
      PropertyAccess access,
      String table,
      BiFunction<String, String, Codec> codecOf,
      boolean toOnes) {
    EmbeddableMappingType type = e.getEmbeddableTypeDescriptor();
    Class<?> c = type.getMappedJavaType().getJavaTypeClass();
    if (access == null
        || type.isPolymorphic()
        || type.getAggregateMapping() != null
        || e.getParentInjectionAttributePropertyAccess() != null
        || !constructible(c)) {
      return Optional.empty();
    }
    Member m = setterMember(access.getSetter());
    Optional<List<EntityLayout.Member>> parts = parts(type, table, codecOf, true, toOnes);
    if (m == null || parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new EntityLayout.Member(
            attribute,
            null,
            null,
            null,
            m.getDeclaringClass().getName(),
            m.getName(),
            m instanceof Field,
            c.getName(),
            parts.get()));
  }

  /**
   * The parts of an embeddable: basic (and, if {@code nested}, embedded) attributes, and if {@code
   * toOnes} to-ones, recorded as their foreign key column with its target (a target with a basic
   * id) or as a reference whose parts are the foreign key columns (a composite id: {@link
   * EntityLayout.Member#isCompositeReference()}). Embeddables nested in one that may hold to-ones
   * may hold them too.
   */
  private static Optional<List<EntityLayout.Member>> parts(
      EmbeddableMappingType type,
      String table,
      BiFunction<String, String, Codec> codecOf,
      boolean nested,
      boolean toOnes) {
    List<EntityLayout.Member> parts = new ArrayList<>();
    for (int i = 0; i < type.getNumberOfAttributeMappings(); i++) {
      AttributeMapping a = type.getAttributeMapping(i);
      if ((!toOnes && a instanceof ToOneAttributeMapping)
          || (!nested && a instanceof EmbeddedAttributeMapping)) {
        return Optional.empty();
      }
      Optional<EntityLayout.Member> m =
          a instanceof EmbeddedAttributeMapping e
              ? embedded(a.getAttributeName(), e, a.getPropertyAccess(), table, codecOf, toOnes)
              : attribute(a, table, codecOf);
      if (m.isEmpty()) {
        return Optional.empty();
      }
      parts.add(m.get());
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(parts);
  }

  private static boolean constructible(Class<?> c) {
    if (c.isRecord() || c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
      return false;
    }
    try {
      return c.getDeclaredConstructor() != null;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  @SuppressWarnings("removal")
  private static Member setterMember(Setter setter) {
    return setter instanceof SetterFieldImpl f ? f.getField() : setter.getMethod();
  }

  // Hibernate 7.4 marks Setter for removal, but PropertyAccess still hands out nothing else.
  @SuppressWarnings("removal")
  private static Optional<EntityLayout.Member> member(
      String attribute,
      BasicValuedModelPart part,
      String target,
      Setter setter,
      String table,
      BiFunction<String, String, Codec> codecOf) {
    Codec codec = codecOf.apply(table, part.getSelectionExpression());
    if (codec == null) {
      return Optional.empty();
    }
    String column = TableModel.unquote(part.getSelectionExpression());
    Member m = setterMember(setter);
    if (m == null) {
      return Optional.empty();
    }
    return Optional.of(
        new EntityLayout.Member(
            attribute,
            column,
            codec.spec(),
            target,
            m.getDeclaringClass().getName(),
            m.getName(),
            m instanceof Field));
  }
}
