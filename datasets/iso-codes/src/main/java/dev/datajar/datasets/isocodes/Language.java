package dev.datajar.datasets.isocodes;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A language of ISO 639-3: its three-letter code, the two-letter ISO 639-1 code and the ISO 639-2/B
 * bibliographic code where it has them, its names, scope and type.
 *
 * <p>The three-letter code is the primary key; the two-letter and bibliographic codes are indexed
 * (unique where present; most languages have neither).
 */
@Entity
@Table(
    name = "language",
    indexes = {
      @Index(name = "language_alpha_2", columnList = "alpha_2", unique = true),
      @Index(name = "language_bibliographic", columnList = "bibliographic", unique = true)
    })
public class Language implements IsoCodes {
  @Id
  @Column(name = "alpha_3", length = 3)
  private String alpha3;

  @Column(name = "alpha_2", length = 2)
  private String alpha2;

  @Column(name = "bibliographic", length = 3)
  private String bibliographic;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "common_name")
  private String commonName;

  /** The name turned around for sorting: {@code Albanian, Arbëreshë}. */
  @Column(name = "inverted_name")
  private String invertedName;

  @Convert(converter = LanguageScope.Letter.class)
  @Column(name = "scope", nullable = false, length = 1)
  private LanguageScope scope;

  @Convert(converter = LanguageType.Letter.class)
  @Column(name = "type", nullable = false, length = 1)
  private LanguageType type;

  protected Language() {}

  public String getAlpha3() {
    return alpha3;
  }

  /** The ISO 639-1 code ({@code fr}), or {@code null}: only 184 languages have one. */
  public String getAlpha2() {
    return alpha2;
  }

  /**
   * The ISO 639-2/B code where it differs from alpha-3 ({@code fre} for {@code fra}), or {@code
   * null}.
   */
  public String getBibliographic() {
    return bibliographic;
  }

  public String getName() {
    return name;
  }

  public String getCommonName() {
    return commonName;
  }

  public String getInvertedName() {
    return invertedName;
  }

  public LanguageScope getScope() {
    return scope;
  }

  public LanguageType getType() {
    return type;
  }

  @Override
  public String toString() {
    return "Language[" + alpha3 + ", " + name + ", " + scope + ", " + type + "]";
  }
}
