package dev.datajar.runtime.internal.hibernate;

import dev.datajar.runtime.Query;
import dev.datajar.runtime.internal.core.ClosedDataSet;
import dev.datajar.runtime.internal.core.FastConnections;
import dev.datajar.runtime.internal.core.QueryTimeLimit;
import dev.datajar.runtime.internal.core.ReleasingSpliterator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * A lazily read, forward-only stream of entities over one session and one connection, held until
 * the stream is closed.
 *
 * <p>Memory stays constant: rows are read one at a time from SQLite, and the session's persistence
 * context is cleared every {@value #CLEAR_EVERY} rows, so neither the returned entities nor the
 * associations loaded with them accumulate. Entities handed out earlier stay usable: their lazy
 * parts load through a session of their own.
 */
public final class RowStream<T> extends ReleasingSpliterator<T> {
  private static final int CLEAR_EVERY = 256;

  private final Sessions engine;
  private final Session session;
  private final ScrollableResults<T> rows;
  private int sinceClear;

  private RowStream(Sessions engine, Session session, ScrollableResults<T> rows) {
    this.engine = engine;
    this.session = session;
    this.rows = rows;
  }

  /** What the stream holds, apart from the stream, so that a dropped stream can be released. */
  private record Held(ScrollableResults<?> rows, Session session) implements AutoCloseable {
    @Override
    public void close() {
      try {
        rows.close();
      } finally {
        session.close();
      }
    }
  }

  /**
   * Opens the stream's session and runs its query; {@code Engine.close()} waits for that, not for
   * the stream, whose session outlives this call: once the engine is closed, the stream's next row
   * fails with the closed message.
   */
  static <T> Stream<T> open(Sessions engine, HqlWriter.Hql hql, Class<T> type, Query query) {
    try {
      return engine.beforeClose(
          () -> engine.openingStream(() -> openNow(engine, hql, type, query)));
    } catch (RuntimeException e) {
      if (engine.isClosed() || !FastConnections.connectionLost(e)) {
        throw e;
      }
      // As Engine.inSession: the pool's connections went with this one; once more on a new one.
      engine.hibernate().replaceConnections();
      return engine.beforeClose(
          () -> engine.openingStream(() -> openNow(engine, hql, type, query)));
    }
  }

  private static <T> Stream<T> openNow(
      Sessions engine, HqlWriter.Hql hql, Class<T> type, Query query) {
    Session s = engine.openSession();
    QueryTimeLimit limit = null;
    try {
      SelectionQuery<T> q = Queries.bind(s.createSelectionQuery(hql.text(), type), hql.params());
      q.setFirstResult(Math.toIntExact(query.offset()));
      query.limit().ifPresent(q::setMaxResults);
      q.setReadOnly(true);
      q.setFetchSize(CLEAR_EVERY);
      // The time limit covers opening the stream (the query and its first rows), not reading it.
      limit = s.doReturningWork(c -> QueryTimeLimit.start(c, engine.flavour()));
      ScrollableResults<T> scrolled;
      try {
        scrolled = q.scroll(ScrollMode.FORWARD_ONLY);
      } finally {
        QueryTimeLimit opened = limit;
        s.doWork(c -> opened.close());
      }
      RowStream<T> split = new RowStream<>(engine, s, scrolled);
      split.releasedBy(engine.openStreams().register(split, new Held(split.rows, s)));
      return StreamSupport.stream(split, false).onClose(split::close);
    } catch (RuntimeException e) {
      s.close();
      if (limit != null && limit.fired()) {
        throw limit.exception(engine.name(), "stream of " + type.getSimpleName(), (String) null, e);
      }
      throw engine.isClosed() ? ClosedDataSet.exception(engine.name(), e) : e;
    } catch (Error e) {
      s.close();
      throw e;
    }
  }

  @Override
  protected T next() {
    if (engine.isClosed()) {
      // On PostgreSQL the session's connection is the dataset pool's, which closes it only when
      // it is given back: the stream ends here, as where closing closed it under the stream.
      throw ClosedDataSet.exception(engine.name());
    }
    T row;
    try {
      if (!rows.next()) {
        return null;
      }
      row = rows.get();
    } catch (RuntimeException e) {
      // Closing the engine closed this stream's connection under it.
      throw engine.isClosed() ? ClosedDataSet.exception(engine.name(), e) : e;
    }
    if (++sinceClear >= CLEAR_EVERY) {
      session.clear();
      sinceClear = 0;
    }
    return row;
  }
}
