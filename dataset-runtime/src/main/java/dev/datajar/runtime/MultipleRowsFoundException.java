package dev.datajar.runtime;

/**
 * {@link Store#one} found more than one row for its query. Carries the entity type and the query.
 */
public class MultipleRowsFoundException extends DataSetException {
  private static final long serialVersionUID = 1L;
  private final transient Class<?> entityType;
  private final transient Query query;

  public MultipleRowsFoundException(Class<?> entityType, Query query) {
    super(
        "more than one "
            + entityType.getSimpleName()
            + " matches "
            + query
            + "; use first(query) or search(query) if several are expected");
    this.entityType = entityType;
    this.query = query;
  }

  public Class<?> entityType() {
    return entityType;
  }

  public Query query() {
    return query;
  }
}
