package dev.datajar.maven;

import java.util.Properties;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Makes a dataset module's jar reproducible when its pom does not say how.
 *
 * <p>The dataset file is byte-identical from build to build, but the jar around it is not: without
 * {@code project.build.outputTimestamp}, maven-jar-plugin stamps every entry with the time of the
 * build, so two builds of the same sources give two different jars (and two checksums in a
 * repository). When neither the pom nor {@code -D} sets it, the goal sets it for this module to a
 * fixed time, which the jar plugin then uses for every entry, and says so in one line with the way
 * to choose another.
 *
 * <p>Setting it, rather than only warning, makes the default the reproducible one, which is what a
 * dataset jar is for; the value only affects the entry times of this module's archives. A pom that
 * sets the property (as Maven's own archetypes now do) is left alone.
 */
final class JarTimestamp {
  static final String PROPERTY = "project.build.outputTimestamp";

  /** A fixed time: zip entries hold local DOS times from 1980 on, in two-second steps. */
  static final String DEFAULT = "2000-01-01T00:00:00Z";

  private JarTimestamp() {}

  /** Sets {@link #PROPERTY} on {@code project} unless the pom or the command line set it. */
  static void applyDefault(MavenProject project, Properties userProperties, Log log) {
    if (isSet(project.getProperties().getProperty(PROPERTY))
        || isSet(userProperties.getProperty(PROPERTY))) {
      return;
    }
    project.getProperties().setProperty(PROPERTY, DEFAULT);
    log.info(
        "datajar: "
            + PROPERTY
            + " is not set, so the jar's entries get the fixed time "
            + DEFAULT
            + " and the jar is reproducible. To choose the time, add <"
            + PROPERTY
            + ">"
            + "2026-01-01T00:00:00Z</"
            + PROPERTY
            + "> to the pom's <properties>.");
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
