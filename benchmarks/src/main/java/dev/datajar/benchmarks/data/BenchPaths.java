package dev.datajar.benchmarks.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where benchmark data is cached: {@code benchmarks/target/bench-data}, found from where this class
 * was loaded so that it is the same folder whether the code runs from {@code target/classes}, from
 * {@code target/benchmarks.jar} or in a JMH fork, whatever the working directory. {@code
 * -Ddatajar.bench.dir=…} overrides it.
 */
public final class BenchPaths {
  private BenchPaths() {}

  public static Path dataDirectory() {
    String override = System.getProperty("datajar.bench.dir");
    if (override != null && !override.isBlank()) {
      return Path.of(override).toAbsolutePath();
    }
    return targetDirectory().resolve("bench-data");
  }

  /** The benchmarks module's {@code target} folder, where this code was loaded from. */
  public static Path targetDirectory() {
    try {
      Path codeSource =
          Path.of(BenchPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // target/classes (a folder) or target/benchmarks.jar: either way target/ is the parent.
      return codeSource.toAbsolutePath().getParent();
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("target").toAbsolutePath();
    }
  }

  /** Size of a file in MB (10^6 bytes), or -1 if it does not exist. */
  public static double megabytes(Path file) {
    try {
      return Files.size(file) / 1_000_000.0;
    } catch (IOException e) {
      return -1;
    }
  }

  /** Deletes a folder and everything in it; nothing if it does not exist. */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
