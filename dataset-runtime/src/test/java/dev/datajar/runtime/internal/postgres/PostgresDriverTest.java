package dev.datajar.runtime.internal.postgres;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.datajar.runtime.DataSetOpenException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import org.postgresql.util.DriverInfo;

/** pgjdbc is optional: a PostgreSQL dataset without it fails at opening, naming the dependency. */
class PostgresDriverTest {
  @Test
  void theVersionNamedInTheMessageIsTheOneBuiltWith() {
    assertEquals(DriverInfo.DRIVER_VERSION, PostgresDriver.VERSION);
  }

  @Test
  void withoutTheDriverOpeningSaysWhichDependencyToAdd() throws IOException {
    // A class loader that sees the JDK and nothing of the class path: no pgjdbc.
    try (URLClassLoader bare =
        new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      DataSetOpenException e =
          assertThrows(
              DataSetOpenException.class,
              () -> PostgresDriver.require("geo", "jdbc:postgresql://db/ref (from -Dx)", bare));
      assertEquals("geo", e.dataSet());
      assertEquals(
          "dataset 'geo': is to be read from PostgreSQL (jdbc:postgresql://db/ref (from -Dx)), but"
              + " the PostgreSQL JDBC driver is not on the class path (org.postgresql.Driver not"
              + " found). Add the dependency org.postgresql:postgresql:"
              + PostgresDriver.VERSION
              + " (Maven: <dependency><groupId>org.postgresql</groupId><artifactId>postgresql"
              + "</artifactId><version>"
              + PostgresDriver.VERSION
              + "</version></dependency>); dev.datajar:dataset-runtime declares it optional.",
          e.getMessage());
    }
  }

  @Test
  void withTheDriverNothingIsSaid() {
    assertDoesNotThrow(
        () ->
            PostgresDriver.require(
                "geo", "jdbc:postgresql://db/ref", PostgresDriverTest.class.getClassLoader()));
  }
}
