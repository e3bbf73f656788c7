package dev.datajar.runtime.internal.hibernate;

import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.DataSetOpenException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Checks, before Hibernate starts, that the class path has the Hibernate ORM and Jakarta
 * Persistence releases datajar's Hibernate path is written for, and says how to get them when not.
 *
 * <p>Plain reads never come here: they use neither. A dependency manager (Spring Boot 3's parent
 * manages Hibernate 6.6 and jakarta.persistence-api 3.1) can choose older releases than datajar
 * declares; without this check the first use would fail deep inside Hibernate's boot with a {@code
 * NoClassDefFoundError}. Looks the versions up by name only, so that it works (and says so) when
 * Hibernate is not on the class path at all.
 */
public final class HibernateVersions {
  /** The oldest Hibernate ORM release (major.minor) the Hibernate path works with. */
  static final int[] NEEDED_HIBERNATE = {7, 2};

  /** The oldest Jakarta Persistence API (major.minor) that Hibernate ORM 7 works with. */
  private static final int[] NEEDED_PERSISTENCE = {3, 2};

  /**
   * The releases datajar is built and tested with, suggested in the message; a test pins them to
   * the build's own ({@code hibernate.version} in the root pom and what it brings).
   */
  static final String BUILT_WITH_HIBERNATE = "7.4.13.Final";

  static final String BUILT_WITH_PERSISTENCE = "3.2.0";

  private static final String PERSISTENCE_POM =
      "META-INF/maven/jakarta.persistence/jakarta.persistence-api/pom.properties";

  private HibernateVersions() {}

  /**
   * Throws a {@link DataSetException} naming the versions found, the versions needed and the
   * properties to set, if Hibernate cannot start for a read of dataset {@code name}.
   */
  static void checkForRead(String name) {
    String problem = problem(HibernateVersions.class.getClassLoader());
    if (problem != null) {
      throw new DataSetException(
          "dataset '"
              + name
              + "': Hibernate, which query() and reads of entities the plain reader cannot"
              + " read go through, "
              + problem);
    }
  }

  /**
   * As {@link #checkForRead}, while the dataset opens: a {@link DataSetOpenException}.
   *
   * @param use what needs Hibernate now, for the message
   */
  public static void checkAtOpen(String name, String use) {
    String problem = problem(HibernateVersions.class.getClassLoader());
    if (problem != null) {
      throw new DataSetOpenException(name, use + ": Hibernate " + problem);
    }
  }

  /** What is wrong with the releases {@code loader} sees, or {@code null} if nothing is. */
  static String problem(ClassLoader loader) {
    String hibernate = hibernateVersion(loader);
    String persistence = persistenceVersion(loader);
    boolean dialects = present("org.hibernate.community.dialect.SQLiteDialect", loader);
    boolean hibernateOk = hibernate != null && atLeast(hibernate, NEEDED_HIBERNATE);
    // PersistenceConfiguration is new in 3.2: the classes tell, whatever a jar records.
    boolean persistenceOk = present("jakarta.persistence.PersistenceConfiguration", loader);
    if (hibernateOk && persistenceOk && dialects) {
      return null;
    }
    return "needs Hibernate ORM "
        + text(NEEDED_HIBERNATE)
        + " or later (org.hibernate.orm:hibernate-core and hibernate-community-dialects, the same"
        + " version) and jakarta.persistence-api "
        + text(NEEDED_PERSISTENCE)
        + " or later; found: "
        + (hibernate == null ? "no Hibernate ORM" : "Hibernate ORM " + hibernate)
        + (hibernate != null && !dialects ? " without hibernate-community-dialects" : "")
        + ", "
        + (persistence == null
            ? "no jakarta.persistence-api"
            : "jakarta.persistence-api " + persistence)
        + ". A dependency manager chose these (Spring Boot 3's spring-boot-starter-parent or"
        + " spring-boot-dependencies manages Hibernate 6.6 and jakarta.persistence-api 3.1):"
        + " set <hibernate.version>"
        + BUILT_WITH_HIBERNATE
        + "</hibernate.version> and <jakarta-persistence.version>"
        + BUILT_WITH_PERSISTENCE
        + "</jakarta-persistence.version> in your pom's <properties> (the versions datajar is"
        + " built with), or the same versions in your own dependency management."
        + " Plain reads (get, search, count, stream of entities without collections"
        + " Hibernate must load) need neither.";
  }

  /** Hibernate's own version string, or {@code null} if Hibernate is not on the class path. */
  static String hibernateVersion(ClassLoader loader) {
    try {
      Class<?> version = Class.forName("org.hibernate.Version", false, loader);
      Object v = version.getMethod("getVersionString").invoke(null);
      return v == null ? "(unknown version)" : v.toString();
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  /**
   * The jakarta.persistence-api release on the class path, or {@code null} if there is none: the
   * version its jar records, or, from a jar that records none, what its classes tell.
   */
  static String persistenceVersion(ClassLoader loader) {
    if (!present("jakarta.persistence.Entity", loader)) {
      return null;
    }
    try (InputStream in = loader.getResourceAsStream(PERSISTENCE_POM)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null) {
          return v;
        }
      }
    } catch (IOException e) {
      // told below from the classes
    }
    return present("jakarta.persistence.PersistenceConfiguration", loader)
        ? "3.2 or later (a jar that records no version)"
        : "before 3.2 (a jar that records no version)";
  }

  private static boolean present(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** True if {@code version} ("6.6.33.Final", "3.1.0") is at least {@code needed} (major.minor). */
  static boolean atLeast(String version, int[] needed) {
    String[] parts = version.split("[.\\-]");
    for (int i = 0; i < needed.length; i++) {
      int n;
      try {
        n = i < parts.length ? Integer.parseInt(parts[i]) : 0;
      } catch (NumberFormatException e) {
        return false;
      }
      if (n != needed[i]) {
        return n > needed[i];
      }
    }
    return true;
  }

  private static String text(int[] version) {
    return version[0] + "." + version[1];
  }
}
