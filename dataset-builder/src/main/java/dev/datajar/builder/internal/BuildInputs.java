package dev.datajar.builder.internal;

import dev.datajar.builder.DataSetBuilder;
import dev.datajar.builder.TableSettings;
import dev.datajar.runtime.format.DataJarDialect;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.Sha256;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The inputs of one dataset build that decide its output: the source files (checksummed for the
 * manifest), and what the manifest does not record (the table settings and the bytes of the
 * module's compiled classes, whose converters and code sources shape the rows), kept as a stamp in
 * the work folder.
 */
final class BuildInputs {
  private BuildInputs() {}

  /** Source files with their checksums, relative to the dataset folder, sorted by path. */
  static List<Manifest.Source> sources(Path directory, Collection<Path> files) throws IOException {
    Map<String, Path> byPath = new TreeMap<>();
    for (Path f : files) {
      byPath.put(relative(directory, f), f);
    }
    List<Manifest.Source> out = new ArrayList<>();
    for (Map.Entry<String, Path> e : byPath.entrySet()) {
      out.add(new Manifest.Source(e.getKey(), Sha256.of(e.getValue()), Files.size(e.getValue())));
    }
    return out;
  }

  /**
   * Starts checksumming {@code files} on a background thread: it overlaps with the load, which
   * reads the same files (so they are in the OS cache) and leaves CPU to spare while SQLite works.
   */
  static CompletableFuture<List<Manifest.Source>> sourcesInBackground(
      Path directory, Collection<Path> files) {
    CompletableFuture<List<Manifest.Source>> result = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                result.complete(sources(directory, files));
              } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
              }
            },
            "datajar-checksums");
    t.setDaemon(true);
    t.start();
    return result;
  }

  /** Joins checksum lists, sorted by path. */
  static List<Manifest.Source> merge(List<Manifest.Source> a, List<Manifest.Source> b) {
    Map<String, Manifest.Source> byPath = new TreeMap<>();
    a.forEach(s -> byPath.put(s.path(), s));
    b.forEach(s -> byPath.put(s.path(), s));
    return new ArrayList<>(byPath.values());
  }

  /** The source files of the tables, without those only code sources know of. */
  static Set<Path> files(List<TableSource> sources) {
    Set<Path> out = new TreeSet<>();
    sources.forEach(s -> out.addAll(s.files())); // every part of a table read in parts
    return out;
  }

  static String relative(Path directory, Path file) {
    Path r = directory.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
    return r.toString().replace(File.separatorChar, '/');
  }

  /**
   * What the manifest does not record but the output depends on, as text: the module's compiled
   * classes (entities, converters, code sources), datajar's own code, the dataset's table settings,
   * and the names of the files in its source folder (so a new source file is noticed; the content
   * of those that were read is in the manifest's checksums). Computed without Hibernate, so an
   * unchanged build is skipped before any Hibernate start.
   */
  static String stamp(Path classes, List<TableSettings> settings, Path sourceFolder)
      throws IOException {
    StringBuilder sb = new StringBuilder("classes ").append(classesDigest(classes)).append('\n');
    sb.append("datajar ").append(datajarCode()).append('\n');
    List<String> tables = new ArrayList<>();
    settings.forEach(t -> tables.add(String.valueOf(t)));
    tables.sort(null);
    tables.forEach(t -> sb.append("table ").append(t).append('\n'));
    if (Files.isDirectory(sourceFolder)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(sourceFolder)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path f : files) {
        sb.append("file ").append(relative(sourceFolder, f)).append('\n');
      }
    }
    return sb.toString();
  }

  private static String datajarCode;

  /**
   * A checksum of datajar's own code (the builder and the storage format): a SNAPSHOT keeps its
   * version while its code changes, and a changed builder may write other bytes.
   */
  private static synchronized String datajarCode() throws IOException {
    if (datajarCode == null) {
      StringBuilder sb = new StringBuilder();
      for (Class<?> c : List.of(DataSetBuilder.class, DataJarDialect.class)) {
        Path where;
        try {
          where = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
          sb.append("unknown ").append(c.getName()).append('\n');
          continue;
        }
        sb.append(Files.isDirectory(where) ? classesDigest(where) : Sha256.of(where)).append('\n');
      }
      datajarCode = Sha256.of(sb.toString());
    }
    return datajarCode;
  }

  /**
   * One checksum over every class file of the module: a changed converter or code source changes
   * the rows even where the schema fingerprint stays the same.
   */
  private static String classesDigest(Path classes) throws IOException {
    if (!Files.isDirectory(classes)) {
      return "none";
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(f -> f.toString().endsWith(".class")).sorted().toList();
    }
    StringBuilder sb = new StringBuilder();
    for (Path f : files) {
      sb.append(relative(classes, f)).append(' ').append(Sha256.of(f)).append('\n');
    }
    return Sha256.of(sb.toString());
  }

  static Path stampFile(Path work, String name) {
    return work.resolve(name + ".inputs");
  }

  static void writeStamp(Path work, String name, String stamp) throws IOException {
    Artifacts.write(stamp.getBytes(StandardCharsets.UTF_8), stampFile(work, name), work);
  }

  /**
   * True if the output files exist, are intact (the file is the one its manifest describes), and
   * were built from exactly these inputs.
   */
  static boolean upToDate(
      Path sqlite, Path manifestFile, Path directory, String version, Path stampFile, String stamp)
      throws IOException {
    if (!Files.isRegularFile(sqlite)
        || !Files.isRegularFile(manifestFile)
        || !Files.isRegularFile(stampFile)
        || !Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)) {
      return false;
    }
    Manifest m;
    try (InputStream in = Files.newInputStream(manifestFile)) {
      m = Manifest.read(in, manifestFile.toString());
    } catch (IOException e) {
      return false;
    }
    if (!version.equals(m.datajarVersion())) {
      return false;
    }
    for (Manifest.Source s : m.sources()) {
      Path f = directory.resolve(s.path());
      if (!Files.isRegularFile(f)
          || Files.size(f) != s.bytes()
          || !Sha256.of(f).equals(s.sha256())) {
        return false;
      }
    }
    return Files.size(sqlite) == m.bytes() && Sha256.of(sqlite).equals(m.sha256());
  }
}
