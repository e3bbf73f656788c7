package dev.datajar.benchmarks.data;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns Hibernate's and HikariCP's start-up chatter (java.util.logging, as no SLF4J binding is on
 * the class path) down to warnings, so that benchmark output stays readable.
 */
public final class QuietLogging {
  // java.util.logging keeps loggers weakly: hold them, or the level is lost at the next GC.
  private static final List<Logger> HELD = new ArrayList<>();

  private QuietLogging() {}

  public static synchronized void apply() {
    if (!HELD.isEmpty()) {
      return;
    }
    for (String name : List.of("org.hibernate", "com.zaxxer.hikari")) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.WARNING);
      HELD.add(logger);
    }
  }
}
