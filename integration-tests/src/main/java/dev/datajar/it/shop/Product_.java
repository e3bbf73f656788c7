package dev.datajar.it.shop;

import jakarta.persistence.metamodel.SetAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.StaticMetamodel;
import java.math.BigDecimal;

/** Static metamodel of {@link Product}, written as hibernate-processor would generate it. */
@StaticMetamodel(Product.class)
public abstract class Product_ {
  public static volatile SingularAttribute<Product, Long> id;
  public static volatile SingularAttribute<Product, String> sku;
  public static volatile SingularAttribute<Product, String> name;
  public static volatile SingularAttribute<Product, BigDecimal> price;
  public static volatile SingularAttribute<Product, String> currency;
  public static volatile SingularAttribute<Product, Boolean> active;
  public static volatile SingularAttribute<Product, Category> category;
  public static volatile SetAttribute<Product, Tag> tags;
  public static volatile SetAttribute<Product, String> aliases;
}
