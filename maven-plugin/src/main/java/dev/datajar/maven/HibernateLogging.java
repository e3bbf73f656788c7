package dev.datajar.maven;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.apache.maven.plugin.logging.Log;

/**
 * Sends what Hibernate logs to Maven's console instead of stderr: warnings and errors as {@code
 * [WARNING]}/{@code [ERROR]}, everything else at debug level ({@code mvn -X}).
 *
 * <p>Inside Maven, Hibernate's jboss-logging finds no logging framework it prefers and falls back
 * to {@code java.util.logging}, whose default handler prints dated two-line records for every boot
 * step — noise between Maven's lines that {@code -q} does not even hide. A Gradle plugin or a CLI
 * would decide this for itself, so it lives here rather than in the builder.
 *
 * <p>Installed once per plugin class loader and left in place: removing it while another module's
 * build runs in parallel ({@code -T}) would bring the noise back for that build.
 */
final class HibernateLogging {
  // Held so that the logger, with the handler and flags set on it, is not collected:
  // java.util.logging keeps loggers only weakly.
  private static final Logger HIBERNATE = Logger.getLogger("org.hibernate");
  private static boolean installed;

  private HibernateLogging() {}

  /** Routes Hibernate's {@code java.util.logging} records to {@code log}, once. */
  static synchronized void routeTo(Log log) {
    if (installed) {
      return;
    }
    installed = true;
    // Set here, so that 'mvn -X' shows Hibernate's INFO records whatever the runtime's default
    // (WARNING when the application configured no level) was.
    HIBERNATE.setLevel(log.isDebugEnabled() ? Level.INFO : Level.WARNING);
    HIBERNATE.setUseParentHandlers(false);
    HIBERNATE.addHandler(new MavenHandler(log));
  }

  /** Writes records to Maven's log. */
  static final class MavenHandler extends Handler {
    private final Log log;
    private final SimpleFormatter formatter = new SimpleFormatter();

    MavenHandler(Log log) {
      this.log = log;
    }

    @Override
    public void publish(LogRecord record) {
      String message = formatter.formatMessage(record);
      int level = record.getLevel().intValue();
      if (level >= Level.SEVERE.intValue()) {
        log.error(message, record.getThrown());
      } else if (level >= Level.WARNING.intValue()) {
        log.warn(message, record.getThrown());
      } else if (log.isDebugEnabled()) {
        log.debug(message, record.getThrown());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
