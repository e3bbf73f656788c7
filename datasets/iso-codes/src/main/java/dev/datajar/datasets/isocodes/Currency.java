package dev.datajar.datasets.isocodes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A currency of ISO 4217: its alphabetic code ({@code EUR}), numeric code ({@code "978"}) and
 * English name.
 */
@Entity
@Table(
    name = "currency",
    indexes = {@Index(name = "currency_numeric", columnList = "numeric", unique = true)})
public class Currency implements IsoCodes {
  @Id
  @Column(name = "alpha_3", length = 3)
  private String alpha3;

  /** Text with leading zeros, as for {@link Country#getNumericCode()}. */
  @Column(name = "numeric", nullable = false, length = 3)
  private String numericCode;

  @Column(name = "name", nullable = false)
  private String name;

  protected Currency() {}

  public String getAlpha3() {
    return alpha3;
  }

  public String getNumericCode() {
    return numericCode;
  }

  public String getName() {
    return name;
  }

  @Override
  public String toString() {
    return "Currency[" + alpha3 + ", " + numericCode + ", " + name + "]";
  }
}
