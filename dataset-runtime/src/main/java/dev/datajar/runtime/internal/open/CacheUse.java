package dev.datajar.runtime.internal.open;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which cached copies are in use, by any JVM, and the removal of those that no JVM has used for
 * longer than the retention ({@code datajar.cache.retention}, 7 days by default).
 *
 * <p><b>In use</b> is told by file locks, which the kernel holds for a process and drops when it
 * ends, however it ends (even {@code kill -9}): a JVM that serves {@code <sha256>.sqlite} holds a
 * shared lock on {@code <sha256>.lock} beside it until the dataset is closed. A time stamp alone
 * could not tell a copy a service has read for months from one nobody reads; a lock can. The lock
 * is on a file of its own, never on the copy: SQLite opens and closes the copy, and closing any
 * descriptor of a file drops every POSIX lock the process holds on it.
 *
 * <p><b>Unused since</b> is the lock file's modification time, set when a JVM takes and releases
 * its lock (the copy's own time, when it has no lock file).
 *
 * <p><b>Removal</b>, at each open through the cache: under an exclusive lock on {@code cache.lock}
 * (taken with {@code tryLock}: an open or a clean-up in another JVM makes this one skip its turn),
 * each copy unused for longer than the retention whose lock file can be locked exclusively (no JVM
 * holds it) is deleted, then its lock file. A JVM taking its lock holds {@code cache.lock} shared
 * meanwhile, so a copy cannot be removed between the moment a JVM finds it and the moment it locks
 * it. Only names datajar makes ({@code <64 hex>.sqlite} and {@code .lock}) owned by this user are
 * touched, in a directory that {@link CacheDirectory} has checked to be this user's alone.
 *
 * <p>Within one JVM, the locks of this class loader's runtime are counted here (Java refuses to
 * lock one file twice in a process). Two copies of the runtime in one JVM on different class
 * loaders share one process's locks: the one that closes first may let the other's copy be removed.
 * A cache directory on a read-only file system (a cache made at image build time) cannot be locked:
 * its copies are used as they are and nothing is removed.
 */
public final class CacheUse {
  private static final System.Logger LOG = System.getLogger(CacheUse.class.getName());
  private static final Pattern OURS = Pattern.compile("([0-9a-f]{64})\\.(sqlite|lock)");

  /** The lock that orders locking copies and removing them, across JVMs. */
  static final String DIRECTORY_LOCK = "cache.lock";

  private static final Object MONITOR = new Object();
  private static final Map<Path, Held> HELD = new HashMap<>();

  private CacheUse() {}

  /** A copy held in use; {@link #close()} releases it (once). */
  public interface Lease extends AutoCloseable {
    @Override
    void close();
  }

  /** For files that are not cached copies: nothing to release. */
  public static final Lease NONE = () -> {};

  private static final class Held {
    final FileChannel channel;
    final FileLock lock;
    int count = 1;

    Held(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }
  }

  /**
   * Marks the copy {@code <sha256>.sqlite} in {@code dir} (a checked cache directory) as in use
   * until the lease is closed; {@link #NONE} if the directory cannot be locked (read-only).
   */
  static Lease acquire(String dataSet, Path dir, String sha256) {
    Path lockFile = dir.resolve(sha256 + ".lock");
    synchronized (MONITOR) {
      Held held = HELD.get(lockFile);
      if (held != null) {
        held.count++;
        return lease(lockFile);
      }
      try (FileChannel order = open(dir.resolve(DIRECTORY_LOCK))) {
        // Held shared until the copy is locked: no clean-up removes it in between.
        order.lock(0, Long.MAX_VALUE, true);
        FileChannel c = open(lockFile);
        try {
          FileLock l = c.lock(0, Long.MAX_VALUE, true);
          touch(c);
          HELD.put(lockFile, new Held(c, l));
        } catch (IOException | RuntimeException e) {
          c.close();
          throw e;
        }
      } catch (IOException | OverlappingFileLockException e) {
        LOG.log(
            System.Logger.Level.DEBUG,
            "dataset ''{0}'': cannot lock {1} ({2}): the cached copy is used unlocked",
            dataSet,
            lockFile,
            e instanceof IOException io ? CacheDirectory.why(io) : e.toString());
        return NONE;
      }
      return lease(lockFile);
    }
  }

