package dev.datajar.builder.internal;

import dev.datajar.runtime.format.DataSetLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts finished dataset files into the output folder so that a reader only ever sees a whole
 * old file or a whole new one, and keeps the folder's {@code index} in step.
 *
 * <p>Files are finished in the work folder and renamed into place. Where the two folders are
 * on different file systems (a rename cannot cross them) the file is copied to a hidden name
 * beside its target first, then renamed.
 */
@SuppressWarnings("UnnecessarilyFullyQualified") // inline names stay until this file's rewrite
final class Artifacts {
  private static final String MANIFEST_SUFFIX = ".manifest.json";

  private Artifacts() {}

  /** Moves {@code from} to {@code target}, replacing it in one step. */
  static void moveInto(Path from, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try {
      Files.move(from, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Path staged = target.resolveSibling("." + target.getFileName() + ".tmp");
      try {
        Files.copy(from, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(staged);
      }
      Files.delete(from);
    }
  }

  /** Writes {@code bytes} to {@code target} through a temporary file in {@code work}. */
  static void write(byte[] bytes, Path target, Path work) throws IOException {
    Files.createDirectories(work);
    Path temp = work.resolve(target.getFileName() + ".tmp");
    try {
      Files.write(temp, bytes);
      moveInto(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Rewrites the output folder's index: every dataset whose file and manifest are there. */
  static void writeIndex(Path output, Path work) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(output)) {
      files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(MANIFEST_SUFFIX))
          .map(n -> n.substring(0, n.length() - MANIFEST_SUFFIX.length()))
          .filter(n -> DataSetLayout.isValidName(n)
              && Files.isRegularFile(output.resolve(DataSetLayout.sqliteFileName(n))))
          .forEach(names::add);
    }
    names.sort(null);
    StringBuilder text = new StringBuilder();
    names.forEach(n -> text.append(n).append('\n'));
    Path index = output.resolve(DataSetLayout.INDEX.substring(DataSetLayout.RESOURCE_DIR.length()));
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(index) && java.util.Arrays.equals(Files.readAllBytes(index), bytes)) {
      return;
    }
    write(bytes, index, work);
  }
}
