package dev.datajar.runtime.internal.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.hibernate.Version;
import org.junit.jupiter.api.Test;

/**
 * The check before Hibernate starts: it lets the build's own releases through, and for a class path
 * without Hibernate (or an older one, as a Spring Boot 3 parent manages it) says what it found,
 * what is needed and which properties to set. The older releases themselves are tested for real by
 * the starter's invoker case boot-3.5-parent.
 */
class HibernateVersionsTest {
  private static final ClassLoader APP = HibernateVersionsTest.class.getClassLoader();

  @Test
  void theSuggestedVersionsAreTheBuildsOwn() throws IOException {
    assertEquals(Version.getVersionString(), HibernateVersions.BUILT_WITH_HIBERNATE);
    try (InputStream in =
        APP.getResourceAsStream(
            "META-INF/maven/jakarta.persistence/jakarta.persistence-api/pom.properties")) {
      Properties p = new Properties();
      p.load(in);
      assertEquals(p.getProperty("version"), HibernateVersions.BUILT_WITH_PERSISTENCE);
    }
  }

  @Test
  void theBuildsReleasesPass() {
    assertNull(HibernateVersions.problem(APP));
    assertEquals(
        HibernateVersions.BUILT_WITH_PERSISTENCE, HibernateVersions.persistenceVersion(APP));
  }

  @Test
  void withoutHibernateSaysWhatIsMissingAndWhatToSet() {
    String p = HibernateVersions.problem(new Hiding("org.hibernate."));
    assertEquals(
        "needs Hibernate ORM 7.2 or later (org.hibernate.orm:hibernate-core and"
            + " hibernate-community-dialects, the same version) and jakarta.persistence-api 3.2 or"
            + " later; found: no Hibernate ORM, jakarta.persistence-api 3.2.0. A"
            + " dependency manager chose these (Spring Boot 3's spring-boot-starter-parent or"
            + " spring-boot-dependencies manages Hibernate 6.6 and jakarta.persistence-api 3.1):"
            + " set <hibernate.version>7.4.13.Final</hibernate.version> and"
            + " <jakarta-persistence.version>3.2.0</jakarta-persistence.version> in your pom's"
            + " <properties> (the versions datajar is built with), or the same versions in your own"
            + " dependency management. Plain reads (get, search, count, stream of entities without"
            + " collections Hibernate must load) need neither.",
        p);
  }

  @Test
  void withoutTheDialectsOrThePersistenceApiSaysSo() {
    String p = HibernateVersions.problem(new Hiding("org.hibernate.community."));
    assertTrue(p.contains("found: Hibernate ORM " + Version.getVersionString() + " without"), p);
    p = HibernateVersions.problem(new Hiding("jakarta.persistence.", "META-INF/maven/jakarta"));
    assertTrue(p.contains(", no jakarta.persistence-api. "), p);
    // jakarta.persistence 3.1 lacks PersistenceConfiguration; a jar recording no version is told
    // by its classes.
    p =
        HibernateVersions.problem(
            new Hiding("jakarta.persistence.PersistenceConfiguration", "META-INF/maven/jakarta"));
    assertTrue(p.contains(", jakarta.persistence-api before 3.2 (a jar that records no"), p);
  }

  @Test
  void comparesMajorAndMinor() {
    int[] needed = {7, 2};
    assertFalse(HibernateVersions.atLeast("6.6.33.Final", needed));
    assertFalse(HibernateVersions.atLeast("7.1.10.Final", needed));
    assertTrue(HibernateVersions.atLeast("7.2.19.Final", needed));
    assertTrue(HibernateVersions.atLeast("7.10.0.CR1", needed));
    assertTrue(HibernateVersions.atLeast("8.0.0-SNAPSHOT", needed));
    assertFalse(HibernateVersions.atLeast("(unknown version)", needed));
  }

  /** The test class path without the classes and resources whose names start with a prefix. */
  private static final class Hiding extends ClassLoader {
    private final String[] hidden;

    Hiding(String... hidden) {
      super(APP);
      this.hidden = hidden;
    }

    private boolean hides(String name) {
      for (String h : hidden) {
        if (name.startsWith(h)) {
          return true;
        }
      }
      return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (hides(name)) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
      return hides(name) ? null : super.getResourceAsStream(name);
    }
  }
}
