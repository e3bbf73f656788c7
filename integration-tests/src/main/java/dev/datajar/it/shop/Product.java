package dev.datajar.it.shop;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A product: a to-one reference, a many-to-many through a join table file, a collection of strings
 * from a file of its own, an index and a unique constraint.
 */
@Entity
@Table(
    indexes = @Index(name = "product_by_name", columnList = "name"),
    uniqueConstraints = @UniqueConstraint(name = "product_sku", columnNames = "sku"))
public class Product implements ShopData {
  @Id private Long id;

  @Column(nullable = false)
  private String sku;

  @Column(nullable = false)
  private String name;

  private BigDecimal price;

  @Column(nullable = false, length = 3)
  private String currency;

  private boolean active;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Category category;

  @ManyToMany
  @JoinTable(
      name = "product_tag",
      joinColumns = @JoinColumn(name = "product_id"),
      inverseJoinColumns = @JoinColumn(name = "tag_id"))
  @OrderBy("id")
  private Set<Tag> tags = new LinkedHashSet<>();

  @ElementCollection
  @CollectionTable(name = "product_alias", joinColumns = @JoinColumn(name = "product_id"))
  @Column(name = "alias")
  @OrderBy
  private Set<String> aliases = new TreeSet<>();

  protected Product() {}

  public Long getId() {
    return id;
  }

  public String getSku() {
    return sku;
  }

  public String getName() {
    return name;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public String getCurrency() {
    return currency;
  }

  public boolean isActive() {
    return active;
  }

  public Category getCategory() {
    return category;
  }

  public Set<Tag> getTags() {
    return tags;
  }

  public Set<String> getAliases() {
    return aliases;
  }

  public void setName(String name) {
    this.name = name;
  }

  @Override
  public String toString() {
    return "Product[" + id + " " + sku + "]";
  }
}
