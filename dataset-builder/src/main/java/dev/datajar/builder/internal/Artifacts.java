package dev.datajar.builder.internal;

import dev.datajar.runtime.format.DataSetIndex;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Puts a finished dataset into the output folder so that a reader only ever sees whole files, and
 * keeps the folder's {@code index} in step.
 *
 * <p>Every new file is written completely, and flushed to disk, in the work folder; then the file
 * and its manifest are each renamed into place in one step. Nothing is ever staged in the output
 * folder (where a build killed at the wrong moment would leave a file the jar then carries), except
 * when the work folder is on another file system than the output: there a rename cannot cross, and
 * the file is copied to a hidden name beside its target first ({@code .geo.sqlite.8123.tmp}, which
 * the next build removes if this one is killed: {@link #removeStale}). A build killed between the
 * two renames (the only window) leaves a file whose sha256 is not its manifest's: the next build
 * sees that and builds again, and the runtime refuses the pair with a message that says so.
 */
final class Artifacts {
  private static final String MANIFEST_SUFFIX = ".manifest.json";

  private Artifacts() {}

  /** Publishes a finished file (in the work folder) and its manifest, then rewrites the index. */
  static void publish(Path finished, Path sqlite, Manifest manifest, Path work) throws IOException {
    Path output = sqlite.getParent();
    Files.createDirectories(output);
    Files.createDirectories(work);
    Path manifestFile = output.resolve(DataSetLayout.manifestFileName(manifest.name()));
    Path stagedManifest = staged(work, manifestFile);
    try {
      Files.write(stagedManifest, manifest.toJson());
      sync(finished);
      sync(stagedManifest);
      moveInto(finished, sqlite);
      moveInto(stagedManifest, manifestFile);
    } finally {
      Files.deleteIfExists(stagedManifest);
    }
    writeIndex(output, work);
  }

  /** A new, empty file in {@code folder} named for {@code target}: {@code .geo.sqlite.8123.tmp}. */
  private static Path staged(Path folder, Path target) throws IOException {
    return Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
  }

  /**
   * Renames a complete file onto {@code target} in one step. Across file systems, where no rename
   * can, it is first copied (and flushed) beside the target under a staged name.
   */
  private static void moveInto(Path from, Path target) throws IOException {
    try {
      Files.move(from, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Path beside = staged(target.getParent(), target);
      try {
        Files.copy(from, beside, StandardCopyOption.REPLACE_EXISTING);
        sync(beside);
        Files.move(
            beside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(from);
      } finally {
        Files.deleteIfExists(beside);
      }
    }
  }

  private static void sync(Path file) throws IOException {
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
      c.force(true);
    }
  }

  /**
   * Whether a manifest describes a dataset built into PostgreSQL (no file: it names a schema). One
   * that cannot be read describes nothing the index could list.
   */
  private static boolean inPostgres(Path manifest) {
    try (InputStream in = Files.newInputStream(manifest)) {
      return Manifest.read(in, manifest.toString()).inPostgres();
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes {@code bytes} to {@code target} through a unique file in the work folder. */
  static void write(byte[] bytes, Path target, Path work) throws IOException {
    Files.createDirectories(target.getParent());
    Files.createDirectories(work);
    Path temp = staged(work, target);
    try {
      Files.write(temp, bytes);
      moveInto(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Removes what a build of {@code dataSet} killed half-way left behind: its staged files in the
   * output folder (which the jar would carry: a 24 MB dataset became a 48 MB jar) and the index's,
   * and its scratch files in the work folder. Only datajar's own names are matched, each with the
   * random number a staged name carries; a user's files are never touched. Called with the
   * dataset's build lock held, so no running build of it is using them.
   *
   * @return the files removed
   */
  static List<Path> removeStale(String dataSet, Path output, Path work) throws IOException {
    String name = Pattern.quote(dataSet);
    // Older datajar versions staged here as .geo.sqlite.N.tmp, .geo.N.tmp (the manifest),
    // .geo.manifest.json.N.tmp and .index.N.tmp; a cross-file-system move still does.
    Pattern inOutput =
        Pattern.compile(
            "\\.("
                + name
                + "(\\.sqlite|"
                + Pattern.quote(MANIFEST_SUFFIX)
                + ")?|index)\\.\\d+\\.tmp");
    // DataSetJob's scratch file (geo.N.sqlite.tmp, .done once finished) and, from here, a staged
    // manifest; the index's staged file is left (another dataset's build may be writing it).
    Pattern inWork =
        Pattern.compile(
            name
                + "\\.\\d+\\.sqlite\\.tmp(\\.done)?|\\."
                + name
                + "(\\.sqlite|"
                + Pattern.quote(MANIFEST_SUFFIX)
                + ")\\.\\d+\\.tmp");
    List<Path> removed = new ArrayList<>();
    removeMatching(output, inOutput, removed);
    removeMatching(work, inWork, removed);
    return removed;
  }

  private static void removeMatching(Path folder, Pattern names, List<Path> removed)
      throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    List<Path> matching;
    try (Stream<Path> files = Files.list(folder)) {
      matching =
          files
              .filter(f -> names.matcher(f.getFileName().toString()).matches())
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    }
    for (Path f : matching) {
      if (Files.deleteIfExists(f)) {
        removed.add(f);
      }
    }
  }

  /**
   * Rewrites the output folder's index: every dataset whose manifest is there with what it
   * describes, its SQLite file beside it or, for a dataset built into PostgreSQL, the schema it
   * names.
   */
  static void writeIndex(Path output, Path work) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(output)) {
      for (String n :
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(MANIFEST_SUFFIX))
              .map(n -> n.substring(0, n.length() - MANIFEST_SUFFIX.length()))
              .filter(DataSetLayout::isValidName)
              .toList()) {
        if (Files.isRegularFile(output.resolve(DataSetLayout.sqliteFileName(n)))
            || inPostgres(output.resolve(DataSetLayout.manifestFileName(n)))) {
          names.add(n);
        }
      }
    }
    Path index = output.resolve(DataSetLayout.INDEX.substring(DataSetLayout.RESOURCE_DIR.length()));
    byte[] bytes = DataSetIndex.toBytes(names);
    if (Files.isRegularFile(index) && Arrays.equals(Files.readAllBytes(index), bytes)) {
      return;
    }
    write(bytes, index, work);
  }
}
