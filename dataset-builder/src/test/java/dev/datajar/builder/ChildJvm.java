package dev.datajar.builder;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command of a JVM that a test starts itself. */
final class ChildJvm {
  private ChildJvm() {}

  /**
   * {@code java} with this JVM's {@code -XX} options: the child is as short-lived as the test JVM
   * and gets the same compiler and GC settings (surefire.jvm in the parent POM).
   */
  static List<String> java() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-XX:"))
        .forEach(command::add);
    return command;
  }
}
