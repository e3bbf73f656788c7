package dev.datajar.tools.internal;

import dev.datajar.tools.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The index of a dataset jar or class folder ({@code META-INF/datasets/index}, one dataset name a
 * line): reading it, and choosing the dataset a tool was asked for.
 */
public final class DataSetIndex {
  /** The index's name inside a {@code META-INF/datasets} folder. */
  public static final String FILE_NAME = "index";

  private DataSetIndex() {}

  /**
   * The names in the index of a jar or folder (a class folder, or a {@code META-INF/datasets}
   * folder itself); empty if it has none.
   */
  public static List<String> namesIn(Path location) throws IOException {
    if (Files.isDirectory(location)) {
      Path index = location.resolve(StorageFormat.INDEX);
      if (!Files.isRegularFile(index)) {
        index = location.resolve(FILE_NAME);
      }
      return Files.isRegularFile(index) ? read(Files.readAllLines(index)) : List.of();
    }
    if (Files.isRegularFile(location) && DataSetFiles.isZip(location)) {
      try (JarFile zip = new JarFile(location.toFile())) {
        return inJar(zip).orElse(List.of());
      }
    }
    return List.of();
  }

  /** The names in a jar's index, or empty if the jar has no index. */
  public static Optional<List<String>> inJar(JarFile zip) throws IOException {
    ZipEntry index = zip.getEntry(StorageFormat.INDEX);
    if (index == null) {
      return Optional.empty();
    }
    try (InputStream in = zip.getInputStream(index)) {
      return Optional.of(
          read(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()));
    }
  }

  /** The names in a {@code META-INF/datasets} folder's index. */
  public static List<String> inFolder(Path datasets) throws IOException {
    return read(Files.readAllLines(datasets.resolve(FILE_NAME)));
  }

  private static List<String> read(List<String> lines) {
    List<String> names = new ArrayList<>();
    for (String line : lines) {
      if (!line.isBlank()) {
        names.add(line.strip());
      }
    }
    return names;
  }

  /**
   * The dataset to open: {@code wanted}, or the only one listed.
   *
   * @param shown names the jar or folder in messages
   * @throws ToolException if the index is empty, does not list {@code wanted}, or lists several and
   *     none was named
   */
  public static String choose(List<String> names, String wanted, String shown)
      throws ToolException {
    if (names.isEmpty()) {
      throw new ToolException(
          shown
              + " holds no dataset: its index is empty. Rebuild it with"
              + " the dataset-maven-plugin's build goal");
    }
    if (wanted != null) {
      if (!names.contains(wanted)) {
        throw new ToolException(
            shown
                + " has no dataset '"
                + wanted
                + "'; it holds "
                + String.join(", ", names)
                + ". Name one of those");
      }
      return wanted;
    }
    if (names.size() > 1) {
      throw new ToolException(
          shown
              + " holds "
              + names.size()
              + " datasets ("
              + String.join(", ", names)
              + "); name the one you mean (--dataset NAME on the"
              + " command line, -Ddataset.names=NAME in Maven)");
    }
    return names.get(0);
  }
}
