package dev.datajar.runtime.internal.core;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the reads of one entity run, chosen once per entity when its dataset opens: plain entities
 * through {@code RowPath} (SQL and the recorded layout, no Hibernate), the others through {@code
 * HibernatePath}. Ids and criteria arrive checked and coerced by {@code EntityReader}.
 * Implementations are thread-safe.
 */
public interface ReadPath<T> {
  /** The entity's attributes, for checking and coercing criteria. */
  EntityModel model();

  Optional<T> get(Object id);

  /** One element per id, in their order; {@code filter} (or null) applies to each. */
  List<Optional<T>> getAll(List<Object> ids, Criterion filter);

  List<T> search(Query query, Criterion filter, List<Query.Order> defaultOrder);

  long count(Query query, Criterion filter);

  Stream<T> stream(Query query, Criterion filter, List<Query.Order> defaultOrder);
}
