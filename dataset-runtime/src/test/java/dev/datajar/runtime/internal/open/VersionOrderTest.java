package dev.datajar.runtime.internal.open;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order in which the jars of a directory are taken as newer: Maven's, for the usual forms. */
class VersionOrderTest {
  @Test
  void ordersAsMavenDoes() {
    List<String> ordered =
        List.of(
            "1.0-alpha-1",
            "1.0-a2",
            "1.0-beta",
            "1.0-M1",
            "1.0-rc1",
            "1.0-cr2",
            "1.0-SNAPSHOT",
            "1.0",
            "1.0-sp1",
            "1.0.1",
            "1.9",
            "1.10",
            "2026.9",
            "2026.12",
            "2026.12.1");
    List<String> shuffled = new ArrayList<>(ordered);
    Collections.reverse(shuffled);
    shuffled.sort(VersionOrder.INSTANCE);
    assertEquals(ordered, shuffled);
  }

  @Test
  void missingPartsAreZeroOrTheRelease() {
    assertEquals(0, VersionOrder.INSTANCE.compare("2.0", "2.0.0"));
    assertEquals(0, VersionOrder.INSTANCE.compare("2", "2.0-final"));
    assertEquals(0, VersionOrder.INSTANCE.compare("2.0-GA", "2.0-release"));
    assertEquals(-1, Integer.signum(VersionOrder.INSTANCE.compare("2.0-foo", "2.0.1")));
    assertEquals(1, Integer.signum(VersionOrder.INSTANCE.compare("2.0-foo", "2.0-sp")));
  }
}
