package dev.datajar.benchmarks.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the benchmark ran on, printed with every result: on a shared 2-core machine the load average
 * explains more of the spread between runs than anything in the code does.
 */
public final class Machine {
  private Machine() {}

  /** The 1-minute load average from {@code /proc/loadavg}, or "?" where there is none. */
  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /**
   * One line for a report: CPU model and count, memory, operating system and Java, read from {@code
   * /proc} where there is one.
   */
  public static String details() {
    String cpu = procField("/proc/cpuinfo", "model name");
    String mem = procField("/proc/meminfo", "MemTotal");
    return String.format(
        Locale.ROOT,
        "%d × %s, RAM %s, %s %s, Java %s (%s %s)",
        Runtime.getRuntime().availableProcessors(),
        cpu,
        mem,
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("java.vendor"));
  }

  private static String procField(String file, String field) {
    try {
      for (String line : Files.readAllLines(Path.of(file))) {
        if (line.startsWith(field)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: say so below
    }
    return "?";
  }

  /** One line: processors, max heap, Java version and the load average now. */
  public static String describe() {
    return String.format(
        Locale.ROOT,
        "%d processors, max heap %,d MB, Java %s (%s), load %s",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        loadAverage());
  }
}
