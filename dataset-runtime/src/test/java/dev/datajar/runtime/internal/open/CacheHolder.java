package dev.datajar.runtime.internal.open;

import java.nio.file.Path;

/**
 * Run as a separate JVM by {@link CacheCleanUpTest}: holds the copies named by its arguments in
 * use, as a service serving them does, prints {@code HELD}, and waits until its standard input
 * closes (or it is killed).
 *
 * <p>Arguments: {@code cacheDir sha256...}.
 */
public final class CacheHolder {
  private CacheHolder() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    for (int i = 1; i < args.length; i++) {
      CacheUse.Lease unused = CacheUse.acquire("geo", dir, args[i]);
    }
    System.out.println("HELD " + CacheUse.held());
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the test to close our input
    }
  }
}
