package dev.datajar.it.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A label on products; read from JSON Lines. */
@Entity
public class Tag implements ShopData {
  @Id private Integer id;

  private String label;

  protected Tag() {}

  public Integer getId() {
    return id;
  }

  public String getLabel() {
    return label;
  }
}
