package dev.datajar.builder.internal;

import dev.datajar.builder.BuildLog;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One build of a dataset at a time per work folder: two Maven runs of the same module (or a build
 * and an IDE's) would otherwise write and publish over each other. The second waits for the first,
 * saying so, then checks again whether anything is left to do. An operating-system file lock: it is
 * released when the holding process ends, however it ends.
 */
final class BuildLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private BuildLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static BuildLock acquire(Path work, String dataSet, BuildLog log) throws IOException {
    Files.createDirectories(work);
    Path file = work.resolve(dataSet + ".lock");
    FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock l;
      try {
        l = c.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null; // held by another build in this JVM (a parallel reactor)
      }
      if (l == null) {
        log.info(
            "dataset '"
                + dataSet
                + "': another build of this module holds "
                + file
                + "; waiting for it to finish");
        l = lockInThisJvm(c);
      }
      return new BuildLock(c, l);
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** Blocks for the lock; another thread of this JVM holding it makes the JDK refuse: retry. */
  private static FileLock lockInThisJvm(FileChannel c) throws IOException {
    while (true) {
      try {
        return c.lock();
      } catch (OverlappingFileLockException e) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException x) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for the build lock", x);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
