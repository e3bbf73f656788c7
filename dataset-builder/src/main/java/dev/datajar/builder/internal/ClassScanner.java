package dev.datajar.builder.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the classes compiled into a class folder and loads them without initializing them, so no
 * user static initializer runs just because the builder looked.
 */
final class ClassScanner {
  private ClassScanner() {}

  /** Binary names of the classes under {@code classesDirectory}, sorted. */
  static List<String> classNames(Path classesDirectory) {
    if (!Files.isDirectory(classesDirectory)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classesDirectory)) {
      files
          .filter(f -> f.getFileName().toString().endsWith(".class"))
          .forEach(f -> names.add(binaryName(classesDirectory.relativize(f))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    names.removeIf(n -> n.endsWith("module-info") || n.endsWith("package-info"));
    names.sort(null);
    return names;
  }

  private static String binaryName(Path relative) {
    StringBuilder sb = new StringBuilder();
    for (Path part : relative) {
      sb.append(sb.length() == 0 ? "" : ".").append(part);
    }
    return sb.substring(0, sb.length() - ".class".length());
  }

  /**
   * The class, or {@code null} if it cannot be loaded (e.g. it needs an optional dependency that is
   * not on the class path); such a class cannot be an entity the build needs.
   */
  static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
