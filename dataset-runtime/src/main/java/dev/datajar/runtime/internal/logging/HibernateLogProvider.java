package dev.datajar.runtime.internal.logging;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.jboss.logging.JDKLoggerProvider;
import org.jboss.logging.LoggerProvider;
import org.jboss.logging.Slf4jLoggerProvider;

/**
 * Chooses where Hibernate's records go when the application has not chosen: through SLF4J if it has
 * a provider, else {@code java.util.logging} with Hibernate at {@code WARNING}.
 *
 * <p>Hibernate logs through JBoss Logging, which picks its backend once per JVM: the system
 * property {@code org.jboss.logging.provider}; else the first {@link LoggerProvider} found with
 * {@code ServiceLoader} (this class, listed in {@code META-INF/services}); else JBoss LogManager,
 * Log4j 2, Logback (through SLF4J), Log4j 1, and last {@code java.util.logging}. So SLF4J is used
 * only with Logback: with slf4j-simple or any other SLF4J backend, Hibernate's records went to
 * {@code java.util.logging}, whose default console handler prints every {@code INFO} record of a
 * boot on stderr.
 *
 * <p>This provider steps aside (its constructor throws, which JBoss Logging skips) whenever JBoss
 * Logging would have found one of the frameworks it prefers to {@code java.util.logging}, so an
 * application on Log4j 2 or Logback keeps its setup. Otherwise it takes SLF4J when a provider is
 * present, and {@code java.util.logging} otherwise, where it sets logger {@code org.hibernate} to
 * {@code WARNING} unless the application configured a level for it: a normal start prints nothing,
 * a warning still shows. To see Hibernate's {@code INFO} records there, set {@code
 * org.hibernate.level = INFO} in the logging configuration.
 */
public final class HibernateLogProvider implements LoggerProvider {
  // java.util.logging holds loggers weakly: keep the one whose level is set here.
  @SuppressWarnings("UnusedVariable") // held, never read: it keeps the logger and its level
  private static Logger hibernate;

  private final LoggerProvider delegate;

  /** Called by JBoss Logging's {@code ServiceLoader}; throws to let it choose by itself. */
  public HibernateLogProvider() {
    ClassLoader loader = LoggerProvider.class.getClassLoader();
    String preferred = preferredFramework(loader);
    if (preferred != null) {
      throw new IllegalStateException("datajar leaves Hibernate's logging to " + preferred);
    }
    if (Slf4jPresence.hasProvider()) {
      delegate = new Slf4jLoggerProvider();
    } else {
      quietHibernate();
      delegate = new JDKLoggerProvider();
    }
  }

  /** A framework JBoss Logging would pick before {@code java.util.logging}, or null. */
  private static String preferredFramework(ClassLoader loader) {
    if ("org.jboss.logmanager.LogManager".equals(LogManager.getLogManager().getClass().getName())) {
      return "JBoss LogManager";
    }
    if (present("org.apache.logging.log4j.spi.AbstractLogger", loader)) {
      return "Log4j 2";
    }
    if (present("ch.qos.logback.classic.Logger", loader)) {
      return "Logback";
    }
    if (present("org.apache.log4j.LogManager", loader)) {
      return "Log4j";
    }
    return null;
  }

  private static boolean present(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static synchronized void quietHibernate() {
    Logger logger = Logger.getLogger("org.hibernate");
    if (logger.getLevel() == null
        && LogManager.getLogManager().getProperty("org.hibernate.level") == null) {
      logger.setLevel(Level.WARNING);
    }
    hibernate = logger;
  }

  @Override
  public org.jboss.logging.Logger getLogger(String name) {
    return delegate.getLogger(name);
  }

  @Override
  public void clearMdc() {
    delegate.clearMdc();
  }

  @Override
  public Object putMdc(String key, Object value) {
    return delegate.putMdc(key, value);
  }

  @Override
  public Object getMdc(String key) {
    return delegate.getMdc(key);
  }

  @Override
  public void removeMdc(String key) {
    delegate.removeMdc(key);
  }

  @Override
  public Map<String, Object> getMdcMap() {
    return delegate.getMdcMap();
  }

  @Override
  public void clearNdc() {
    delegate.clearNdc();
  }

  @Override
  public String getNdc() {
    return delegate.getNdc();
  }

  @Override
  public int getNdcDepth() {
    return delegate.getNdcDepth();
  }

  @Override
  public String popNdc() {
    return delegate.popNdc();
  }

  @Override
  public String peekNdc() {
    return delegate.peekNdc();
  }

  @Override
  public void pushNdc(String message) {
    delegate.pushNdc(message);
  }

  @Override
  public void setNdcMaxDepth(int maxDepth) {
    delegate.setNdcMaxDepth(maxDepth);
  }
}
