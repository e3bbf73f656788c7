package dev.datajar.benchmarks.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * GNU {@code time} ({@code /usr/bin/time -v}), which the start-up benchmark puts in front of every
 * child JVM: its "Maximum resident set size" is the peak RSS of the whole process, from JVM launch
 * to exit, which nothing inside the JVM can see. Its report goes to a file of its own ({@code -o}),
 * apart from what the child prints.
 */
final class GnuTime {
  static final Path BINARY = Path.of("/usr/bin/time");

  /** What {@code time -v} reported for one child. */
  record Report(
      int exitStatus, long elapsedMillis, long maxRssKb, double userSeconds, double systemSeconds) {
    double cpuSeconds() {
      return userSeconds + systemSeconds;
    }

    double maxRssMb() {
      return maxRssKb / 1024.0;
    }
  }

  private GnuTime() {}

  /** The words to put before the child's command line. */
  static List<String> prefix(Path report) {
    return List.of(BINARY.toString(), "-v", "-o", report.toString());
  }

  /**
   * Fails with the fix if GNU time is missing, or is a {@code time} that does not report peak RSS
   * (BusyBox's, for example).
   */
  static void requireInstalled(Path scratch) {
    String fix =
        "The start-up benchmark needs GNU time for each child's peak RSS: install it"
            + " (Debian/Ubuntu: sudo apt-get install time; Fedora: sudo dnf install time) and run"
            + " the command again.";
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(BINARY + " not found. " + fix);
    }
    try {
      Files.createDirectories(scratch.getParent());
      Process p =
          new ProcessBuilder(BINARY.toString(), "-v", "-o", scratch.toString(), "true")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (p.waitFor() != 0 || read(scratch).maxRssKb() <= 0) {
        throw new IllegalStateException(BINARY + " did not write a '-v' report. " + fix);
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          BINARY + " is not GNU time (" + e.getMessage() + "). " + fix, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Parses the report file that {@code time -v -o file} wrote. */
  static Report read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("no report from " + BINARY + " in " + file, e);
    }
    int exit = -1;
    long elapsed = -1;
    long rss = -1;
    double user = -1;
    double sys = -1;
    for (String raw : lines) {
      String line = raw.trim();
      int colon = line.lastIndexOf(": ");
      if (colon < 0) {
        continue;
      }
      String value = line.substring(colon + 2).trim();
      if (line.startsWith("Exit status")) {
        exit = Integer.parseInt(value);
      } else if (line.startsWith("Elapsed (wall clock) time")) {
        elapsed = elapsedMillis(value);
      } else if (line.startsWith("Maximum resident set size")) {
        rss = Long.parseLong(value);
      } else if (line.startsWith("User time")) {
        user = Double.parseDouble(value);
      } else if (line.startsWith("System time")) {
        sys = Double.parseDouble(value);
      }
    }
    if (rss < 0 || elapsed < 0) {
      throw new IllegalStateException(
          file + " is not a '" + BINARY + " -v' report: " + String.join(" / ", lines));
    }
    return new Report(exit, elapsed, rss, user, sys);
  }

  /** {@code m:ss.cc} or {@code h:mm:ss} → milliseconds. */
  static long elapsedMillis(String value) {
    String[] parts = value.split(":");
    double seconds = 0;
    for (String part : parts) {
      seconds = seconds * 60 + Double.parseDouble(part);
    }
    return Math.round(seconds * 1000);
  }
}
