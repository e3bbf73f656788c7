package dev.datajar.runtime.internal.core;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;

/**
 * A stream's rows, one at a time, that gives back what it holds (connection, statement, session) as
 * soon as it has read the last row or is closed, whichever comes first, and once only; {@link
 * OpenStreams} gives it back if the stream becomes garbage first.
 */
public abstract class ReleasingSpliterator<T> extends Spliterators.AbstractSpliterator<T> {
  private OpenStreams.Handle handle;
  private boolean done;

  protected ReleasingSpliterator() {
    super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
  }

  /** What releases the held resources; set once, right after registering with OpenStreams. */
  public final void releasedBy(OpenStreams.Handle handle) {
    this.handle = handle;
  }

  /** The next row, or {@code null} after the last one. */
  protected abstract T next();

  @Override
  public final boolean tryAdvance(Consumer<? super T> action) {
    if (done) {
      return false;
    }
    T row = next();
    if (row == null) {
      close(); // read to the end: release the connection even if the caller forgets to
      return false;
    }
    action.accept(row);
    return true;
  }

  /**
   * The rows in one loop, as {@link #tryAdvance} hands them out one by one (a stream's {@code
   * forEach}, {@code collect}, {@code count} come here): released after the last, and stopped if
   * the action closes the stream.
   */
  @Override
  public final void forEachRemaining(Consumer<? super T> action) {
    while (!done) {
      T row = next();
      if (row == null) {
        close();
        return;
      }
      action.accept(row);
    }
  }

  /** Releases what the stream holds; later calls do nothing. */
  public final void close() {
    if (!done) {
      done = true;
      handle.close();
    }
  }
}
