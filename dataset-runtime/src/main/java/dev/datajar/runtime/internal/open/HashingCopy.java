package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.format.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Copies a stream into a file while a second thread computes the sha256 of the same bytes.
 *
 * <p>Copying a dataset out of a jar is bound by inflating it, and hashing it by SHA-256: each takes
 * one core, so doing them one after the other (a {@code DigestInputStream}) made a cold start pay
 * for both. Here the copying thread reads a chunk, writes it and hands it to the hashing thread,
 * which gives the buffer back when it has hashed it; a few chunks are in flight, so the copy ends
 * about when the hash does and verifying the copy costs little more than making it.
 */
public final class HashingCopy {
  /** What was copied: its size and its sha256 (lower-case hex). */
  record Result(long bytes, String sha256) {}

  static final int CHUNK = 1 << 18;
  private static final int IN_FLIGHT = 4;

  /**
   * A filled buffer on its way to the hasher; {@link #END} (compared by identity) ends the copy.
   */
  private static final class Chunk {
    final byte[] buffer;
    final int length;

    Chunk(byte[] buffer, int length) {
      this.buffer = buffer;
      this.length = length;
    }
  }

  private static final Chunk END = new Chunk(new byte[0], -1);

  private HashingCopy() {}

  /** Copies all of {@code in} into {@code target} (created or truncated) and hashes it. */
  static Result copy(InputStream in, Path target) throws IOException {
    BlockingQueue<Chunk> toHash = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
    BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(IN_FLIGHT);
    for (int i = 0; i < IN_FLIGHT; i++) {
      free.add(new byte[CHUNK]);
    }
    Hasher hasher = new Hasher(toHash, free);
    Thread thread = new Thread(hasher, "datajar-sha256");
    thread.setDaemon(true);
    thread.start();
    boolean handedOver = false;
    try {
      long total = 0;
      try (OutputStream out = Files.newOutputStream(target)) {
        for (int n = CHUNK; n == CHUNK; ) {
          byte[] buffer = take(free);
          n = in.readNBytes(buffer, 0, CHUNK);
          out.write(buffer, 0, n);
          total += n;
          put(toHash, new Chunk(buffer, n));
        }
      }
      put(toHash, END);
      handedOver = true;
      join(thread);
      if (hasher.failure != null) {
        throw new IllegalStateException("hashing the copy failed", hasher.failure);
      }
      return new Result(total, Sha256.hex(hasher.digest));
    } finally {
      if (!handedOver) {
        thread.interrupt();
      }
    }
  }

  /** Hashes chunks in order until {@link #END}, giving each buffer back once hashed. */
  private static final class Hasher implements Runnable {
    final MessageDigest digest = Sha256.digest();
    final BlockingQueue<Chunk> toHash;
    final BlockingQueue<byte[]> free;
    volatile RuntimeException failure;

    Hasher(BlockingQueue<Chunk> toHash, BlockingQueue<byte[]> free) {
      this.toHash = toHash;
      this.free = free;
    }

    @Override
    public void run() {
      try {
        for (Chunk c = toHash.take(); c != END; c = toHash.take()) {
          if (failure == null) {
            try {
              digest.update(c.buffer, 0, c.length);
            } catch (RuntimeException e) {
              failure = e; // reported when the copy ends; keep giving buffers back until then
            }
          }
          free.put(c.buffer);
        }
      } catch (InterruptedException e) {
        // The copy failed and gave up on the hash.
        Thread.currentThread().interrupt();
      }
    }
  }

  private static <T> T take(BlockingQueue<T> queue) throws InterruptedIOException {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while copying");
    }
  }

  private static <T> void put(BlockingQueue<T> queue, T item) throws InterruptedIOException {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while copying");
    }
  }

  private static void join(Thread thread) throws InterruptedIOException {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing the copy");
    }
  }
}
