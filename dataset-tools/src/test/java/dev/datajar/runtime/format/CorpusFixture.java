package dev.datajar.runtime.format;

import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.DataSetBuilder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Builds dataset {@code edges} from the corpus's source texts with the real builder: one CSV row
 * per edge value, written here by hand (every non-NULL field quoted) rather than by the code under
 * test.
 *
 * <p>The corpus ({@link Corpus}, {@link Edge}) is dataset-runtime's, from its test jar; this class
 * sits in the corpus's package to read its package-private entries.
 */
public final class CorpusFixture {
  /** The corpus's package as a path inside a class folder or jar. */
  static final String PACKAGE = "dev/datajar/runtime/format/";

  private CorpusFixture() {}

  /** Builds the corpus under {@code dir}; returns the output folder (holding the index). */
  public static Path build(Path dir) throws Exception {
    return build(dir, rows -> rows);
  }

  /** The id of the corpus row that holds {@code text} in {@code attribute}. */
  public static long idOf(String attribute, String text) {
    return Corpus.ENTRIES.stream()
        .filter(e -> e.attribute().equals(attribute) && Objects.equals(e.text(), text))
        .findFirst()
        .orElseThrow()
        .id();
  }

  /**
   * Builds the corpus after {@code edit} changed its rows, each {@code {id, attribute, text}}
   * ({@code text} null for NULL).
   */
  public static Path build(Path dir, UnaryOperator<List<String[]>> edit) throws Exception {
    List<String[]> rows = new ArrayList<>();
    for (Corpus.Entry e : Corpus.ENTRIES) {
      rows.add(new String[] {Long.toString(e.id()), e.attribute(), e.text()});
    }
    rows = edit.apply(rows);
    Path sources = dir.resolve("src");
    Path folder = sources.resolve("edges");
    Files.createDirectories(folder);
    Set<String> attributes = new LinkedHashSet<>(Corpus.attributes());
    StringBuilder csv = new StringBuilder("id");
    attributes.forEach(a -> csv.append(',').append(a));
    csv.append('\n');
    for (String[] e : rows) {
      csv.append(e[0]);
      for (String a : attributes) {
        csv.append(',');
        if (a.equals(e[1]) && e[2] != null) {
          csv.append('"').append(e[2].replace("\"", "\"\"")).append('"');
        }
      }
      csv.append('\n');
    }
    Files.writeString(folder.resolve("edge.csv"), csv, StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    new DataSetBuilder()
        .build(
            BuildRequest.builder()
                .classesDirectory(copyClasses(classesOf(out)))
                .classLoader(CorpusFixture.class.getClassLoader())
                .sourceDirectory(sources)
                .outputDirectory(out)
                .workDirectory(dir.resolve("work"))
                .dataSets(Set.of("edges"))
                .force(true)
                .build());
    return out;
  }

  /** The class folder beside a build's output {@code out}: the corpus's classes, and only them. */
  static Path classesOf(Path out) {
    return out.resolveSibling("classes");
  }

  /**
   * Copies the corpus's classes ({@link Edge}, {@link Edges} and the converters) out of
   * dataset-runtime's test classes, a jar or (in a reactor build before {@code package}) a folder,
   * into {@code target}: the builder scans a class folder, and the runtime's test classes hold
   * entities of other datasets too.
   */
  private static Path copyClasses(Path target) throws IOException, URISyntaxException {
    Path source = Path.of(Edge.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(source)) {
      copyCorpusFiles(source.resolve(PACKAGE), target.resolve(PACKAGE));
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(source)) {
        copyCorpusFiles(jar.getPath(PACKAGE), target.resolve(PACKAGE));
      }
    }
    return target;
  }

  private static void copyCorpusFiles(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> list = Files.list(from)) {
      for (Path p : list.toList()) {
        String name = p.getFileName().toString();
        if (name.equals("Edge.class")
            || name.startsWith("Edge$")
            || name.equals("Edges.class")
            || name.endsWith("Converter.class")) {
          Files.copy(p, to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Number of edge values (rows). */
  public static int size() {
    return Corpus.ENTRIES.size();
  }
}
