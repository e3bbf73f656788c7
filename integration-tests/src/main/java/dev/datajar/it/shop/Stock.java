package dev.datajar.it.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** How many of a product a warehouse holds; rows come from {@link StockSource}. */
@Entity
public class Stock implements ShopData {
  @Id private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Product product;

  private String warehouse;

  private int quantity;

  protected Stock() {}

  public Long getId() {
    return id;
  }

  public Product getProduct() {
    return product;
  }

  public String getWarehouse() {
    return warehouse;
  }

  public int getQuantity() {
    return quantity;
  }
}
