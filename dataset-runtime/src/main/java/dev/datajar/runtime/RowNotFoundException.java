package dev.datajar.runtime;

/** {@link Store#one} found no row for its query. Carries the entity type and the query. */
public class RowNotFoundException extends QueryResultException {
  private static final long serialVersionUID = 1L;

  public RowNotFoundException(Class<?> entityType, Query query) {
    super("no " + entityType.getSimpleName() + " matches " + query, entityType, query);
  }
}
