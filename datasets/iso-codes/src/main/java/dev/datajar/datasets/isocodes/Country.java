package dev.datajar.datasets.isocodes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A country or territory of ISO 3166-1, with its three codes and its names.
 *
 * <p>The alpha-2 code is the primary key: it is the code people look up most, it is what
 * subdivision codes start with ({@code GB-SCT}), so the foreign key in {@code subdivision} is
 * readable as it stands, and at 249 rows a text key costs nothing measurable. Alpha-3 and the
 * numeric code have unique indexes of their own.
 *
 * <p>The numeric code stays text ({@code "004"}): ISO defines it as three digits with leading
 * zeros, and the source writes it that way.
 */
@Entity
@Table(
    name = "country",
    indexes = {
      @Index(name = "country_alpha_3", columnList = "alpha_3", unique = true),
      @Index(name = "country_numeric", columnList = "numeric", unique = true)
    })
public class Country implements IsoCodes {
  @Id
  @Column(name = "alpha_2", length = 2)
  private String alpha2;

  @Column(name = "alpha_3", nullable = false, length = 3)
  private String alpha3;

  @Column(name = "numeric", nullable = false, length = 3)
  private String numericCode;

  /** The short name in English, as ISO writes it ({@code Korea, Republic of}). */
  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "official_name")
  private String officialName;

  @Column(name = "common_name")
  private String commonName;

  /** The flag emoji: two regional indicator symbols, outside the Basic Multilingual Plane. */
  @Column(name = "flag")
  private String flag;

  protected Country() {}

  public String getAlpha2() {
    return alpha2;
  }

  public String getAlpha3() {
    return alpha3;
  }

  /** The three-digit numeric code with its leading zeros, e.g. {@code "004"}. */
  public String getNumericCode() {
    return numericCode;
  }

  public String getName() {
    return name;
  }

  /** The official name, or {@code null} where ISO gives none. */
  public String getOfficialName() {
    return officialName;
  }

  /** The name in common use ({@code South Korea}), or {@code null} where ISO gives none. */
  public String getCommonName() {
    return commonName;
  }

  public String getFlag() {
    return flag;
  }

  @Override
  public String toString() {
    return "Country[" + alpha2 + ", " + alpha3 + ", " + numericCode + ", " + name + "]";
  }
}