  private static Lease lease(Path lockFile) {
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        release(lockFile);
      }
    };
  }

  private static void release(Path lockFile) {
    synchronized (MONITOR) {
      Held held = HELD.get(lockFile);
      if (held == null || --held.count > 0) {
        return;
      }
      HELD.remove(lockFile);
      try {
        touch(held.channel); // unused from now on
      } catch (IOException e) {
        // the time stamp only delays a removal
      }
      try (FileChannel c = held.channel) {
        held.lock.release();
        Path copy =
            lockFile.resolveSibling(lockFile.getFileName().toString().replace(".lock", ".sqlite"));
        if (!Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
          // Nothing was cached (the open failed): the lock file goes too, if no one else holds it.
          try (FileChannel order = open(lockFile.resolveSibling(DIRECTORY_LOCK));
              FileLock all = order.tryLock(0, Long.MAX_VALUE, false);
              FileLock alone = all == null ? null : c.tryLock(0, Long.MAX_VALUE, false)) {
            if (alone != null) {
              Files.deleteIfExists(lockFile);
            }
          }
        }
      } catch (IOException | OverlappingFileLockException e) {
        LOG.log(System.Logger.Level.DEBUG, "cannot release {0}: {1}", lockFile, e);
      }
    }
  }

  /**
   * Removes the copies in {@code dir} (a checked cache directory) that no JVM uses and none has
   * used for longer than {@code retention}; returns what was removed. Nothing for {@link
   * Duration#ZERO}, nor when another JVM is opening or cleaning at this moment.
   */
  static List<Path> cleanUp(String dataSet, Path dir, Duration retention) {
    if (retention.isZero()) {
      return List.of();
    }
    List<Path> removed = new ArrayList<>();
    synchronized (MONITOR) {
      try (FileChannel order = open(dir.resolve(DIRECTORY_LOCK));
          FileLock all = order.tryLock(0, Long.MAX_VALUE, false)) {
        if (all == null) {
          return List.of(); // another JVM is opening or cleaning: a later open cleans
        }
        Instant before = Instant.now().minus(retention);
        for (String sha : copies(dir)) {
          Path copy = dir.resolve(sha + ".sqlite");
          Path lockFile = dir.resolve(sha + ".lock");
          if (HELD.containsKey(lockFile)
              || !ourFileOrMissing(copy)
              || !ourFileOrMissing(lockFile)) {
            continue;
          }
          Instant lastUsed = lastUsed(copy, lockFile);
          if (lastUsed == null || !lastUsed.isBefore(before)) {
            continue;
          }
          try (FileChannel c = open(lockFile);
              FileLock alone = c.tryLock(0, Long.MAX_VALUE, false)) {
            if (alone == null) {
              continue; // another JVM serves it
            }
            boolean hadCopy = Files.deleteIfExists(copy);
            Files.deleteIfExists(lockFile);
            if (hadCopy) {
              removed.add(copy);
              LOG.log(
                  System.Logger.Level.INFO,
                  "dataset ''{0}'': removed cached copy {1}: no JVM has used it since {2}, longer"
                      + " than the cache retention {3} (-D{4}, {5}; 0 keeps every copy)",
                  dataSet,
                  copy,
                  lastUsed,
                  retention,
                  Settings.RETENTION_PROPERTY,
                  Settings.RETENTION_VARIABLE);
            }
          } catch (OverlappingFileLockException e) {
            // locked by another runtime in this JVM: in use
          }
        }
      } catch (IOException | OverlappingFileLockException e) {
        LOG.log(
            System.Logger.Level.DEBUG,
            "dataset ''{0}'': no clean-up of the cache directory {1}: {2}",
            dataSet,
            dir,
            e instanceof IOException io ? CacheDirectory.why(io) : e.toString());
      }
    }
    return removed;
  }

  /** The sha256 of every copy or lock file in {@code dir}, by name; other files are not ours. */
  private static Set<String> copies(Path dir) throws IOException {
    Set<String> shas = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          f -> {
            Matcher m = OURS.matcher(f.getFileName().toString());
            if (m.matches()) {
              shas.add(m.group(1));
            }
          });
    }
    return shas;
  }

  /** True if {@code f} is missing or a regular file of this user (links not followed). */
  private static boolean ourFileOrMissing(Path f) {
    try {
      if (!PathStatus.posix(f)) {
        return Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || !Files.exists(f);
      }
      PathStatus s = PathStatus.of(f);
      return s.isRegularFile() && s.ours();
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** When a JVM last used the copy: its lock file's time, else the copy's; null if neither. */
  private static Instant lastUsed(Path copy, Path lockFile) {
    for (Path p : List.of(lockFile, copy)) {
      try {
        return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
      } catch (IOException e) {
        // missing: try the other
      }
    }
    return null;
  }

  private static FileChannel open(Path f) throws IOException {
    Set<OpenOption> options =
        Set.of(
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
    return PathStatus.posix(f.getParent())
        ? FileChannel.open(
            f,
            options,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : FileChannel.open(f, options);
  }

  /**
   * Sets the lock file's modification time to now by writing a byte through {@code c}: never by
   * path ({@code Files.setLastModifiedTime} opens and closes the file, and closing any descriptor
   * of a file drops every lock this process holds on it).
   */
  private static void touch(FileChannel c) throws IOException {
    c.write(ByteBuffer.wrap(new byte[] {'\n'}), 0);
  }

  /** How many copies this JVM holds locked (a test hook). */
  static int held() {
    synchronized (MONITOR) {
      return HELD.size();
    }
  }
}
