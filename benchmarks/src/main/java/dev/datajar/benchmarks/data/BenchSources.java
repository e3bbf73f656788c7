package dev.datajar.benchmarks.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The CSV sources of the {@code bench} dataset: {@code bench/parent.csv} and {@code bench/item.csv}
 * under a source directory, laid out as the builder's convention expects.
 *
 * <p>Generation is deterministic: the same row and parent counts always give the same bytes (a
 * fixed seed, {@link Double#toString}, no locale). The files are generated once and reused by later
 * runs; a marker file written last records what was generated, so an interrupted generation is
 * redone rather than half-used.
 */
public final class BenchSources {
  /** Parents in the parent table; 1,000,000 items over 10,000 parents gives ~100 per parent. */
  public static final int DEFAULT_PARENTS = 10_000;

  private static final long SEED = 20261122L;
  private static final String[] WORDS = {
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
    "juliett", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo",
    "sierra", "tango", "uniform", "victor", "whiskey", "x-ray", "yankee", "zulu", "grün",
    "café", "naïve", "\"quoted\"", "comma,separated", "semi;colon"
  };

  private final Path sourceDirectory;
  private final long rows;
  private final int parents;

  public BenchSources(Path sourceDirectory, long rows, int parents) {
    this.sourceDirectory = sourceDirectory;
    this.rows = rows;
    this.parents = parents;
  }

  /** The folder that holds one sub-folder per dataset (the builder's source directory). */
  public Path sourceDirectory() {
    return sourceDirectory;
  }

  public Path parentCsv() {
    return sourceDirectory.resolve("bench").resolve("parent.csv");
  }

  public Path itemCsv() {
    return sourceDirectory.resolve("bench").resolve("item.csv");
  }

  public long rows() {
    return rows;
  }

  public int parents() {
    return parents;
  }

  /** Rows over both tables: what rows/s figures are computed from. */
  public long totalRows() {
    return rows + parents;
  }

  /** Writes the files unless an earlier run already wrote them for the same counts. */
  public BenchSources ensureGenerated() {
    Path marker = sourceDirectory.resolve("generated.txt");
    String expected = "rows=" + rows + " parents=" + parents + " seed=" + SEED + "\n";
    try {
      if (Files.exists(marker) && Files.readString(marker).equals(expected)) {
        return this;
      }
      Files.deleteIfExists(marker);
      Files.createDirectories(parentCsv().getParent());
      writeParents();
      writeItems();
      Files.writeString(marker, expected);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeParents() throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(parentCsv(), StandardCharsets.UTF_8)) {
      out.write("id,name\n");
      for (int id = 1; id <= parents; id++) {
        out.write(id + ",parent-" + id + "\n");
      }
    }
  }

  private void writeItems() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED);
    StringBuilder note = new StringBuilder(96);
    try (BufferedWriter out = Files.newBufferedWriter(itemCsv(), StandardCharsets.UTF_8)) {
      out.write("id,name,note,score,parent_id\n");
      for (long id = 1; id <= rows; id++) {
        note.setLength(0);
        int words = 3 + random.nextInt(6);
        for (int w = 0; w < words; w++) {
          note.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        double score = random.nextDouble() * 1000.0;
        int parent = 1 + random.nextInt(parents);
        out.write(Long.toString(id));
        out.write(",item-");
        out.write(Long.toString(id));
        out.write(',');
        out.write(quote(note));
        out.write(',');
        out.write(Double.toString(score));
        out.write(',');
        out.write(Integer.toString(parent));
        out.write('\n');
      }
    }
  }

  /** RFC 4180 quoting, only where a field needs it (a comma or a quote). */
  private static String quote(CharSequence field) {
    String s = field.toString();
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
