package dev.datajar.runtime.internal.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.datajar.runtime.DataSetException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a dataset's poll interval comes from: module, then property, then variable; 0: off. */
class FollowSettingTest {
  private static Settings settings(
      Map<String, Duration> module, Map<String, String> props, Map<String, String> env) {
    return new Settings(
        List.of(),
        Map.of(),
        Map.of(),
        null,
        null,
        props::get,
        env::get,
        false,
        false,
        null,
        null,
        module);
  }

  @Test
  void notSet_isNotFollowed() {
    assertNull(settings(Map.of(), Map.of(), Map.of()).followInterval("geo"));
  }

  @Test
  void module_thenProperty_thenVariable() {
    Map<String, String> prop = Map.of("datajar.geo.follow", "30");
    Map<String, String> env = Map.of("DATAJAR_GEO_FOLLOW", "PT1M");
    assertEquals(
        Duration.ofSeconds(5),
        settings(Map.of("geo", Duration.ofSeconds(5)), prop, env).followInterval("geo"));
    assertEquals(Duration.ofSeconds(30), settings(Map.of(), prop, env).followInterval("geo"));
    assertEquals(Duration.ofMinutes(1), settings(Map.of(), Map.of(), env).followInterval("geo"));
    assertNull(settings(Map.of(), Map.of(), env).followInterval("oui"), "another dataset");
  }

  @Test
  void zero_turnsFollowingOff_evenOverALaterSetting() {
    Map<String, String> prop = Map.of("datajar.geo.follow", "30");
    assertNull(settings(Map.of("geo", Duration.ZERO), prop, Map.of()).followInterval("geo"));
    assertNull(
        settings(Map.of(), Map.of("datajar.geo.follow", "0"), Map.of()).followInterval("geo"));
  }

  @Test
  void aValueThatIsNoDuration_failsNamingTheSetting() {
    assertEquals(
        "DATAJAR_GEO_FOLLOW='soon' is not a poll interval: give seconds (e.g. 10), an ISO-8601"
            + " duration (e.g. PT30S), or 0 not to follow the file.",
        assertThrows(
                DataSetException.class,
                () ->
                    settings(Map.of(), Map.of(), Map.of("DATAJAR_GEO_FOLLOW", "soon"))
                        .followInterval("geo"))
            .getMessage());
  }
}
