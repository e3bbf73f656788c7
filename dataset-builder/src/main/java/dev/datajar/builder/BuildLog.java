package dev.datajar.builder;

/**
 * Where the builder reports what it does. The Maven plugin adapts Maven's {@code Log} to this; a
 * CLI or Gradle plugin would adapt its own.
 *
 * <p>Implementations must be safe to call from the builder's threads.
 */
public interface BuildLog {
  void info(String message);

  void warn(String message);

  void debug(String message);

  /** A log that prints nothing. */
  BuildLog SILENT =
      new BuildLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
      };
}
