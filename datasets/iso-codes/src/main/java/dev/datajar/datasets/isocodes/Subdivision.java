package dev.datajar.datasets.isocodes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A subdivision of a country in ISO 3166-2 (a state, region, province, parish...), with its country
 * and, for the 1,412 that sit inside another, its parent subdivision.
 *
 * <p>The source only gives the code ({@code GB-ABC}) and an optional parent ({@code GB-NIR} or just
 * {@code NIR}); {@link SubdivisionRows} derives both foreign keys from them at build time.
 */
@Entity
@Table(
    name = "subdivision",
    indexes = {
      @Index(name = "subdivision_country", columnList = "country"),
      @Index(name = "subdivision_parent", columnList = "parent")
    })
public class Subdivision implements IsoCodes {
  /** The full code: country alpha-2, a hyphen, then one to three letters or digits. */
  @Id
  @Column(name = "code", length = 6)
  private String code;

  @Column(name = "name", nullable = false)
  private String name;

  /** What kind of subdivision it is, as ISO names it ({@code Parish}, {@code Council area}). */
  @Column(name = "type", nullable = false)
  private String type;

  @ManyToOne(optional = false)
  @JoinColumn(name = "country", nullable = false)
  private Country country;

  @ManyToOne
  @JoinColumn(name = "parent")
  private Subdivision parent;

  protected Subdivision() {}

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getType() {
    return type;
  }

  public Country getCountry() {
    return country;
  }

  /** The subdivision this one is part of, or {@code null} for a top-level one. */
  public Subdivision getParent() {
    return parent;
  }

  @Override
  public String toString() {
    return "Subdivision[" + code + ", " + name + ", " + type + "]";
  }
}
