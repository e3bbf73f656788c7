package dev.datajar.runtime.internal;

/** Placeholder: the JDBC fast path for lookups by id (see below). */
final class RowLoader<T> {
  static <T> RowLoader<T> create(Engine engine, Class<T> type) {
    return null;
  }

  T load(Object id) {
    throw new UnsupportedOperationException();
  }
}
