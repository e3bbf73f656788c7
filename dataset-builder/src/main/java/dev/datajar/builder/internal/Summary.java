package dev.datajar.builder.internal;

import dev.datajar.builder.BuildResult.DataSetResult;
import java.util.Locale;

/** The one line logged per dataset built. */
final class Summary {
  private Summary() {}

  static String of(DataSetResult r) {
    return String.format(
        Locale.ROOT,
        "dataset '%s': %d table(s), %,d rows, %,d bytes in %.1f s -> %s",
        r.name(),
        r.tables(),
        r.rows(),
        r.bytes(),
        r.millis() / 1000.0,
        r.file());
  }
}
