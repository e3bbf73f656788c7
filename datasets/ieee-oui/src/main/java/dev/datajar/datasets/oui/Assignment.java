package dev.datajar.datasets.oui;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.util.Objects;

/**
 * A block of MAC addresses that the IEEE assigned to an organisation: the prefix ({@code
 * assignment}, upper-case hex) and who holds it.
 *
 * <p>The four registries share these columns and live in four tables ({@link LargeBlock}, {@link
 * MediumBlock}, {@link SmallBlock}, {@link IabBlock}), one per published file.
 *
 * <p>The primary key is the prefix <em>and</em> the organisation name: the MA-L file assigns {@code
 * 080030} to three organisations and {@code 0001C8} to two (historic double assignments), so the
 * prefix alone is not unique. The key still starts with the prefix, so its index serves lookups by
 * prefix.
 */
@MappedSuperclass
@IdClass(Assignment.Key.class)
public abstract class Assignment implements IeeeOui {
  @Id
  @Column(name = "assignment", length = 9)
  private String assignment;

  /** As published, untrimmed: 497 names carry leading or trailing spaces or tabs. */
  @Id
  @Column(name = "organization_name")
  private String organizationName;

  @Convert(converter = Registry.Label.class)
  @Column(name = "registry", nullable = false, length = 4)
  private Registry registry;

  /** The postal address as published (may span lines), or {@code null} ("Private" blocks). */
  @Column(name = "organization_address")
  private String organizationAddress;

  protected Assignment() {}

  /** The prefix in upper-case hex: 6, 7 or 9 digits depending on the registry. */
  public String getAssignment() {
    return assignment;
  }

  public String getOrganizationName() {
    return organizationName;
  }

  public Registry getRegistry() {
    return registry;
  }

  public String getOrganizationAddress() {
    return organizationAddress;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "["
        + registry.label()
        + " "
        + assignment
        + ", "
        + organizationName
        + "]";
  }

  /** The primary key of an assignment: prefix and organisation name. */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String assignment;
    private String organizationName;

    public Key() {}

    public Key(String assignment, String organizationName) {
      this.assignment = assignment;
      this.organizationName = organizationName;
    }

    public String getAssignment() {
      return assignment;
    }

    public String getOrganizationName() {
      return organizationName;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(assignment, k.assignment)
          && Objects.equals(organizationName, k.organizationName);
    }

    @Override
    public int hashCode() {
      return Objects.hash(assignment, organizationName);
    }
  }
}
