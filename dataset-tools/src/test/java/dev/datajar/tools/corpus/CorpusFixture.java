package dev.datajar.tools.corpus;

import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.DataSetBuilder;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds dataset {@code edges} from the corpus's source texts with the real builder: one CSV row
 * per edge value, written here by hand (every non-NULL field quoted) rather than by the code under
 * test.
 */
public final class CorpusFixture {
  private CorpusFixture() {}

  /** Builds the corpus under {@code dir}; returns the output folder (holding the index). */
  public static Path build(Path dir) throws Exception {
    return build(dir, rows -> rows);
  }

  /** The id of the corpus row that holds {@code text} in {@code attribute}. */
  public static long idOf(String attribute, String text) {
    return Corpus.ENTRIES.stream()
        .filter(e -> e.attribute().equals(attribute) && java.util.Objects.equals(e.text(), text))
        .findFirst()
        .orElseThrow()
        .id();
  }

  /**
   * Builds the corpus after {@code edit} changed its rows, each {@code {id, attribute, text}}
   * ({@code text} null for NULL).
   */
  public static Path build(Path dir, java.util.function.UnaryOperator<List<String[]>> edit)
      throws Exception {
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
                .classesDirectory(classesDirectory())
                .classLoader(CorpusFixture.class.getClassLoader())
                .sourceDirectory(sources)
                .outputDirectory(out)
                .workDirectory(dir.resolve("work"))
                .dataSets(Set.of("edges"))
                .force(true)
                .build());
    return out;
  }

  /** The test class folder, which holds {@link Edge}. */
  public static Path classesDirectory() throws URISyntaxException {
    return Path.of(Edge.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Number of edge values (rows). */
  public static int size() {
    return Corpus.ENTRIES.size();
  }
}
