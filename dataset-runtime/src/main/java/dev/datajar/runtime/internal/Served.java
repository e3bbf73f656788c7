package dev.datajar.runtime.internal;

import dev.datajar.runtime.DataSetInfo;
import dev.datajar.runtime.internal.core.ClosedDataSet;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * The versions of one dataset: the one served now, and older ones that calls or streams still read.
 * Each store call {@link #acquire()}s the current version, runs entirely on its {@link Engine}, and
 * {@link #release}s it; {@link #serve} makes a new version current, and the old one closes
 * (connections, Hibernate, caches, its pinned file) when its last call has returned and its last
 * stream is done.
 *
 * <p>A version counts its readers in one atomic integer, which starts at 1 for "is current": a call
 * adds one with a compare-and-set and takes it away when it returns, so {@code get} pays two atomic
 * operations. The count reaches 0 only after the version stopped being current and its last call
 * returned; no call can acquire it after that (the compare-and-set refuses a count of 0), so its
 * open streams (which the engine's {@code OpenStreams} tracks) are all that can still be using it.
 * Thread-safe.
 */
public final class Served {
  private final String name;
  private volatile Version current;
  private final Set<Version> live = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** One opened version of the dataset. */
  public static final class Version {
    private final Engine engine;
    private final Instant servedSince;
    private final BiFunction<Engine, Instant, DataSetInfo> describer;
    private final AtomicInteger refs = new AtomicInteger(1);
    private volatile DataSetInfo info;

    /**
     * @param describer describes the engine as served since the given time; run once, when the
     *     description is first asked for
     */
    public Version(Engine engine, BiFunction<Engine, Instant, DataSetInfo> describer) {
      this.engine = engine;
      this.servedSince = Instant.now();
      this.describer = describer;
    }

    public Engine engine() {
      return engine;
    }

    /** What this version is (see {@link DataSetInfo}); made on the first call. */
    public DataSetInfo info() {
      DataSetInfo i = info;
      if (i == null) {
        i = describer.apply(engine, servedSince);
        info = i;
      }
      return i;
    }
  }

  public Served(String name, Version first) {
    this.name = name;
    this.current = first;
    live.add(first);
  }

  public String name() {
    return name;
  }

  /** The version served now, without holding it (for what is not a read: names, info). */
  public Version current() {
    return current;
  }

  /**
   * The version served now, held until {@link #release}: it stays open, and is the one every part
   * of the call reads.
   */
  public Version acquire() {
    while (true) {
      Version v = current;
      int r = v.refs.get();
      if (r > 0 && v.refs.compareAndSet(r, r + 1)) {
        return v;
      }
      if (r <= 0 && v == current) {
        throw ClosedDataSet.exception(
            name); // only after close(): a replaced version is not current
      }
      // Replaced between the read of current and the compare-and-set: read it again.
    }
  }

  /** Gives back a version {@link #acquire()} returned. */
  public void release(Version v) {
    if (v.refs.decrementAndGet() == 0) {
      drain(v);
    }
  }

  /**
   * Serves {@code next} from now on, and returns the version it replaces, held for the caller (its
   * "current" count becomes the caller's): it stays open until the caller {@link #release}s it,
   * then closes once its other calls in flight have returned and its open streams are done.
   */
  public synchronized Version serve(Version next) {
    if (closed) {
      next.engine.close();
      throw ClosedDataSet.exception(name);
    }
    Version old = current;
    live.add(next);
    current = next;
    return old;
  }

  /** Versions not yet closed: the current one and those still read (tests). */
  public int liveVersions() {
    return live.size();
  }

  private void drain(Version v) {
    v.engine
        .openStreams()
        .whenEmpty(
            () -> {
              try {
                v.engine.close();
              } finally {
                live.remove(v);
              }
            });
  }

  /**
   * Closes every version now, the current one and those still read, as {@link Engine#close()}
   * closes one: reads in progress finish, later ones fail with the closed message.
   */
  public synchronized void close() {
    closed = true;
    RuntimeException failure = null;
    for (Version v : live) {
      try {
        v.engine.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    live.clear();
    // Drop the "current" count, so that acquire() fails with the closed message.
    Version v = current;
    v.refs.decrementAndGet();
    if (failure != null) {
      throw failure;
    }
  }

  public boolean isClosed() {
    return closed;
  }
}
