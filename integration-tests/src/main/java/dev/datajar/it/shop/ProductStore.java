package dev.datajar.it.shop;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The products a shop front shows: active ones only, by name. Injected with no binding of its own.
 */
public class ProductStore extends Store<Product> {
  public Optional<Product> bySku(String sku) {
    return first(Query.where(Where.eq(Product_.sku, sku)));
  }

  public List<Product> inCategory(long categoryId) {
    return search(Query.where(Where.eq("category.id", categoryId)));
  }

  public List<Product> cheaperThan(BigDecimal price) {
    return search(Query.where(Where.lt(Product_.price, price)).orderBy(Product_.price));
  }

  @Override
  protected List<Query.Order> defaultOrder() {
    return List.of(Query.Order.asc("name"));
  }

  @Override
  protected Criterion defaultFilter() {
    return Where.eq("active", true);
  }
}
