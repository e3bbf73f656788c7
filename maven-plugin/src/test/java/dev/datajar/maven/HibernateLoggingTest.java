package dev.datajar.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class HibernateLoggingTest {
  private static LogRecord record(Level level, String message, Object... parameters) {
    LogRecord r = new LogRecord(level, message);
    r.setParameters(parameters);
    return r;
  }

  @Test
  void handler_keepsWarningsAndErrorsAndDemotesTheRestToDebug() {
    RecordingLog maven = new RecordingLog();
    HibernateLogging.MavenHandler handler = new HibernateLogging.MavenHandler(maven);
    handler.publish(
        record(Level.INFO, "HHH000001: Hibernate ORM core version {0}", "7.4.13.Final"));
    handler.publish(record(Level.WARNING, "HHH90000025: a deprecation"));
    handler.publish(record(Level.SEVERE, "HHH000346: an error"));
    assertEquals(
        List.of(
            "debug: HHH000001: Hibernate ORM core version 7.4.13.Final",
            "warn: HHH90000025: a deprecation",
            "error: HHH000346: an error"),
        maven.lines);
  }
}
