package dev.datajar.it;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts another JVM from a test: this JVM's {@code java}, its {@code -XX} options
 * (the build's test JVM settings, surefire.jvm in the parent POM: the child is as short-lived as
 * the test JVM), then {@code args}.
 */
final class ChildJvm {
  private ChildJvm() {}

  /** A new, modifiable list. */
  static List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-XX:"))
        .forEach(command::add);
    command.addAll(List.of(args));
    return command;
  }
}
