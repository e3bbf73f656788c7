package dev.datajar.runtime.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@code META-INF/datasets/index} of a jar or class folder: the names of its datasets, one per
 * line, sorted. The builder writes it with {@link #toBytes}; the runtime finds every dataset jar by
 * this resource's fixed name and reads it with {@link #read}.
 */
public final class DataSetIndex {
  private DataSetIndex() {}

  /** The index text of {@code names}: sorted, one per line, each line ending with a newline. */
  public static byte[] toBytes(Collection<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String n : new TreeSet<>(names)) {
      sb.append(DataSetLayout.checkName(n)).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The names listed in an index; blank lines and surrounding spaces are ignored. */
  public static List<String> read(InputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(line.strip());
        }
      }
    }
    return out;
  }
}
