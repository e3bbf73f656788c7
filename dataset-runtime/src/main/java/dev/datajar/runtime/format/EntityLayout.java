package dev.datajar.runtime.format;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.SQLRestriction;

/**
 * Everything the runtime needs to read one entity without Hibernate, recorded by the builder in the
 * manifest: its table, and for its id and each attribute the column, the {@link Codec} and how the
 * value is set on an instance.
 *
 * <p>Entities with a layout: one table, no inheritance, formulas or {@code PostLoad} callbacks; an
 * id that is basic, an {@code @EmbeddedId} of basic parts or an {@code @IdClass} of basic parts and
 * to-ones; basic attributes, {@code @Embeddable} attributes of basic parts and to-ones (nested
 * too), to-one references to the primary key of another entity with a layout, and collections as
 * sets, lists, maps, sorted sets or sorted maps ({@link CollectionLayout}). Hibernate reads the
 * others.
 *
 * <p>An entity is <em>plain</em> when its id is basic and it has no embeddables: the layouts every
 * runtime since the first one reads. The others use {@link Member#parts()}, which older runtimes do
 * not know; the manifest keeps them apart so those runtimes read such entities through Hibernate,
 * as before ({@code ManifestJson}).
 *
 * @param entity the entity class's name
 * @param table its table in the file
 * @param id the id attribute: basic, or composite ({@link Member#isComposite()}): an
 *     {@code @EmbeddedId} (an embedded member), or for an {@code @IdClass} a member without an
 *     attribute whose {@link Member#embeddable()} is the id class and whose parts are the entity's
 *     {@code @Id} attributes
 * @param attributes the other attributes, in Hibernate's order
 * @param collections the {@code @ElementCollection}, {@code @ManyToMany} and {@code @OneToMany}
 *     attributes, each read from its own table by a second query per batch of entities
 * @param restriction the SQL of the entity's class-level {@code @SQLRestriction} as Hibernate
 *     renders it, its column references qualified by {@link CollectionLayout#ALIAS}: every read of
 *     the table keeps only the rows where it holds (a lookup by id, a search, a join of a to-one);
 *     else {@code null} ({@link #restricted()})
 * @param postLoad the entity has {@code @PostLoad} callbacks, which the runtime finds ({@link
 *     PostLoadCallbacks}) and calls on every object it builds; runtimes before them would not, so
 *     the manifest keeps these layouts apart
 */
