package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.DataSetOpenException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Run in a separate JVM, as another OS user, by {@link FileCacheOtherUserTest}: calls the cache the
 * way the runtime does and prints one line per step.
 *
 * <p>Arguments: {@code dataSet cacheDir sha256 bytes resourceUrl step...}; steps are {@code
 * trusted} (prints the trusted copy or {@code none}), {@code copy}, {@code effective} and {@code
 * open} (the trusted copy, else a fresh copy). A refusal prints {@code refused: <message>} and
 * exits with 2. The last line is {@code hashed=<files hashed in this JVM>}.
 */
public final class CacheProbe {
  private CacheProbe() {}

  public static void main(String[] args) throws Exception {
    String dataSet = args[0];
    Path dir = Path.of(args[1]);
    String sha = args[2];
    long bytes = Long.parseLong(args[3]);
    URL resource = new URL(args[4]);
    int exit = 0;
    try {
      for (int i = 5; i < args.length; i++) {
        switch (args[i]) {
          case "trusted" ->
              System.out.println(
                  "trusted "
                      + FileCache.trustedCopy(dataSet, dir, sha, bytes)
                          .map(Path::toString)
                          .orElse("none"));
          case "copy" ->
              System.out.println("copied " + FileCache.copy(dataSet, resource, sha, bytes, dir));
          case "effective" ->
              System.out.println("effective " + FileCache.effectiveDirectory(dataSet, dir));
          case "open" -> {
            Optional<Path> t = FileCache.trustedCopy(dataSet, dir, sha, bytes);
            System.out.println(
                t.isPresent()
                    ? "trusted " + t.get()
                    : "copied " + FileCache.copy(dataSet, resource, sha, bytes, dir));
          }
          default -> throw new IllegalArgumentException(args[i]);
        }
      }
    } catch (DataSetOpenException e) {
      System.out.println("refused: " + e.getMessage());
      exit = 2;
    }
    System.out.println("hashed=" + FileCache.filesHashed());
    System.exit(exit);
  }
}
