package dev.datajar.runtime.internal.logging;

import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/** Whether SLF4J 2 is on the class path with a provider (a logging backend) behind it. */
final class Slf4jPresence {
  static final String PROVIDER_PROPERTY = "slf4j.provider";

  private Slf4jPresence() {}

  /** {@code false} without slf4j-api 2, or with it but no provider: SLF4J would log nowhere. */
  static boolean hasProvider() {
    if (System.getProperty(PROVIDER_PROPERTY) != null) {
      return true;
    }
    try {
      // SLF4J looks providers up with its own class loader; stream() names them without
      // creating one.
      ClassLoader loader = LoggerFactory.class.getClassLoader();
      return ServiceLoader.load(SLF4JServiceProvider.class, loader).stream().findAny().isPresent();
    } catch (LinkageError e) {
      return false; // no slf4j-api, or SLF4J 1.x, which has no providers
    }
  }
}
