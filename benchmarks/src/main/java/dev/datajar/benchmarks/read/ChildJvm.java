package dev.datajar.benchmarks.read;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a main class in a fresh JVM (the same {@code java} as this one) and keeps the lines it
 * prints that start with {@code RESULT}.
 *
 * <p>Used where a measurement needs its own JVM: a small heap ({@link SmallHeapStream}), or a
 * start-up ({@link StartupBenchmark}, through {@link Launch}: its own class path, environment and a
 * command in front, such as {@code /usr/bin/time -v}).
 */
final class ChildJvm {
  /** Variables removed from every child's environment: each would add JVM flags. */
  static final List<String> JVM_OPTION_VARIABLES =
      List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  /** What a child printed and how it ended; {@code wallNanos} includes JVM start and exit. */
  record Outcome(int exitCode, long wallNanos, List<String> results) {
    String result(String key) {
      for (String line : results) {
        String[] parts = line.split(" ");
        for (int i = 0; i < parts.length; i++) {
          if (parts[i].startsWith(key + "=")) {
            // "value=" ends a line and may hold spaces; other values are single words.
            return key.equals("value")
                ? String.join(" ", List.of(parts).subList(i, parts.length)).substring(6)
                : parts[i].substring(key.length() + 1);
          }
        }
      }
      return null;
    }
  }

  /**
   * One child JVM: {@code prefix… java jvmArgs… -cp classPath mainClass args…}, run in {@code
   * directory} with {@code environment} changed as given (a {@code null} value removes the
   * variable), everything it prints written to {@code output}.
   */
  record Launch(
      List<String> prefix,
      List<String> jvmArgs,
      List<Path> classPath,
      String mainClass,
      List<String> args,
      Map<String, String> environment,
      Path directory,
      Path output) {}

  private ChildJvm() {}

  /** This JVM's class path plus {@code extraClasspath}; output echoed, indented. */
  static Outcome run(
      List<String> jvmArgs, List<Path> extraClasspath, Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(jvmArgs);
    StringBuilder classpath = new StringBuilder(System.getProperty("java.class.path"));
    for (Path extra : extraClasspath) {
      classpath.append(File.pathSeparatorChar).append(extra);
    }
    command.add("-cp");
    command.add(classpath.toString());
    command.add(main.getName());
    command.addAll(List.of(args));
    List<String> results = new ArrayList<>();
    try {
      long t0 = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          if (line.startsWith("RESULT")) {
            results.add(line);
          } else {
            System.out.println("    | " + line);
          }
        }
      }
      int exit = process.waitFor();
      return new Outcome(exit, System.nanoTime() - t0, results);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs {@code launch} and waits for it. The child writes straight into its output file, so this
   * JVM does nothing while the child runs; {@code wallNanos} is taken around the whole command,
   * prefix included.
   */
  static Outcome run(Launch launch) {
    List<String> command = new ArrayList<>(launch.prefix());
    command.add(javaBinary());
    command.addAll(launch.jvmArgs());
    command.add("-cp");
    command.add(
        String.join(File.pathSeparator, launch.classPath().stream().map(Path::toString).toList()));
    command.add(launch.mainClass());
    command.addAll(launch.args());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(launch.directory().toFile())
            .redirectErrorStream(true)
            .redirectOutput(launch.output().toFile());
    Map<String, String> env = builder.environment();
    JVM_OPTION_VARIABLES.forEach(env::remove);
    launch
        .environment()
        .forEach(
            (k, v) -> {
              if (v == null) {
                env.remove(k);
              } else {
                env.put(k, v);
              }
            });
    try {
      Files.createDirectories(launch.output().getParent());
      long t0 = System.nanoTime();
      Process process = builder.start();
      int exit = process.waitFor();
      long wall = System.nanoTime() - t0;
      List<String> results = new ArrayList<>();
      String printed = new String(Files.readAllBytes(launch.output()), StandardCharsets.UTF_8);
      for (String line : printed.split("\n")) {
        if (line.startsWith("RESULT")) {
          results.add(line);
        }
      }
      return new Outcome(exit, wall, results);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
