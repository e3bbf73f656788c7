package dev.datajar.maven;

import dev.datajar.builder.BuildLog;
import java.util.Objects;
import org.apache.maven.plugin.logging.Log;

/**
 * The builder's {@link BuildLog} written to Maven's {@link Log}.
 *
 * <p>Thread-safe as far as Maven's log is, which is what the builder's threads need.
 */
final class MavenBuildLog implements BuildLog {
  private final Log log;

  MavenBuildLog(Log log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  @Override
  public void info(String message) {
    log.info(message);
  }

  @Override
  public void warn(String message) {
    log.warn(message);
  }

  @Override
  public void debug(String message) {
    // Saves building the line in Maven's logger when -X is off; the builder may log per batch.
    if (log.isDebugEnabled()) {
      log.debug(message);
    }
  }
}
