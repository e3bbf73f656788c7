package dev.datajar.runtime.format;

import java.util.List;

/**
 * Everything the runtime needs to read one entity without Hibernate, recorded by the builder in the
 * manifest: its table, and for its id and each attribute the column, the {@link Codec} and how the
 * value is set on an instance.
 *
 * <p>Only plain entities have a layout: one table, a single basic id, basic attributes and to-one
 * references to the primary key of another plain entity, no collections, embeddables, inheritance,
 * formulas, versions or {@code @PostLoad} callbacks. Hibernate reads the others.
 *
 * @param entity the entity class's name
 * @param table its table in the file
 * @param id the id attribute
 * @param attributes the other attributes, in Hibernate's order
 */
public record EntityLayout(String entity, String table, Member id, List<Member> attributes) {
  public EntityLayout {
    attributes = List.copyOf(attributes);
  }

  /**
   * One attribute.
   *
   * @param attribute its name
   * @param column its column (for a to-one, the foreign key column)
   * @param codec the {@link Codec#spec()} of the column (for a to-one, the target's id codec)
   * @param target for a to-one, the target entity class's name; else {@code null}
   * @param declaringClass the class that declares the field or setter
   * @param setter the field's name, or the setter method's name
   * @param field true if set through the field, false through the setter method
   */
  public record Member(
      String attribute,
      String column,
      String codec,
      String target,
      String declaringClass,
      String setter,
      boolean field) {}
}
