package dev.datajar.runtime.internal.core;

import java.lang.ref.Cleaner;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The streams of one dataset that are still open, so that a stream its caller forgot to close gives
 * its connection back once it is garbage, and says where it was opened.
 *
 * <p>A {@code Store.stream()} holds a connection until it is closed or read to its end. One that is
 * dropped half-read would hold it forever and, one leak after another, starve the service. Each
 * stream's spliterator (which the stream, and any iterator taken from it, refer to) is registered
 * with a {@link Cleaner}: when it becomes unreachable its resource is released on the cleaner's
 * thread (nobody else can reach it any more, so that is safe) and a warning names the code that
 * opened it. Closing the stream releases at once and unregisters.
 */
public final class OpenStreams {
  private static final Cleaner CLEANER = Cleaner.create();
  private static final System.Logger LOG = System.getLogger(OpenStreams.class.getName());

  private final String dataSet;
  private final Set<Handle> open = ConcurrentHashMap.newKeySet();
  private volatile Runnable onEmpty;
  private final AtomicBoolean emptied = new AtomicBoolean();

  public OpenStreams(String dataSet) {
    this.dataSet = dataSet;
  }

  /** What one open stream holds; {@link #run()} releases it once, however it is reached. */
  final class Handle implements Runnable {
    private final AutoCloseable resource;
    private final Throwable openedAt;
    private volatile boolean closedByCaller;
    private boolean released;
    private Cleaner.Cleanable cleanable;

    private Handle(AutoCloseable resource) {
      this.resource = resource;
      this.openedAt = new Throwable("Store.stream() opened here");
    }

    /** Releases the resource now: the stream was closed or read to its end. */
    void close() {
      closedByCaller = true;
      cleanable.clean();
    }

    @Override
    public synchronized void run() {
      if (released) {
        return;
      }
      released = true;
      open.remove(this);
      if (!closedByCaller) {
        LOG.log(
            System.Logger.Level.WARNING,
            "dataset '"
                + dataSet
                + "': a Store.stream() was"
                + " dropped without being closed; its connection was reclaimed when it became"
                + " garbage. Close every stream (try-with-resources).",
            openedAt);
      }
      try {
        resource.close();
      } catch (Exception e) {
        // releasing a read-only connection: nothing to lose
      } finally {
        fireIfEmpty();
      }
    }
  }

  /**
   * Registers a stream's spliterator and what it holds; {@code resource} must not refer to the
   * spliterator (or it would never become garbage).
   *
   * @return the handle whose {@link Handle#close()} the spliterator calls when the stream is closed
   *     or exhausted
   */
  public Handle register(Object spliterator, AutoCloseable resource) {
    Handle h = new Handle(resource);
    open.add(h);
    h.cleanable = CLEANER.register(spliterator, h);
    return h;
  }

  /** Where the oldest open stream was opened, for the message of a caller who waited in vain. */
  public String oldest() {
    for (Handle h : open) {
      StackTraceElement[] at = h.openedAt.getStackTrace();
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < Math.min(at.length, 8); i++) {
        sb.append("\n    at ").append(at[i]);
      }
      return sb.toString();
    }
    return "";
  }

  /**
   * Runs {@code action} once, as soon as no stream is open: now if none is, else when the last one
   * is released (closed, read to its end, or reclaimed as garbage), on the thread that releases it.
   * For a dataset version no new call can reach any more (so no stream opens after this call): its
   * streams keep it until they are done.
   */
  public void whenEmpty(Runnable action) {
    onEmpty = action;
    fireIfEmpty();
  }

  private void fireIfEmpty() {
    Runnable action = onEmpty;
    if (action != null && open.isEmpty() && emptied.compareAndSet(false, true)) {
      action.run();
    }
  }

  public int size() {
    return open.size();
  }
}
