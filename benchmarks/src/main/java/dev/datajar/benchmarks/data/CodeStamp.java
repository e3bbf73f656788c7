package dev.datajar.benchmarks.data;

import dev.datajar.builder.DataSetBuilder;
import dev.datajar.runtime.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A sha256 of the datajar code that writes and reads dataset files (every class under {@code
 * dev/datajar/builder/} and {@code dev/datajar/runtime/}, wherever they were loaded from), kept
 * beside a cached benchmark dataset. A dataset built by other code is built again: when the builder
 * records more in the file, or the runtime expects more of it, a benchmark must not measure a file
 * the current code would never have written.
 */
public final class CodeStamp {
  private static final String FILE = "datajar-code.sha256";
  private static final List<String> PACKAGES =
      List.of("dev/datajar/builder/", "dev/datajar/runtime/");

  private CodeStamp() {}

  /** Whether {@code dir} holds a stamp equal to the current code's. */
  public static boolean matches(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      return Files.isRegularFile(file) && Files.readString(file).trim().equals(current());
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes the current code's stamp into {@code dir}. */
  public static void write(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(FILE), current() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sha256 (hex) of every class file of the two packages, by name, in name order. */
  public static String current() {
    TreeMap<String, byte[]> classes = new TreeMap<>();
    for (Class<?> anchor : List.of(DataSetBuilder.class, Store.class)) {
      collect(codeSource(anchor), classes);
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      classes.forEach(
          (name, bytes) -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update(bytes);
          });
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collect(Path source, Map<String, byte[]> into) {
    try {
      if (Files.isDirectory(source)) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
          walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
          String name = source.relativize(f).toString().replace('\\', '/');
          if (wanted(name)) {
            into.put(name, Files.readAllBytes(f));
          }
        }
      } else {
        try (JarFile jar = new JarFile(source.toFile())) {
          for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
            if (!e.isDirectory() && wanted(e.getName())) {
              try (InputStream in = jar.getInputStream(e)) {
                into.put(e.getName(), in.readAllBytes());
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean wanted(String name) {
    return name.endsWith(".class") && PACKAGES.stream().anyMatch(name::startsWith);
  }
}
