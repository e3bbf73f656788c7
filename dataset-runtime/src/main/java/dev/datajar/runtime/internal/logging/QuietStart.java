package dev.datajar.runtime.internal.logging;

import org.slf4j.LoggerFactory;

/**
 * Keeps SLF4J from printing its three "No SLF4J providers were found" lines on stderr when a
 * service has no SLF4J backend: HikariCP logs through SLF4J, so without this the first dataset
 * opened prints them in every application that does not use SLF4J itself.
 *
 * <p>SLF4J reads its report level ({@code slf4j.internal.verbosity}) once, when it starts. Only
 * when no provider is present and the user set neither property, this starts SLF4J with that level
 * at {@code ERROR} and removes the property again: nothing is left in the system properties, and
 * with no provider SLF4J would drop every record anyway (its NOP logger). With a provider present,
 * or SLF4J already started, it changes nothing.
 */
public final class QuietStart {
  private static final String VERBOSITY = "slf4j.internal.verbosity";
  private static boolean done;

  private QuietStart() {}

  /** Call before anything that logs through SLF4J is first used; cheap after the first call. */
  public static synchronized void slf4j() {
    if (done) {
      return;
    }
    done = true;
    if (System.getProperty(VERBOSITY) != null || Slf4jPresence.hasProvider()) {
      return;
    }
    try {
      System.setProperty(VERBOSITY, "ERROR");
      try {
        LoggerFactory.getILoggerFactory();
      } finally {
        System.clearProperty(VERBOSITY);
      }
    } catch (LinkageError e) {
      // No slf4j-api on the class path: nothing can print.
    }
  }
}
