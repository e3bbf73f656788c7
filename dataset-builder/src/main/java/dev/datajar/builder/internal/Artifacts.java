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
import java.util.stream.Stream;

/**
 * Puts a finished dataset into the output folder so that a reader only ever sees whole files, and
 * keeps the folder's {@code index} in step.
 *
 * <p>Both new files are written completely, and flushed to disk, under hidden temporary names
 * beside their targets before the first rename; then the file and its manifest are each renamed
 * into place in one step. A build killed between those two renames (the only window) leaves a file
 * whose sha256 is not its manifest's: the next build sees that and builds again, and the runtime
 * refuses the pair with a message that says so. Nothing else can leave a mixed pair.
 */
final class Artifacts {
  private static final String MANIFEST_SUFFIX = ".manifest.json";

  private Artifacts() {}

  /** Publishes a finished file and its manifest, then rewrites the index. */
  static void publish(Path finished, Path sqlite, Manifest manifest, Path work) throws IOException {
    Path output = sqlite.getParent();
    Files.createDirectories(output);
    Path stagedFile = Files.createTempFile(output, "." + sqlite.getFileName() + ".", ".tmp");
    Path stagedManifest = Files.createTempFile(output, "." + manifest.name() + ".", ".tmp");
    try {
      moveOrCopy(finished, stagedFile);
      Files.write(stagedManifest, manifest.toJson());
      sync(stagedFile);
      sync(stagedManifest);
      Path manifestFile = output.resolve(DataSetLayout.manifestFileName(manifest.name()));
      Files.move(
          stagedFile, sqlite, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          stagedManifest,
          manifestFile,
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(stagedFile);
      Files.deleteIfExists(stagedManifest);
    }
    writeIndex(output, work);
  }

  /** Moves {@code from} onto {@code to}, copying where a rename cannot cross file systems. */
  private static void moveOrCopy(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      Files.delete(from);
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
      Manifest m = Manifest.read(in, manifest.toString());
      return m.file() == null && m.postgres() != null;
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes {@code bytes} to {@code target} through a unique temporary file beside it. */
  static void write(byte[] bytes, Path target, Path work) throws IOException {
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
    try {
      Files.write(temp, bytes);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
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
