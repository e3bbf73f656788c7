package dev.datajar.runtime.format;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.event.spi.CallbackType;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicEntityIdentifierMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.property.access.spi.Setter;
import org.hibernate.property.access.spi.SetterFieldImpl;

/**
 * Reads the {@link EntityLayout} of each plain entity out of Hibernate's run-time mapping, on the
 * build side, so that the runtime can read those entities without Hibernate.
 *
 * <p>Plain means what the runtime's reader can do alone: a single table, a basic id, basic
 * attributes and to-one references to the primary key of another plain entity; no collections,
 * embeddables, inheritance, formulas, versions, bytecode enhancement or {@code @PostLoad}. Every
 * attribute is set through the same field or setter Hibernate uses.
 */
final class LayoutReader {
  private LayoutReader() {}

  /**
   * The layouts of the plain entities; an entity whose to-one target is not plain is left out too,
   * repeatedly, so every layout's targets have layouts.
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
      List<String> plain = layouts.stream().map(EntityLayout::entity).toList();
      changed =
          layouts.removeIf(
              l ->
                  l.attributes().stream()
                      .anyMatch(a -> a.target() != null && !plain.contains(a.target())));
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
        || !(p.getIdentifierMapping() instanceof BasicEntityIdentifierMapping id)
        || sf.getEventEngine()
            .getCallbackRegistry()
            .hasRegisteredCallbacks(p.getMappedClass(), CallbackType.POST_LOAD)) {
      return Optional.empty();
    }
    String table = p.getTableName();
    if (id.isFormula() || !table.equals(id.getContainingTableExpression())) {
      return Optional.empty();
    }
    Optional<EntityLayout.Member> idMember =
        member(id.getAttributeName(), id, null, id.getPropertyAccess().getSetter(), table, codecOf);
    List<EntityLayout.Member> members = new ArrayList<>();
    for (int i = 0; i < p.getNumberOfAttributeMappings(); i++) {
      AttributeMapping a = p.getAttributeMapping(i);
      BasicValuedModelPart part;
      String target = null;
      if (a instanceof ToOneAttributeMapping t) {
        if (t.getSideNature() != ForeignKeyDescriptor.Nature.KEY
            || !t.isReferenceToPrimaryKey()
            || !(t.getForeignKeyDescriptor().getKeyPart() instanceof BasicValuedModelPart k)) {
          return Optional.empty();
        }
        part = k;
        target =
            t.getAssociatedEntityMappingType().getMappedJavaType().getJavaTypeClass().getName();
      } else if (a instanceof BasicValuedModelPart b && a.getPropertyAccess() != null) {
        part = b;
      } else {
        return Optional.empty();
      }
      if (part.isFormula() || !table.equals(part.getContainingTableExpression())) {
        return Optional.empty();
      }
      Optional<EntityLayout.Member> m =
          member(
              a.getAttributeName(),
              part,
              target,
              a.getPropertyAccess().getSetter(),
              table,
              codecOf);
      if (m.isEmpty()) {
        return Optional.empty();
      }
      members.add(m.get());
    }
    return idMember.map(
        i -> new EntityLayout(p.getMappedClass().getName(), TableModel.unquote(table), i, members));
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
    Member m = setter instanceof SetterFieldImpl f ? f.getField() : setter.getMethod();
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
