package dev.datajar.runtime;

/**
 * {@link Store#one} found more than one row for its query. Carries the entity type and the query.
 */
public class MultipleRowsFoundException extends QueryResultException {
  private static final long serialVersionUID = 1L;

  public MultipleRowsFoundException(Class<?> entityType, Query query) {
    super(
        "more than one "
            + entityType.getSimpleName()
            + " matches "
            + query
            + "; use first(query) or search(query) if several are expected",
        entityType,
        query);
  }
}
