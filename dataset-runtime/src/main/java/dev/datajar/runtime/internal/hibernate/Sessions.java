package dev.datajar.runtime.internal.hibernate;

import dev.datajar.runtime.internal.core.OpenStreams;
import dev.datajar.runtime.internal.core.SqlFlavour;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.hibernate.Session;

/**
 * One dataset as the Hibernate path reads it: its name and engine, its {@link HibernateSide}, and
 * reads run each in a read-only session of its own, under the query time limit, that closing the
 * dataset waits for. Implemented by {@code internal.Engine}, which this package does not see.
 */
public interface Sessions {
  String name();

  boolean isClosed();

  /** The engine the dataset lives in (the HQL writer's few engine-specific expressions too). */
  SqlFlavour flavour();

  /** Hibernate for this dataset, started on first need; fails once the dataset is closed. */
  HibernateSide hibernate();

  /** The streams of this dataset that are still open. */
  OpenStreams openStreams();

  /** A read-only Hibernate session holding one pooled connection until it is closed. */
  Session openSession();

  /** Runs a Hibernate read that closing the dataset waits for (a stream: while it opens). */
  <R> R beforeClose(Supplier<R> read);

  /** Opens a Hibernate stream, its session's connection counted among those streams hold. */
  <R> R openingStream(Supplier<R> open);

  /** {@link #inSession(String, String, UnaryOperator, Function)} of a Store call. */
  <R> R inSession(String call, Function<Session, R> read);

  /**
   * Runs one read in a read-only session of its own, closed after it, under the query time limit;
   * once more on new connections if its connection was lost.
   *
   * @param call what the read is, for the time limit's message ({@code "search of Airport"})
   * @param statement the caller's statement, for that message, or {@code null}
   * @param inspector sees every SQL statement before it is prepared, or {@code null}
   */
  <R> R inSession(
      String call, String statement, UnaryOperator<String> inspector, Function<Session, R> read);
}
