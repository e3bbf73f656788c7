package dev.datajar.runtime.internal.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.datajar.runtime.DataSetException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The maximum lifetime of PostgreSQL connections: one setting, module then property then variable.
 */
class ConnectionMaxLifetimeSettingTest {

  private static Settings settings(
      Duration module, Map<String, String> properties, Map<String, String> environment) {
    UnaryOperator<String> p = properties::get;
    UnaryOperator<String> e = environment::get;
    return new Settings(
        List.of(), Map.of(), Map.of(), null, null, p, e, false, false, module, null);
  }

  @Test
  void default_isThirtyMinutes() {
    assertEquals(
        Duration.ofMinutes(30),
        settings(null, Map.of(), Map.of()).connectionMaxLifetimeOrDefault());
  }

  @Test
  void module_thenProperty_thenVariable() {
    Map<String, String> prop = Map.of("datajar.connection.max.lifetime", "90");
    Map<String, String> env = Map.of("DATAJAR_CONNECTION_MAX_LIFETIME", "PT10M");
    assertEquals(
        Duration.ofSeconds(5),
        settings(Duration.ofSeconds(5), prop, env).connectionMaxLifetimeOrDefault());
    assertEquals(
        Duration.ofSeconds(90), settings(null, prop, env).connectionMaxLifetimeOrDefault());
    assertEquals(
        Duration.ofMinutes(10), settings(null, Map.of(), env).connectionMaxLifetimeOrDefault());
    assertEquals(
        Duration.ofMillis(1500),
        settings(null, Map.of("datajar.connection.max.lifetime", "1.5"), Map.of())
            .connectionMaxLifetimeOrDefault());
    assertEquals(
        Duration.ZERO,
        settings(null, Map.of("datajar.connection.max.lifetime", "0"), Map.of())
            .connectionMaxLifetimeOrDefault());
  }

  @Test
  void aValueThatIsNotADuration_namesTheSettingAndTheFix() {
    DataSetException e =
        assertThrows(
            DataSetException.class,
            () ->
                settings(null, Map.of(), Map.of("DATAJAR_CONNECTION_MAX_LIFETIME", "30m"))
                    .connectionMaxLifetimeOrDefault());
    assertEquals(
        "DATAJAR_CONNECTION_MAX_LIFETIME='30m' is not a connection lifetime: give seconds (e.g."
            + " 1800), an ISO-8601 duration (e.g. PT30M), or 0 to keep connections for ever.",
        e.getMessage());
  }
}
