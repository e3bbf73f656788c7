package dev.datajar.runtime;

/** {@link Store#one} found no row for its query. Carries the entity type and the query. */
public class RowNotFoundException extends DataSetException {
  private static final long serialVersionUID = 1L;
  private final transient Class<?> entityType;
  private final transient Query query;

  public RowNotFoundException(Class<?> entityType, Query query) {
    super("no " + entityType.getSimpleName() + " matches " + query);
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
