package dev.datajar.runtime.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Packs a built corpus and its entity classes into a dataset jar, as a dataset module's is. */
public final class CorpusJar {
  private CorpusJar() {}

  /** Writes {@code jar} from the build output {@code out} and the corpus classes. */
  public static Path write(Path out, Path jar) throws Exception {
    Path classes = CorpusFixture.classesOf(out);
    Path pkg = classes.resolve(CorpusFixture.PACKAGE);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(file)) {
      for (String name : List.of("index", "edges.sqlite", "edges.manifest.json")) {
        add(zip, "META-INF/datasets/" + name, out.resolve(name));
      }
      try (Stream<Path> list = Files.list(pkg)) {
        for (Path p : list.sorted().toList()) {
          add(zip, classes.relativize(p).toString().replace('\\', '/'), p);
        }
      }
    }
    return jar;
  }

  private static void add(JarOutputStream zip, String name, Path from) throws IOException {
    zip.putNextEntry(new JarEntry(name));
    Files.copy(from, zip);
    zip.closeEntry();
  }
}
