package dev.datajar.runtime.format;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.event.spi.CallbackType;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicEntityIdentifierMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.CompositeIdentifierMapping;
import org.hibernate.metamodel.mapping.EmbeddableMappingType;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.EntityIdentifierMapping;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.NonAggregatedIdentifierMapping;
import org.hibernate.metamodel.mapping.VirtualModelPart;
import org.hibernate.metamodel.mapping.internal.EmbeddedAttributeMapping;
import org.hibernate.metamodel.mapping.internal.SingleAttributeIdentifierMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.property.access.spi.PropertyAccess;
import org.hibernate.property.access.spi.Setter;
import org.hibernate.property.access.spi.SetterFieldImpl;

/**
 * Reads the {@link EntityLayout} of each entity the runtime can read alone out of Hibernate's
 * run-time mapping, on the build side, so that the runtime can read those entities without
 * Hibernate.
 *
 * <p>That is: a single table; a basic id, an {@code @EmbeddedId} or an {@code @IdClass} of basic
 * parts; basic attributes, embeddables of basic parts (nested too) and to-one references to the
 * primary key of another such entity; no collections, inheritance, formulas, versions, bytecode
 * enhancement or {@code @PostLoad}. Every attribute is set through the same field or setter
 * Hibernate uses.
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
      SessionFactoryImplementor sf, BiFunction<String, String, Codec> codecOf) {
    List<EntityLayout> layouts = new ArrayList<>();
    sf.getMappingMetamodel()
        .forEachEntityDescriptor(p -> layout(sf, p, codecOf).ifPresent(layouts::add));
    boolean changed = true;
    while (changed) {
      List<String> readable = layouts.stream().map(EntityLayout::entity).toList();
      changed =
          layouts.removeIf(
              l ->
                  l.columns().stream()
                      .anyMatch(a -> a.target() != null && !readable.contains(a.target())));
    }
    layouts.sort((a, b) -> a.entity().compareTo(b.entity()));
    return layouts;
  }

  private static Optional<EntityLayout> layout(
      SessionFactoryImplementor sf, EntityPersister p, BiFunction<String, String, Codec> codecOf) {
    if (p.hasSubclasses()
        || p.getSuperMappingType() != null
        || p.hasCollections()
        || p.isInstrumented()
        || p.getVersionMapping() != null
        || sf.getEventEngine()
            .getCallbackRegistry()
            .hasRegisteredCallbacks(p.getMappedClass(), CallbackType.POST_LOAD)) {
      return Optional.empty();
    }
    String table = p.getTableName();
    Optional<EntityLayout.Member> idMember = id(p.getIdentifierMapping(), table, codecOf);
    if (idMember.isEmpty()) {
      return Optional.empty();
    }
    List<String> idParts = new ArrayList<>();
    idMember.get().parts().forEach(x -> idParts.add(x.attribute()));
    List<EntityLayout.Member> members = new ArrayList<>();
    for (int i = 0; i < p.getNumberOfAttributeMappings(); i++) {
      AttributeMapping a = p.getAttributeMapping(i);
      if (idMember.get().attribute() == null
          && (a instanceof VirtualModelPart || idParts.contains(a.getAttributeName()))) {
        continue; // an @IdClass's parts (and Hibernate's virtual mapper of them): with the id
      }
      Optional<EntityLayout.Member> m = attribute(a, table, codecOf);
      if (m.isEmpty()) {
        return Optional.empty();
      }
      members.add(m.get());
    }
    return Optional.of(
        new EntityLayout(
            p.getMappedClass().getName(), TableModel.unquote(table), idMember.get(), members));
  }

  /**
   * The id: basic, an {@code @EmbeddedId} (an embedded member) or an {@code @IdClass} (a member
   * without an attribute, its parts set on the entity); empty for any other (derived identities, a
   * to-one in the key, several {@code @Id}s without an id class).
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
      Optional<List<EntityLayout.Member>> parts = parts(onEntity, table, codecOf, false);
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
      return embedded(s.getAttributeName(), c, s.getPropertyAccess(), table, codecOf);
    }
    return Optional.empty();
  }

  /** A basic attribute, a to-one to a primary key, or an embeddable of those; else empty. */
  private static Optional<EntityLayout.Member> attribute(
      AttributeMapping a, String table, BiFunction<String, String, Codec> codecOf) {
    if (a instanceof EmbeddedAttributeMapping e) {
      return embedded(a.getAttributeName(), e, a.getPropertyAccess(), table, codecOf);
    }
    BasicValuedModelPart part;
    String target = null;
    if (a instanceof ToOneAttributeMapping t) {
      if (t.getSideNature() != ForeignKeyDescriptor.Nature.KEY
          || !t.isReferenceToPrimaryKey()
          || !(t.getForeignKeyDescriptor().getKeyPart() instanceof BasicValuedModelPart k)) {
        return Optional.empty();
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
   * An embeddable the runtime can make: a class with a no-argument constructor (not a record), not
   * polymorphic, not stored as one aggregate column, without a {@code @Parent}, its parts basic
   * columns of {@code table} or embeddables of those.
   */
  // Hibernate 7.4 marks Setter for removal, but PropertyAccess still hands out nothing else.
  @SuppressWarnings("removal")
  private static Optional<EntityLayout.Member> embedded(
      String attribute,
      EmbeddableValuedModelPart e,
      PropertyAccess access,
      String table,
      BiFunction<String, String, Codec> codecOf) {
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
    Optional<List<EntityLayout.Member>> parts = parts(type, table, codecOf, true);
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

  /** The parts of an embeddable: basic (and, if {@code nested}, embedded) attributes. */
  private static Optional<List<EntityLayout.Member>> parts(
      EmbeddableMappingType type,
      String table,
      BiFunction<String, String, Codec> codecOf,
      boolean nested) {
    List<EntityLayout.Member> parts = new ArrayList<>();
    for (int i = 0; i < type.getNumberOfAttributeMappings(); i++) {
      AttributeMapping a = type.getAttributeMapping(i);
      if (a instanceof ToOneAttributeMapping
          || (!nested && a instanceof EmbeddedAttributeMapping)) {
        return Optional.empty();
      }
      Optional<EntityLayout.Member> m = attribute(a, table, codecOf);
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
