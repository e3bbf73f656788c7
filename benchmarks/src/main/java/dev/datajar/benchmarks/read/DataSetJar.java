package dev.datajar.benchmarks.read;

import dev.datajar.runtime.format.DataSetLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Packs a builder output folder ({@code bench.sqlite}, manifest, {@code index}) into a dataset jar
 * the way {@code maven-jar-plugin} would: entries under {@code META-INF/datasets/}, deflated, fixed
 * timestamps; optionally with the entity classes, as a real dataset jar holds them.
 */
final class DataSetJar {
  private DataSetJar() {}

  static Path write(Path builderOutput, Path jar) throws IOException {
    return write(builderOutput, jar, List.of());
  }

  /** The dataset files plus the class files of {@code classes}, read from their class loader. */
  static Path write(Path builderOutput, Path jar, List<Class<?>> classes) throws IOException {
    Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
    Files.createDirectories(jar.getParent());
    try (OutputStream file = Files.newOutputStream(tmp);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> files = Files.list(builderOutput)) {
      for (Class<?> type : classes) {
        putClass(out, type);
      }
      for (Path p : (Iterable<Path>) files.sorted()::iterator) {
        JarEntry entry = new JarEntry(DataSetLayout.RESOURCE_DIR + p.getFileName());
        entry.setLastModifiedTime(FileTime.fromMillis(0));
        out.putNextEntry(entry);
        Files.copy(p, out);
        out.closeEntry();
      }
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return jar;
  }

  /** Adds {@code type}'s class file to {@code out}, dated 1970 like every entry here. */
  static void putClass(JarOutputStream out, Class<?> type) throws IOException {
    String name = type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("class file " + name + " not found");
      }
      JarEntry entry = new JarEntry(name);
      entry.setLastModifiedTime(FileTime.fromMillis(0));
      out.putNextEntry(entry);
      in.transferTo(out);
      out.closeEntry();
    }
  }
}
