package dev.datajar.benchmarks.build;

import dev.datajar.builder.BuildLog;
import java.util.Locale;

/** A build log that prints every message with the seconds since the build started. */
final class TimedLog implements BuildLog {
  private final long start = System.nanoTime();

  @Override
  public void info(String message) {
    print("INFO", message);
  }

  @Override
  public void warn(String message) {
    print("WARN", message);
  }

  @Override
  public void debug(String message) {
    print("DEBUG", message);
  }

  private synchronized void print(String level, String message) {
    System.out.printf(
        Locale.ROOT, "    [%7.2f s] %-5s %s%n", (System.nanoTime() - start) / 1e9, level, message);
  }
}
