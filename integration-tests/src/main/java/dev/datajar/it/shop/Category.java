package dev.datajar.it.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of the category tree. In the source, some children come before their parent, so the
 * builder must accept references to rows it has not read yet.
 */
@Entity
public class Category implements ShopData {
  @Id private Long id;

  private String code;

  private String name;

  @ManyToOne(fetch = FetchType.LAZY)
  private Category parent;

  @OneToMany(mappedBy = "parent")
  @OrderBy("id")
  private List<Category> children = new ArrayList<>();

  protected Category() {}

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public Category getParent() {
    return parent;
  }

  public List<Category> getChildren() {
    return children;
  }

  public void setName(String name) {
    this.name = name;
  }
}
