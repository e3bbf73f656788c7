package dev.datajar.tools.corpus;

import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.DataSetBuilder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds dataset {@code edges} from the corpus's source texts with the real builder: one CSV
 * row per edge value, written here by hand (every non-NULL field quoted) rather than by the
 * code under test.
 */
public final class CorpusFixture {
  private CorpusFixture() {}

  /** Builds the corpus under {@code dir}; returns the output folder (holding the index). */
  public static Path build(Path dir) throws Exception {
    Path sources = dir.resolve("src");
    Path folder = sources.resolve("edges");
    Files.createDirectories(folder);
    Set<String> attributes = new LinkedHashSet<>(Corpus.attributes());
    StringBuilder csv = new StringBuilder("id");
    attributes.forEach(a -> csv.append(',').append(a));
    csv.append('\n');
    for (Corpus.Entry e : Corpus.ENTRIES) {
      csv.append(e.id());
      for (String a : attributes) {
        csv.append(',');
        if (a.equals(e.attribute()) && e.text() != null) {
          csv.append('"').append(e.text().replace("\"", "\"\"")).append('"');
        }
      }
      csv.append('\n');
    }
    Files.writeString(folder.resolve("edge.csv"), csv, StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    new DataSetBuilder().build(BuildRequest.builder()
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
