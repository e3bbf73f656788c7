package dev.datajar.maven;

import dev.datajar.builder.BuildResult.DataSetResult;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The line the build goal logs for each dataset, e.g. {@code dataset 'geo': 3 tables, 12,345 rows,
 * 1.2 MB in 850 ms -> target/classes/META-INF/datasets/geo.sqlite}, {@code dataset 'geo': 3 tables,
 * 12,345 rows in 850 ms -> PostgreSQL schema geo_1_4_0_3f9c2a7b1e} or {@code dataset 'geo' is up to
 * date}.
 *
 * <p>Numbers use {@link Locale#ROOT} so that the line reads the same on every machine (and the
 * plugin's tests can match it); sizes are in binary units (1 KB = 1,024 bytes).
 */
final class SummaryLine {
  private SummaryLine() {}

  /**
   * The line for {@code result}; the file's path is shown relative to {@code basedir} if under it.
   */
  static String of(DataSetResult result, Path basedir) {
    if (result.upToDate()) {
      return "dataset '" + result.name() + "' is up to date";
    }
    if (result.postgresSchema() != null) {
      // No file, so no size to show.
      return String.format(
          Locale.ROOT,
          "dataset '%s': %s, %s in %,d ms -> PostgreSQL schema %s",
          result.name(),
          count(result.tables(), "table"),
          count(result.rows(), "row"),
          result.millis(),
          result.postgresSchema());
    }
    return String.format(
        Locale.ROOT,
        "dataset '%s': %s, %s, %s in %,d ms -> %s",
        result.name(),
        count(result.tables(), "table"),
        count(result.rows(), "row"),
        size(result.bytes()),
        result.millis(),
        shown(result.file(), basedir));
  }

  static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes / 1024.0;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  private static Path shown(Path file, Path basedir) {
    if (file == null) {
      return Path.of("?");
    }
    Path absolute = file.toAbsolutePath().normalize();
    Path base = basedir.toAbsolutePath().normalize();
    return absolute.startsWith(base) ? base.relativize(absolute) : absolute;
  }
}
