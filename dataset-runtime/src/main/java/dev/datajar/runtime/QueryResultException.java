package dev.datajar.runtime;

/**
 * The shared part of the exceptions of {@link Store#one}: a query whose rows were not the one
 * expected, with the entity type and the query it ran.
 */
abstract class QueryResultException extends DataSetException {
  private static final long serialVersionUID = 1L;
  private final transient Class<?> entityType;
  private final transient Query query;

  QueryResultException(String message, Class<?> entityType, Query query) {
    super(message);
    this.entityType = entityType;
    this.query = query;
  }

  /** The entity type the query read. */
  public Class<?> entityType() {
    return entityType;
  }

  /** The query that found too few or too many rows. */
  public Query query() {
    return query;
  }
}
