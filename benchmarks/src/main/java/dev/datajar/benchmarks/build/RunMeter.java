package dev.datajar.benchmarks.build;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap use and CPU time during one measured run, read from the JVM's management beans.
 *
 * <p>The heap figure is the sum of each heap pool's own peak, so it is an upper bound of the true
 * peak (pools do not peak at the same moment). It is meant for "does the heap grow with the row
 * count", not for exact sizes; peak RSS comes from {@code /usr/bin/time -v}.
 */
final class RunMeter {
  private RunMeter() {}

  static void reset() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  static long peakHeapMegabytes() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024 * 1024);
  }

  /** CPU time of the whole process so far (all threads, GC and JIT included). */
  static long processCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
