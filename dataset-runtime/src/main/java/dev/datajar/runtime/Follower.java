package dev.datajar.runtime;

import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.internal.open.EngineOpener;
import dev.datajar.runtime.internal.open.JarDirectory;
import dev.datajar.runtime.internal.open.Located;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Polls the files of followed datasets ({@code follow(name, interval)}) and {@link DataSets#reload
 * reloads} a dataset when its file, or the manifest beside it, is another file (file key, i.e.
 * device and inode where the file system has them), or was modified, or has another size. A change
 * is only a hint: what is served is decided by the reload's checks. A refused version is not tried
 * again until the files change again.
 *
 * <p>Relies on the file being replaced by renaming a complete file over it. One daemon thread,
 * {@code datajar-follow}, for all followed datasets of a {@link DataSets}; none when nothing is
 * followed.
 */
final class Follower implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Follower.class.getName());

  private final ScheduledExecutorService timer;
  private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

  private Follower(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** What tells one version of a file from the next. */
  private record State(Object fileKey, long modified, long size) {
    static State of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new State(a.fileKey(), a.lastModifiedTime().toMillis(), a.size());
      } catch (IOException e) {
        return null; // absent for now (between two renames): no change to take
      }
    }
  }

  static Follower start(DataSets dataSets, EngineOpener.Plan plan) {
    Follower f = null;
    for (String name : dataSets.names()) {
      Duration every = plan.settings().followInterval(name);
      if (every == null) {
        continue;
      }
      if (f == null) {
        f =
            new Follower(
                Executors.newSingleThreadScheduledExecutor(
                    r -> {
                      Thread t = new Thread(r, "datajar-follow");
                      t.setDaemon(true);
                      return t;
                    }));
      }
      Located l = plan.located(name);
      if (l.jar() != null) {
        f.followDirectory(dataSets, name, l.jar(), every);
      } else if (l.jdbc() != null) {
        f.followPostgres(dataSets, name, every);
      } else {
        f.follow(dataSets, name, l.file(), dataSets.file(name), every);
      }
    }
    return f == null ? new Follower(null) : f;
  }

  private void follow(DataSets dataSets, String name, Path file, Path served, Duration every) {
    Path manifest = file.resolveSibling(DataSetLayout.manifestFileName(name));
    // The states seen when the served version was opened, or at the last attempt.
    List<State> seen = new ArrayList<>(Arrays.asList(states(file, manifest)));
    if (replacedSinceOpened(file, served)) {
      // Renamed over while the service opened the version it serves: take it at the first poll.
      seen.set(0, null);
    }
    LOG.log(
        System.Logger.Level.INFO, "dataset ''{0}'': following {1}, every {2}", name, file, every);
    schedule(
        () -> {
          List<State> now = Arrays.asList(states(file, manifest)); // no manifest: null
          if (now.get(0) != null && !now.equals(seen)) {
            seen.clear();
            seen.addAll(now);
            reloadLogged(dataSets, name, file);
          }
        },
        every);
  }

  /**
   * Follows a dataset in PostgreSQL: every interval, a reload looks in {@code datajar.datasets} for
   * a newer schema of the dataset (one connection, one query, and one more per newer schema); it
   * switches only to one whose fingerprint matches, and a refused schema is not reported again.
   */
  private void followPostgres(DataSets dataSets, String name, Duration every) {
    LOG.log(
        System.Logger.Level.INFO,
        "dataset ''{0}'': following its newest schema in PostgreSQL, every {1}",
        name,
        every);
    schedule(() -> reloadLogged(dataSets, name, "datajar.datasets"), every);
  }

  /** Runs {@code poll} every {@code every}, on the one thread. */
  private void schedule(Runnable poll, Duration every) {
    long millis = Math.max(1, every.toMillis());
    tasks.add(timer.scheduleWithFixedDelay(poll, millis, millis, TimeUnit.MILLISECONDS));
  }

  /** Reloads {@code name}; a refusal is logged by the reload, anything else here. */
  private static void reloadLogged(DataSets dataSets, String name, Object followed) {
    try {
      dataSets.reload(name);
    } catch (DataSetException e) {
      // refused: logged and told to the listeners by reload
    } catch (RuntimeException | Error e) {
      // An Error too (a listener's AssertionError, a LinkageError while checking): one that
      // escaped would end this periodic task for good, without a word.
      LOG.log(
          System.Logger.Level.WARNING,
          "dataset '" + name + "': following " + followed + " failed",
          e);
      if (e instanceof VirtualMachineError) {
        throw e; // logged; the JVM is in trouble: following stops
      }
    }
  }

  /**
   * Follows a directory of dataset jars: a change in its listing of complete jars (a jar added,
   * removed, renamed over or touched) triggers a reload, which takes the newest jar not refused.
   * The first listing compared is the one the served jar was chosen from, so a jar dropped while
   * the service opened is taken at the first poll.
   */
  private void followDirectory(
      DataSets dataSets, String name, JarDirectory.Choice choice, Duration every) {
    Path dir = choice.directory();
    AtomicReference<Map<Path, JarDirectory.Identity>> seen =
        new AtomicReference<>(choice.listing());
    LOG.log(
        System.Logger.Level.INFO,
        "dataset ''{0}'': following the newest jar of {1}, every {2}",
        name,
        dir,
        every);
    schedule(
        () -> {
          Map<Path, JarDirectory.Identity> now = JarDirectory.listing(dir);
          if (!now.equals(seen.get())) {
            seen.set(now);
            reloadLogged(dataSets, name, dir);
          }
        },
        every);
  }

  /**
   * True if {@code file} is no longer the file whose private link {@code served} the version served
   * reads: it was renamed over between the link and now (the states read here come after opening).
   * A link could be made where both are on one file system; elsewhere the served file is a copy,
   * which cannot tell, and the states read now stand.
   */
  private static boolean replacedSinceOpened(Path file, Path served) {
    try {
      return served != null
          && !Files.isSameFile(file, served)
          && Files.getFileStore(file).equals(Files.getFileStore(served));
    } catch (IOException e) {
      return false; // absent for now: the next poll that finds it compares its state
    }
  }

  private static State[] states(Path file, Path manifest) {
    return new State[] {State.of(file), State.of(manifest)};
  }

  /** Stops polling; a reload in progress finishes. */
  @Override
  public void close() {
    if (timer != null) {
      tasks.forEach(t -> t.cancel(false));
      timer.shutdown();
    }
  }

  @Override
  public String toString() {
    return "Follower[" + Objects.toString(timer) + "]";
  }
}
