package dev.datajar.benchmarks.read;

import dev.datajar.benchmarks.data.Machine;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Checks that streaming all 1,000,000 items works under {@code -Xmx64m}: runs {@link StreamProbe}
 * in forked JVMs with that heap, plain JDBC first, then {@code Store}. A pass/fail check, not a
 * timing.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.datajar.benchmarks.read.SmallHeapStream</pre>
 */
public final class SmallHeapStream {
  private SmallHeapStream() {}

  public static void main(String[] args) throws Exception {
    String heap = args.length > 0 ? args[0] : "-Xmx64m";
    Path file = ReadDataSet.ensure();
    System.out.println("streaming every item of " + file + " in a child JVM with " + heap);
    System.out.println(Machine.describe());
    boolean ok = true;
    for (String variant : List.of("jdbc", "store")) {
      ChildJvm.Outcome outcome =
          ChildJvm.run(List.of(heap), List.of(), StreamProbe.class, variant, file.toString());
      boolean passed =
          outcome.exitCode() == 0
              && String.valueOf(ReadDataSet.ROWS).equals(outcome.result("rows"));
      ok &= passed;
      System.out.printf(
          Locale.ROOT,
          "%-5s %s: exit %d, rows %s, %s s, peak heap <= %s MB" + " (max %s MB)%n",
          variant,
          passed ? "PASS" : "FAIL",
          outcome.exitCode(),
          outcome.result("rows"),
          outcome.result("seconds"),
          outcome.result("peakHeapMb"),
          outcome.result("maxHeapMb"));
    }
    System.exit(ok ? 0 : 1);
  }
}
