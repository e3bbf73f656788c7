package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.DataSetOpenException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Private names for the versions of a file given by a setting, so that each version reads the file
 * it was verified from for as long as it is open. SQLite opens a file by name for every new
 * connection: a version reading {@code -Ddatajar.<name>.path} itself would, after an operator
 * renamed a new file over that name, open its next connections on the new, unverified file, and one
 * process would serve two versions at once.
 *
 * <p>A version's file is a hard link to the file (no copy; the old content stays on disk while a
 * version reads it, whatever is renamed over the name), or, for a followed file and for every
 * version reload() takes, a copy when the cache directory is on another file system. The first
 * version of a file that is not followed is read in place when no link can be made ({@link
 * #linkIfFree}): a copy at every start would cost what a service that never reloads need not pay.
 * It lives in {@code pinned/} of the checked cache directory ({@link CacheDirectory}: ours,
 * writable by nobody else) as {@code <dataset>-<pid>-<n>.sqlite} and is deleted when its version
 * closes; files left by a process that no longer runs are deleted by the next one that pins a file
 * there.
 */
final class PinnedFiles {
  private static final System.Logger LOG = System.getLogger(PinnedFiles.class.getName());
  private static final Pattern NAME = Pattern.compile(".+-(\\d+)-\\d+\\.sqlite(\\.tmp)?");
  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final long PID = ProcessHandle.current().pid();

  private PinnedFiles() {}

  /**
   * A private name for {@code file}'s current content, in {@code cacheDir}/pinned: a link, else a
   * copy; for a followed file, and each version reload() takes.
   */
  static Path pin(String name, Path file, CacheSetting cache) {
    // The cache's own checked directory (ours, writable by nobody else): nobody can swap a link
    // there between its check and its use. Its refusals name the setting that chose it.
    Path dir;
    try {
      dir = CacheDirectory.resolve(name, cache, true).resolve("pinned");
    } catch (DataSetOpenException e) {
      throw DataSetOpenException.withMessage(
          name,
          e.getMessage()
              + " A followed or reloaded file needs the cache directory all the same: each of its"
              + " versions is"
              + " read through a private link (or copy) in its pinned/ folder.",
          e);
    }
    Path pinned;
    try {
      Files.createDirectories(dir);
      removeStale(dir);
      pinned = pinNew(name, file, dir, true);
    } catch (IOException e) {
      throw new DataSetOpenException(
          name,
          "cannot keep a private link or copy of "
              + file
              + " in "
              + dir
              + " ("
              + e
              + "), which following or reloading a file needs. The cache directory is "
              + cache.describe()
              + ": set -D"
              + Settings.CACHE_PROPERTY
              + " or "
              + Settings.CACHE_VARIABLE
              + " (datajar.cache-directory in Spring Boot, cacheDirectory(...) on a builder) to a"
              + " writable directory, ideally on the same file system as the file.",
          e);
    }
    return pinned;
  }

  /**
   * A private link to {@code file}'s current content, like {@link #pin}, for a file that is not
   * followed; {@code null} (the file is then read in place) when a link would not be free: the
   * cache directory cannot be used, or is on another file system, where only a copy would do.
   */
  static Path linkIfFree(String name, Path file, CacheSetting cache) {
    try {
      Path dir = CacheDirectory.resolve(name, cache, true).resolve("pinned");
      Files.createDirectories(dir);
      removeStale(dir);
      return pinNew(name, file, dir, false);
    } catch (DataSetOpenException | IOException | UnsupportedOperationException e) {
      LOG.log(
          System.Logger.Level.DEBUG,
          () ->
              "dataset '"
                  + name
                  + "': reading "
                  + file
                  + " in place, as no private link to it can be made ("
                  + e.getMessage()
                  + "); a new file renamed over it is read by new connections at once, and"
                  + " reload() cannot say what changed");
      return null;
    }
  }

  /**
   * Links (or, if {@code copy}, copies) {@code file} under a name of this process that no file has
   * yet: never over one that exists, which another runtime in this JVM (another class loader,
   * counting from 1 too) or a process with the same pid in another PID namespace (a container
   * sharing the cache directory) may be reading; replacing it would make that version open its next
   * connections on this file, and this version's close delete that version's file.
   */
  private static Path pinNew(String name, Path file, Path dir, boolean copy) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path pinned = dir.resolve(name + "-" + PID + "-" + SEQUENCE.incrementAndGet() + ".sqlite");
      try {
        try {
          Files.createLink(pinned, file);
        } catch (FileAlreadyExistsException e) {
          throw e;
        } catch (IOException | UnsupportedOperationException e) {
          if (!copy) {
            throw e;
          }
          // Another file system (or no hard links): copy, under a temporary name first.
          Path tmp = dir.resolve(pinned.getFileName() + ".tmp");
          Files.copy(file, tmp); // fails if the name is taken
          try {
            Files.move(tmp, pinned); // a rename in one directory; fails if the name is taken
          } catch (IOException | RuntimeException moved) {
            Files.deleteIfExists(tmp);
            throw moved;
          }
        }
        return pinned;
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
      }
    }
  }

  /** Deletes a version's file once the version has closed. */
  static void unpin(Path pinned) {
    try {
      Files.deleteIfExists(pinned);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot delete " + pinned + ": " + e);
    }
  }

  /** Deletes the files of processes that no longer run. */
  private static void removeStale(Path dir) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        Matcher m = NAME.matcher(f.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        long pid = Long.parseLong(m.group(1));
        if (pid != PID && ProcessHandle.of(pid).isEmpty()) {
          Files.deleteIfExists(f);
        }
      }
    } catch (NumberFormatException e) {
      // not one of ours
    }
  }
}
