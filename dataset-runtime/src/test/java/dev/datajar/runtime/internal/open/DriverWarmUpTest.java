package dev.datajar.runtime.internal.open;

import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The warm-up a start runs beside locating its datasets: it works, once per JVM. */
class DriverWarmUpTest {
  @Test
  void opensSqliteOnceAndSucceeds() {
    // join() rethrows whatever made the warm-up fail (no native library, a driver without the
    // settings it uses): then every first connection of a start would pay for it again.
    DriverWarmUp.start().join();
    assertSame(DriverWarmUp.start(), DriverWarmUp.start());
  }
}
