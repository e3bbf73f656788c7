package dev.datajar.benchmarks.read;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a main class of this module in a fresh JVM (same java, same class path plus extras),
 * echoing its output and keeping the lines that start with {@code RESULT}.
 *
 * <p>Used where a measurement needs its own JVM: a small heap, or a cold start-up.
 */
final class ChildJvm {
  /** What a child printed and how it ended; {@code wallNanos} includes JVM start. */
  record Outcome(int exitCode, long wallNanos, List<String> results) {
    String result(String key) {
      for (String line : results) {
        for (String part : line.split(" ")) {
          if (part.startsWith(key + "=")) {
            return part.substring(key.length() + 1);
          }
        }
      }
      return null;
    }
  }

  private ChildJvm() {}

  static Outcome run(List<String> jvmArgs, List<Path> extraClasspath, Class<?> main,
      String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
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
      try (BufferedReader out = new BufferedReader(
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
}