public record EntityLayout(
    String entity,
    String table,
    Member id,
    List<Member> attributes,
    List<CollectionLayout> collections,
    String restriction,
    boolean postLoad) {
  /**
   * The class-level {@code @SQLRestriction}s of an entity class and its superclasses, nearest
   * first: what the builder records as {@link #restriction()} (when there is exactly one) and what
   * the Hibernate path joins for (docs/queries.md, S9).
   */
  public static List<SQLRestriction> classRestrictions(Class<?> entity) {
    List<SQLRestriction> found = new ArrayList<>();
    for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
      SQLRestriction r = c.getDeclaredAnnotation(SQLRestriction.class);
      if (r != null) {
        found.add(r);
      }
    }
    return found;
  }

  public EntityLayout {
    attributes = List.copyOf(attributes);
    collections = List.copyOf(collections);
  }

  /** A layout without a class-level restriction or callbacks. */
  public EntityLayout(
      String entity,
      String table,
      Member id,
      List<Member> attributes,
      List<CollectionLayout> collections) {
    this(entity, table, id, attributes, collections, null, false);
  }

  /** A layout without collections. */
  public EntityLayout(String entity, String table, Member id, List<Member> attributes) {
    this(entity, table, id, attributes, List.of());
  }

  /**
   * True if the entity has a class-level {@code @SQLRestriction} ({@link #restriction}): runtimes
   * before it would read the rows it excludes, so the manifest keeps these layouts apart.
   */
  public boolean restricted() {
    return restriction != null;
  }

  /**
   * True if the id is basic and no attribute is embedded or a collection: what every runtime reads.
   */
  public boolean plain() {
    return !id.isComposite()
        && attributes.stream().allMatch(m -> m.parts().isEmpty())
        && collections.isEmpty();
  }

  /**
   * True if a collection needs a runtime that reads maps and sorted collections ({@link
   * CollectionLayout#later()}).
   */
  public boolean later() {
    return collections.stream().anyMatch(CollectionLayout::later);
  }

  /**
   * True if a part of the id or of an embedded attribute is a to-one (a member with a {@link
   * Member#target()} among {@link Member#parts()} of a composite): runtimes before such parts would
   * set a foreign key where an entity belongs, so the manifest keeps these layouts apart.
   */
  public boolean toOneParts() {
    return id.hasToOnePart() || attributes.stream().anyMatch(Member::hasToOnePart);
  }

  /**
   * True if a part of the id, of an embedded attribute or of a collection's element or map key is a
   * to-one to a composite key ({@link Member#hasCompositeReferencePart()}): runtimes before such
   * parts would read its foreign key as one column, so the manifest keeps these layouts apart
   * again.
   */
  public boolean compositeReferenceParts() {
    if (id.hasCompositeReferencePart()
        || attributes.stream().anyMatch(Member::hasCompositeReferencePart)) {
      return true;
    }
    for (CollectionLayout c : collections) {
      if (c.element().hasCompositeReferencePart()
          || (c.mapKey() != null && c.mapKey().hasCompositeReferencePart())) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if an attribute is the inverse side of a one-to-one (a collection of kind {@link
   * CollectionLayout#ONE}): runtimes before it would set a list where an entity belongs, so the
   * manifest keeps these layouts apart again.
   */
  public boolean inverseOnes() {
    return collections.stream().anyMatch(c -> c.kind().equals(CollectionLayout.ONE));
  }

  /**
   * True if a to-one joins its target on a unique column other than the target's id ({@link
   * Member#referencesOther()}): runtimes before it would look the value up as the target's id, so
   * the manifest keeps these layouts apart again.
   */
  public boolean otherKeys() {
    return attributes.stream().anyMatch(Member::referencesOther);
  }

  /** True if the id is an {@code @IdClass}: its parts are attributes of the entity itself. */
  public boolean idClass() {
    return id.isComposite() && id.attribute() == null;
  }

  /** Every member that names a column: the id's parts and the attributes', depth first. */
  public List<Member> columns() {
    List<Member> out = new ArrayList<>();
    id.addColumns(out);
    attributes.forEach(a -> a.addColumns(out));
    return out;
  }

  /** The entities this one's to-ones (in its columns) and collection elements lead to. */
  public List<String> targets() {
    List<String> out = new ArrayList<>();
    columns().forEach(c -> addTarget(c.target(), out));
    for (CollectionLayout c : collections) {
      for (Member m :
          c.mapKey() == null ? List.of(c.element()) : List.of(c.element(), c.mapKey())) {
        addTarget(m.target(), out);
        if (m.isComposite()) { // an embeddable element's or key's to-one parts
          List<Member> parts = new ArrayList<>();
          m.addColumns(parts);
          parts.forEach(p -> addTarget(p.target(), out));
        }
      }
    }
    return out;
  }

  private static void addTarget(String target, List<String> out) {
    if (target != null) {
      out.add(target);
    }
  }

  /**
   * A collection attribute of an entity: its rows in {@code table}, found by {@code keyColumn} (or
   * {@code keyParts}: the owner's id), in the order Hibernate gives them.
   *
   * @param attribute its name
   * @param declaringClass the class that declares the field or setter
   * @param setter the field's name, or the setter method's name
   * @param field true if set through the field
   * @param kind {@code "set"} (a {@code LinkedHashSet}, in the order read) or {@code "list"} (an
   *     {@code ArrayList})
   * @param table the collection or join table
   * @param keyColumn its column holding the owner's basic id; {@code null} for a composite id's
   * @param keyCodec that column's codec, or {@code null}
   * @param keyParts for an owner with a composite id, the columns holding it (no attribute), in the
   *     order of the owner's id columns; else empty
   * @param element the element (no attribute): a column, an embeddable of parts, or for a {@code
   *     ManyToMany} the join table's column holding the target's id ({@link Member#target()}); for
   *     a {@code OneToMany}, {@code table} is the target's (or its join table) and this its id
   *     column there
   * @param orderBy the columns of {@code table} the elements are ordered by, each optionally
   *     followed by {@code " desc"}: an {@code @OrderColumn}, the columns an {@code @OrderBy}
   *     names, else the element's columns; a column of a many-to-many's target table is written
   *     {@code "target.column"} ({@link #TARGET})
   * @param mapKey for a map ({@code kind} {@code "map"}), the column holding the key, with its
   *     codec: a column of {@code table} ({@code @MapKeyColumn}), or with {@link Member#target()}
   *     set, of the target entity's table ({@code @MapKey}); or an embeddable of columns of {@code
   *     table} ({@link Member#isComposite()}); or an entity ({@code @MapKeyJoinColumn}, {@link
   *     Member#isCompositeReference()}: its id's columns in {@code table} as parts, one for a basic
   *     id); else {@code null}
   * @param sort for a sorted set or map, {@code "natural"} ({@code @SortNatural}) or the class name
   *     of the comparator ({@code @SortComparator}); else {@code null}
   * @param restriction the SQL of a {@code @SQLRestriction} on the rows of {@code table}, its
   *     column references qualified by {@link #ALIAS} (for a many-to-many: the target's table; a
   *     {@code @SQLJoinTableRestriction}'s by {@link #JOIN_ALIAS}, the join table); else {@code
   *     null}
   */
  public record CollectionLayout(
      String attribute,
      String declaringClass,
      String setter,
      boolean field,
      String kind,
      String table,
      String keyColumn,
      String keyCodec,
      List<Member> keyParts,
      Member element,
      List<String> orderBy,
      Member mapKey,
      String sort,
      String restriction) {
    /**
     * The {@link #kind} of the inverse side of a one-to-one ({@code mappedBy}): the target's row
     * whose foreign key ({@link #keyColumn} or {@link #keyParts}, in the target's own {@link
     * #table}) holds the owner's id, or null if none. The others are {@code set}, {@code list} and
     * {@code map}.
     */
    public static final String ONE = "one";

    /** The prefix of an {@link #orderBy} column of a many-to-many's target table. */
    public static final String TARGET = "target.";

    /** What stands for the table's alias in a {@link #restriction}. */
    public static final String ALIAS = "{alias}";

    /**
     * What stands for a many-to-many's join table's alias in a {@link #restriction} (a {@code
     * SQLJoinTableRestriction}), where {@link #ALIAS} is the target's table.
     */
    public static final String JOIN_ALIAS = "{joinAlias}";

    public CollectionLayout {
      keyParts = List.copyOf(keyParts);
      orderBy = List.copyOf(orderBy);
    }

    /** A set or list (neither map, sorted nor restricted). */
    public CollectionLayout(
        String attribute,
        String declaringClass,
        String setter,
        boolean field,
        String kind,
        String table,
        String keyColumn,
        String keyCodec,
        List<Member> keyParts,
        Member element,
        List<String> orderBy) {
      this(
          attribute,
          declaringClass,
          setter,
          field,
          kind,
          table,
          keyColumn,
          keyCodec,
          keyParts,
          element,
          orderBy,
          null,
          null,
          null);
    }

    /**
     * True if runtimes before maps and sorted collections cannot read it: a map, a sorted
     * collection, a restriction, an order through a many-to-many's target, a target with a
     * composite id, or an embeddable element holding a to-one. The manifest keeps layouts with such
     * a collection apart ({@code ManifestJson}), so those runtimes read them through Hibernate.
     */
    public boolean later() {
      return mapKey != null
          || sort != null
          || restriction != null
          || orderBy.stream().anyMatch(o -> o.startsWith(TARGET))
          || element.isCompositeReference()
          || element.hasToOnePart();
    }

    /** A collection of an owner with a basic id. */
    public CollectionLayout(
        String attribute,
        String declaringClass,
        String setter,
        boolean field,
        String kind,
        String table,
        String keyColumn,
        String keyCodec,
        Member element,
        List<String> orderBy) {
      this(
          attribute,
          declaringClass,
          setter,
          field,
          kind,
          table,
          keyColumn,
          keyCodec,
          List.of(),
          element,
          orderBy);
    }

    /** The columns holding the owner's id: {@link #keyColumn}, or a composite id's. */
    public List<String> keyColumns() {
      return keyParts.isEmpty()
          ? List.of(keyColumn)
          : keyParts.stream().map(Member::column).toList();
    }
  }

  /**
   * One attribute: a column, or an embeddable of {@link #parts()}.
   *
   * @param attribute its name ({@code null} for the virtual id of an {@code @IdClass})
   * @param column its column (for a to-one, the foreign key column); {@code null} for an embeddable
   * @param codec the {@link Codec#spec()} of the column (for a to-one, the target's id codec);
   *     {@code null} for an embeddable
   * @param target for a to-one, the target entity class's name; else {@code null}
   * @param declaringClass the class that declares the field or setter
   * @param setter the field's name, or the setter method's name
   * @param field true if set through the field, false through the setter method
   * @param embeddable for an embeddable (or the id class of an {@code @IdClass}), its class's name;
   *     else {@code null}
   * @param parts an embeddable's attributes, in Hibernate's order (each declared by the embeddable,
   *     or for an {@code @IdClass} by the entity); for a to-one to a composite key, its foreign key
   *     columns (no attribute) in the order of the target's id columns; empty for a column
   */
  public record Member(
      String attribute,
      String column,
      String codec,
      String target,
      String declaringClass,
      String setter,
      boolean field,
      String embeddable,
      List<Member> parts,
      String targetColumn) {
    public Member {
      parts = List.copyOf(parts);
    }

    /** A member whose to-one (if it is one) references its target's id. */
    public Member(
        String attribute,
        String column,
        String codec,
        String target,
        String declaringClass,
        String setter,
        boolean field,
        String embeddable,
        List<Member> parts) {
      this(
          attribute, column, codec, target, declaringClass, setter, field, embeddable, parts, null);
    }

    /** A column. */
    public Member(
        String attribute,
        String column,
        String codec,
        String target,
        String declaringClass,
        String setter,
        boolean field) {
      this(attribute, column, codec, target, declaringClass, setter, field, null, List.of());
    }

    /** True for an embeddable or a composite id: {@link #parts()} instead of a column. */
    public boolean isComposite() {
      return embeddable != null;
    }

    /**
     * True for a to-one that joins its target on a unique column other than its id ({@code
     * referencedColumnName}): {@link #column()} holds that column's value, {@link #targetColumn()}
     * names it in the target's table.
     */
    public boolean referencesOther() {
      return targetColumn != null;
    }

    /** True for a to-one whose target has a composite id: its key columns are {@link #parts()}. */
    public boolean isCompositeReference() {
      return target != null && !parts.isEmpty();
    }

    /** True for a composite with a to-one among its parts (nested parts too). */
    public boolean hasToOnePart() {
      return isComposite() && parts.stream().anyMatch(p -> p.target != null || p.hasToOnePart());
    }

    /** True for a composite with a to-one to a composite key among its parts (nested parts too). */
    public boolean hasCompositeReferencePart() {
      return isComposite()
          && parts.stream()
              .anyMatch(p -> p.isCompositeReference() || p.hasCompositeReferencePart());
    }

    /** The column names of this member (its parts', depth first). */
    public void columns(List<String> out) {
      if (isComposite() || isCompositeReference()) {
        parts.forEach(p -> p.columns(out));
      } else {
        out.add(column);
      }
    }

    private void addColumns(List<Member> out) {
      if (isCompositeReference()) {
        parts.forEach(p -> out.add(new Member(null, p.column, p.codec, target, null, null, false)));
      } else if (isComposite()) {
        parts.forEach(p -> p.addColumns(out));
      } else {
        out.add(this);
      }
    }
  }
}
